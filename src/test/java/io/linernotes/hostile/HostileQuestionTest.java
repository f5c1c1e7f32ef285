package io.linernotes.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.app.Consistency;
import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.console.ConsoleSession;
import io.linernotes.core.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile questions through the console ({@link ConsoleSession#handle}), each in a fresh session (no
 * follow-up history) on a real engine whose data directory holds the demo essays and one essay of ours.
 */
class HostileQuestionTest {

    @TempDir
    static Path dir;
    static Engine engine;

    /** The kinds of clear reply a question may get. */
    enum Reply {
        USAGE("Usage: /"),
        PROMPT("Ask me what a song means"),
        NO_COMMENTARY("I don't have any commentary"),
        ANSWERED("♪ Paper Lanterns — The Quiet Harbour");

        final String words;

        Reply(String words) {
            this.words = words;
        }
    }

    @BeforeAll
    static void open() throws Exception {
        RetrievalConfig d = RetrievalConfig.defaults();
        AppConfig config = AppConfig.defaults().withDataDir(dir.resolve("data").toString())
                .withRetrieval(new RetrievalConfig(d.passages(), d.candidates(), d.chunkMaxChars(), d.rrfK(), false));
        engine = Engine.open(config);
        Path good = dir.resolve("good.md");
        Files.writeString(good, "---\ntitle: Paper Lanterns\nartist: The Quiet Harbour\n---\n"
                + "The song sends paper lanterns down a river, one for each room of a house the family is leaving.\n");
        assertTrue(new ConsoleSession(engine.answers(), engine.essays()).handle("/essay add " + good)
                .startsWith("Added essay #"));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Stream<Arguments> hostileQuestions() {
        return Stream.of(
                Arguments.of("empty /ask", "/ask", Reply.USAGE),
                Arguments.of("/ask with only spaces", "/ask    ", Reply.USAGE),
                Arguments.of("empty /meaning", "/meaning", Reply.USAGE),
                Arguments.of("only the separator", "/meaning |", Reply.PROMPT),
                Arguments.of("only zero-width spaces", "\u200B\u200B\u200B", Reply.PROMPT),
                Arguments.of("6,000 characters", "why ".repeat(1500), Reply.NO_COMMENTARY),
                Arguments.of("a 6,000-character song name", "/meaning " + "Paper Lanterns ".repeat(400), Reply.ANSWERED),
                Arguments.of("only emoji", "🌊🔥💀🎸🎶", Reply.NO_COMMENTARY),
                // pings are no words (one cleaner for every door, text.TypedText): nothing is asked, as in Discord
                Arguments.of("only mentions", "@everyone <@123> <@&456> <#789>", Reply.PROMPT),
                Arguments.of("right-to-left override", "\u202Esnretnal repap\u202C what does it mean?", Reply.NO_COMMENTARY),
                Arguments.of("Lucene field syntax", "title:\"x\" AND *", Reply.NO_COMMENTARY),
                Arguments.of("an escaped quote", "\\\"", Reply.NO_COMMENTARY),
                Arguments.of("regex specials", ".*+?^$|()[]{}\\ \\Q \\E (?i)", Reply.NO_COMMENTARY),
                Arguments.of("format strings and a JNDI lookup", "%s %n %x {0} ${jndi:ldap://x/a}", Reply.NO_COMMENTARY),
                Arguments.of("an unbalanced quote", "what does \"Paper Lanterns mean", Reply.ANSWERED),
                Arguments.of("unbalanced brackets", "Paper Lanterns ( [ { meaning", Reply.ANSWERED),
                Arguments.of("Lucene operators", "/ask what do the Paper Lanterns~0.1^100 AND river* OR -house mean",
                        Reply.ANSWERED),
                Arguments.of("SQL injection", "'; DROP TABLE essays; -- what does Paper Lanterns mean", Reply.ANSWERED),
                Arguments.of("a NUL character", "what\0does Paper Lanterns mean", Reply.ANSWERED),
                Arguments.of("only HTML", "<script>alert(1)</script><img src=x onerror=y>", Reply.NO_COMMENTARY),
                Arguments.of("zero-width inside the title", "/meaning Pa\u200Bper Lan\u200Dterns", Reply.ANSWERED),
                Arguments.of("mentions around a real title", "@everyone what does Paper Lanterns mean <@123>", Reply.ANSWERED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileQuestions")
    @DisplayName("a hostile question gets a clear reply and leaves store and index as they were")
    void hostileQuestion(String kind, String line, Reply expected) {
        int before = engine.essays().list(Scope.GLOBAL).size();
        long started = System.nanoTime();
        String reply = new ConsoleSession(engine.answers(), engine.essays()).handle(line);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(reply.contains(expected.words), kind + " → " + abbreviate(reply));
        assertFalse(reply.contains("Something went wrong"), reply);
        assertEquals(before, engine.essays().list(Scope.GLOBAL).size());
        Consistency c = engine.consistency();
        assertTrue(c.consistent(), c.describe());
        assertTrue(millis < 5_000, kind + " took " + millis + " ms");
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " chars)" : s;
    }
}
