package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Taking a song's own names out of a question, typos and possessives included, and nothing else. */
class QuestionRemainderTest {

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "what's harbor lights by juno vale about?|Harbor Lights|Juno Vale|what's by about?",
        "What does the lighthouse line in Harbour Lihgts mean?|Harbor Lights|Juno Vale|What does the lighthouse line in mean?",
        "Juno Vale's verse about the tide|Harbor Lights|Juno Vale|verse about the tide",
        "paper crowns low orchard meaning|Paper Crowns|Low Orchard|meaning",
        "why is the crown made of paper in Paper Crowns?|Paper Crowns|Low Orchard|why is the made of in",
        "which line mentions valance?|Liberty Valance|Gene Pitney|which line mentions",
        "what does the bridge say|Lo|Ed|what does the bridge say",
    })
    @DisplayName("the song's names go, with one typo allowed from four letters; every other word stays")
    void namesAreTakenOut(String question, String title, String artist, String expected) {
        assertEquals(expected, QuestionRemainder.of(question, List.of(title, artist)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "what is it about?|0",
        "song meaning|0",
        "what's the song saying|0",
        "what is the hook about?|1",
        "who is the lighthouse keeper in the lyrics|2",
    })
    @DisplayName("question and shape words ask nothing; the rest is what is asked")
    void askedTerms(String remainder, int asked) {
        try (var questions = PassageAnalyzer.forQuestions()) {
            assertEquals(asked, QuestionRemainder.askedTerms(questions, remainder).size());
        }
    }
}
