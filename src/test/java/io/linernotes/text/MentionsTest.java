package io.linernotes.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Mentions: the one defuser of Discord pings")
class MentionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@everyone look        | @\u200Beveryone look",
            "hi @here              | hi @\u200Bhere",
            "Hi @Everyone          | Hi @\u200BEveryone",
            "<@123> and <@!456>    | <@\u200B123> and <@\u200B!456>",
            "role <@&789>          | role <@\u200B&789>",
            "channel <#42>         | channel <#\u200B42>",
            "mail me@example.com   | mail me@example.com"})
    @DisplayName("every kind of mention gets one zero-width space after its @ or <@ / <#; other @ signs stay")
    void defusesEveryKind(String text, String expected) {
        assertEquals(expected, Mentions.defuse(text));
    }

    @Test
    @DisplayName("defusing twice (the model layer, then the Discord layer) gives exactly what defusing once gives")
    void secondPassAddsNothing() {
        String text = "@everyone <@123> <@!456> <@&789> <#42> @here";
        String once = Mentions.defuse(text);
        assertEquals(once, Mentions.defuse(once));
        assertEquals(6, once.chars().filter(c -> c == '\u200B').count(), "one space per mention: " + once);
    }

    @Test
    @DisplayName("null and empty text come back empty")
    void nullIsEmpty() {
        assertEquals("", Mentions.defuse(null));
        assertEquals("", Mentions.defuse(""));
    }
}
