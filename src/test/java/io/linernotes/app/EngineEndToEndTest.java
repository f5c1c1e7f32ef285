package io.linernotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.TestPaths;
import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.answer.Source;
import io.linernotes.config.AppConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer engine end to end, extractive, with real SQLite, real Lucene and the real embedding model: the
 * bundled demo essays plus the seed essay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineEndToEndTest {

    @TempDir
    static Path dataDir;

    private Engine engine;
    private Essay seed;

    @BeforeAll
    void openWithTheSeed() throws Exception {
        engine = Engine.open(AppConfig.defaults().withDataDir(dataDir.toString()));
        Path seedFile = Files.exists(TestPaths.SEED) ? TestPaths.SEED : Path.of("src/test/resources/fixtures/runaway-seed-layout.txt");
        List<Essay> added = engine.essays().importFile("runaway-kanye-west.txt", Files.readAllBytes(seedFile), Scope.GLOBAL).added();
        assertEquals(1, added.size());
        seed = added.get(0);
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @Test
    @DisplayName("/meaning Runaway answers from the seed essay and cites it")
    void meaningRunawayCitesTheSeed() {
        Answer answer = engine.answers().answer(AnswerRequest.meaning("Runaway", null, Scope.GLOBAL));
        assertEquals(Answer.Status.ANSWERED, answer.status());
        assertEquals("Runaway", answer.song().title());
        assertEquals("Kanye West", answer.song().artist());
        assertTrue(answer.sources().stream().anyMatch(s -> s.essayId() == seed.id()), "cites the seed: " + answer.sources());
        assertTrue(answer.text().matches("(?s).*\\[\\d+].*"), "the text cites a numbered source: " + answer.text());
    }

    @Test
    @DisplayName("a refusal names the song it understood, not the whole question, and the artist's stored songs")
    void refusalSaysWhatWasUnderstood() {
        Answer answer = engine.answers().answer(AnswerRequest.ask("What is Gold Digger by Kanye West about?", Scope.GLOBAL));
        assertEquals(Answer.Status.NO_COMMENTARY, answer.status());
        assertTrue(answer.text().contains("“Gold Digger” by Kanye West"), answer.text());
        assertFalse(answer.text().contains("What is"), "the question is not echoed: " + answer.text());
        assertEquals(List.of("Songs by Kanye West with commentary here: “Runaway”."), answer.notes());

        Answer unknown = engine.answers().answer(AnswerRequest.ask("Suzanne by Leonard Cohen meaning", Scope.GLOBAL));
        assertEquals(Answer.Status.NO_COMMENTARY, unknown.status());
        assertTrue(unknown.text().contains("“Suzanne” by Leonard Cohen"), unknown.text());
        assertEquals(List.of(), unknown.notes(), "no stored songs of that artist to name");

        // a bare run of title and artist, without "by" or any question word, is told apart the same way
        for (String bare : List.of("Gold Digger Kanye West", "Kanye West - Gold Digger", "kanye west gold digger")) {
            Answer told = engine.answers().answer(AnswerRequest.ask(bare, Scope.GLOBAL));
            assertEquals(Answer.Status.NO_COMMENTARY, told.status(), bare);
            assertTrue(told.text().toLowerCase(java.util.Locale.ROOT).contains("“gold digger” by kanye west"), told.text());
            assertEquals(List.of("Songs by Kanye West with commentary here: “Runaway”."), told.notes(), bare);
        }
        Answer whole = engine.answers().answer(AnswerRequest.ask("Suzanne Leonard Cohen", Scope.GLOBAL));
        assertEquals(Answer.Status.NO_COMMENTARY, whole.status());
        assertTrue(whole.text().contains("“Suzanne Leonard Cohen”"), "an artist the catalogue does not credit: " + whole.text());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "what does Paranoid Android mean        | “Paranoid Android”",
        "What's Karma Police about?             | “Karma Police”",
        "Sugar by Maroon 5 meaning              | “Sugar” by Maroon 5",
        "hey jude what does it mean             | “hey jude”",
        "tell me about the song Nutshell        | “Nutshell”",
    })
    @DisplayName("a question that only names an absent song is refused by that song's name, without its question words")
    void refusalNamesTheSongNotTheQuestion(String question, String named) {
        Answer answer = engine.answers().answer(AnswerRequest.ask(question, Scope.GLOBAL));
        assertEquals(Answer.Status.NO_COMMENTARY, answer.status());
        assertTrue(answer.text().contains(named), answer.text());
    }

    @Test
    @DisplayName("\"what is the Ichabod Crane line about?\" finds Runaway and the paragraph about that line first")
    void ichabodCraneLine() {
        Answer answer = engine.answers().answer(AnswerRequest.ask("what is the Ichabod Crane line about?", Scope.GLOBAL));
        assertEquals(Answer.Status.ANSWERED, answer.status());
        assertEquals("Runaway", answer.song().title());
        Source first = answer.sources().get(0);
        assertTrue(first.passage().contains("Ichabod Crane"), "first source is the Ichabod Crane paragraph: " + first.passage());
        assertTrue(answer.text().contains("Ichabod"), answer.text());
    }

    @Test
    @DisplayName("\"Runaway by Pusha T\" opens with the correction: it is Kanye West's song, Pusha T features")
    void misattributionToTheFeaturedArtist() {
        Answer answer = engine.answers().answer(AnswerRequest.meaning("Runaway by Pusha T", null, Scope.GLOBAL));
        assertEquals(Answer.Status.ANSWERED, answer.status());
        assertFalse(answer.notes().isEmpty(), "a correction note");
        String note = answer.notes().get(0);
        assertTrue(note.contains("Kanye West") && note.contains("Pusha T") && note.contains("featured"), note);
    }

    @Test
    @DisplayName("two essays on one song: the answer says where their readings differ and cites both")
    void differingReadings() {
        Answer answer = engine.answers().answer(AnswerRequest.meaning("Runaway", "is the hook a warning?", Scope.GLOBAL));
        long essays = answer.sources().stream().map(Source::essayId).distinct().count();
        assertTrue(essays >= 2, "sources from several essays: " + answer.sources());
        assertTrue(answer.text().toLowerCase().contains("differ"), answer.text());
    }

    @Test
    @DisplayName("a song with no essay gets the plain no-commentary answer, naming no other song")
    void unknownSong() {
        Answer answer = engine.answers().answer(AnswerRequest.ask("What is Bohemian Rhapsody by Queen about?", Scope.GLOBAL));
        assertEquals(Answer.Status.NO_COMMENTARY, answer.status());
        assertTrue(answer.sources().isEmpty());
        assertTrue(answer.text().contains("/essay add"), answer.text());
        assertFalse(answer.text().contains("Runaway"), answer.text());
    }

    @Test
    @DisplayName("a new essay is answerable as soon as it is added, and only in its own server")
    void newEssayAnswerableAtOnceInItsServer() throws Exception {
        String md = """
                ---
                title: Paper Lanterns
                artist: The Quiet Harbour
                year: 2019
                author: test moderator
                ---
                Paper Lanterns is about letting go of a childhood home: the lanterns carry the names of rooms.
                """;
        Scope serverA = Scope.guild("111");
        engine.essays().importFile("lanterns.md", md.getBytes(), serverA);
        Answer inA = engine.answers().answer(AnswerRequest.meaning("paper lanterns", null, serverA));
        assertEquals(Answer.Status.ANSWERED, inA.status());
        assertNotNull(inA.song());
        Answer inB = engine.answers().answer(AnswerRequest.meaning("paper lanterns", null, Scope.guild("222")));
        assertEquals(Answer.Status.NO_COMMENTARY, inB.status());
        // A picked song id (the song menu) from another server names nothing there: neither answer nor echo.
        Answer pickedInB = engine.answers().answer(
                AnswerRequest.meaning("what does it mean?", null, Scope.guild("222")).about(inA.song().id()));
        assertEquals(Answer.Status.NO_COMMENTARY, pickedInB.status());
        assertFalse(pickedInB.text().contains("Paper Lanterns"), pickedInB.text());
        assertEquals(null, pickedInB.song());
    }
}
