package io.linernotes.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionsTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "What is Dear Prudence by the Beatles about?          | true",
        "hey jude what does it mean                           | true",
        "Sugar by Maroon 5 meaning                            | true",
        "tell me about Paper Lanterns                         | true",
        "what is the Ichabod Crane line about?                | false",
        "what does the second verse of Stan mean?             | false",
        "Which song was recorded by Illy?                     | false",
        "Who wrote the anthem sung by the Polish Legions?     | false",
        "Which 1990 Sanremo entry was meant for Patty Pravo until she objected to its words and pulled out? | false",
    })
    void tellsANamedSongFromADescribedOne(String question, boolean namesASong) {
        assertEquals(namesASong, Questions.onlyNamesASong(question), question);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "and Pusha T's verse?       | true",
        "what about the outro       | true",
        "what does that song mean   | true",
        "Which anthem was written in 1797? | false",
    })
    void recognisesFollowUps(String question, boolean followUp) {
        assertEquals(followUp, Questions.looksLikeFollowUp(question), question);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "'what does \u200Bthis\u202E mean'  | 'what does this mean'",
        "'  spaced\t\nout  '              | 'spaced out'",
        "'@everyone what does <@123> X mean' | 'what does X mean'",
        "'@every\u200Bone <#42>'            | ''",
    })
    void cleansInvisibleCharactersAndSpace(String raw, String clean) {
        assertEquals(clean, Questions.clean(raw));
    }
}
