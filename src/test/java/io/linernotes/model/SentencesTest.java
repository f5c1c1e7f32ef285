package io.linernotes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Sentence splitting")
class SentencesTest {

    @ParameterizedTest(name = "{0}")
    @DisplayName("ends sentences at full stops but not after titles and abbreviations")
    @CsvSource(delimiter = '|', value = {
        "Liv wrote \"Sorry Mrs. Carter\" in 2014. Critics disliked it. | 2",
        "It peaked at No. 4 in Rhodesia. That was its best. | 2",
        "A song by Dr. Hook. Another line. | 2",
        "One paragraph.¶¶Another paragraph without a stop | 2",
        "Just one sentence here | 1"})
    void splits(String text, int expected) {
        List<String> sentences = Sentences.split(text.replace("¶", "\n"));
        assertEquals(expected, sentences.size(), sentences.toString());
    }
}
