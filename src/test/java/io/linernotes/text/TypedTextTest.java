package io.linernotes.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("TypedText: the one cleaner of what people type")
class TypedTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'  what   does\tit\nmean  '                    | 'what does it mean'",
            "'what does \u200Bthis\u202E mean'              | 'what does this mean'",
            "'@everyone what does Paper Lanterns mean <@123>' | 'what does Paper Lanterns mean'",
            "'<@!42> <@&7> <#9> @here'                       | ''",
            "'@every\u200Bone hi'                            | 'hi'",
            "'@\u3164here hi'                                | 'hi'",
            "'@Here Comes the Sun meaning'                   | '@Here Comes the Sun meaning'",
            "'mail me@example.com about it'                  | 'mail me@example.com about it'"})
    @DisplayName("invisible characters, pings and extra white space go; words stay")
    void cleans(String raw, String expected) {
        assertEquals(expected, TypedText.clean(raw));
    }

    @Test
    @DisplayName("null is empty text")
    void nullIsEmpty() {
        assertEquals("", TypedText.clean(null));
        assertEquals("what does it mean", TypedText.clean("what\0does it mean"), "a control character parts words");
    }
}
