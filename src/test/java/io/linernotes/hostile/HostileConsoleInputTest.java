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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile essays and questions through the console's own door ({@link ConsoleSession#handle}) on one real
 * engine (SQLite file, Lucene index; BM25 only for speed). Each case must get a clear message in words, must
 * store all of a file or nothing of it, and must leave the index agreeing with the store.
 */
class HostileConsoleInputTest {

    @TempDir
    static Path dir;
    static Engine engine;
    static ConsoleSession console;

    private static final String GOOD = "---\ntitle: Paper Lanterns\nartist: The Quiet Harbour\n---\n"
            + "The song sends paper lanterns down a river, one for each room of a house the family is leaving.\n";

    @BeforeAll
    static void open() throws Exception {
        RetrievalConfig d = RetrievalConfig.defaults();
        AppConfig config = AppConfig.defaults().withDataDir(dir.resolve("data").toString())
                .withRetrieval(new RetrievalConfig(d.passages(), d.candidates(), d.chunkMaxChars(), d.rrfK(), false));
        engine = Engine.open(config);
        console = new ConsoleSession(engine.answers(), engine.essays());
        Path good = dir.resolve("good.md");
        Files.writeString(good, GOOD);
        assertTrue(console.handle("/essay add " + good).startsWith("Added essay #"));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** One hostile file: its name, its bytes, the words its reply must contain, and how many essays it may add. */
    record HostileFile(String name, Supplier<byte[]> content, String expected, int adds) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Supplier<byte[]> text(String s) {
        return () -> s.getBytes(StandardCharsets.UTF_8);
    }

    private static String md(String title, String artist, String body) {
        return "---\ntitle: " + title + "\nartist: " + artist + "\n---\n" + body + "\n";
    }

    private static String jsonl(String title, String body) {
        return "{\"title\":\"" + title + "\",\"artist\":\"The Quiet Harbour\",\"text\":\"" + body + "\"}";
    }

    static Stream<HostileFile> hostileFiles() {
        String body = "A song about a harbour at night and the ships that never come back.";
        return Stream.of(
                new HostileFile("empty.md", text(""), "Not added", 0),
                new HostileFile("whitespace.md", text("   \n\t\n   \n"), "Not added", 0),
                new HostileFile("ten-megabytes.md", () -> md("Big Song", "Loud Band", "word ".repeat(2_000_000))
                        .getBytes(StandardCharsets.UTF_8), "body too large", 0),
                new HostileFile("binary.md", () -> {
                    byte[] b = new byte[4096];
                    new Random(7).nextBytes(b);
                    return b;
                }, "Not added", 0),
                new HostileFile("latin1.md", () -> md("Café Song", "Zoë", body).getBytes(StandardCharsets.ISO_8859_1),
                        "not UTF-8", 0),
                new HostileFile("utf16.md", () -> md("Wide Song", "Wide Band", body).getBytes(StandardCharsets.UTF_16),
                        "Not added", 0),
                new HostileFile("nul-bytes.md", text(md("Nul Song", "Nul Band", "before\0after " + body)), "binary", 0),
                new HostileFile("unterminated-front-matter.md", text("---\ntitle: Open\nartist: Band\n" + body),
                        "front matter is not terminated", 0),
                new HostileFile("front-matter-not-yaml.md", text("---\ntitle: [unclosed\nartist: Band\n---\n" + body),
                        "not valid YAML", 0),
                new HostileFile("front-matter-a-list.md", text("---\n- a\n- b\n---\n" + body), "front matter", 0),
                new HostileFile("yaml-alias-bomb.md", () -> {
                    StringBuilder y = new StringBuilder("---\nl0: &l0 [x,x,x,x,x,x,x,x,x,x]\n");
                    for (int i = 1; i < 12; i++) {
                        y.append("l").append(i).append(": &l").append(i).append(" [")
                                .append(String.join(",", java.util.Collections.nCopies(10, "*l" + (i - 1)))).append("]\n");
                    }
                    return (y + "title: Bomb\nartist: Band\n---\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
                    // Aliases are not expanded into a tree of 10^12 nodes: the unknown keys are ignored quickly.
                }, "Added essay #", 1),
                new HostileFile("no-title.md", text("---\nartist: Band\n---\n" + body), "no title", 0),
                new HostileFile("no-artist.md", text("---\ntitle: Lonely\n---\n" + body), "no artist", 0),
                new HostileFile("header-no-body.md", text("---\ntitle: Hollow\nartist: Band\n---\n\n\n"), "empty body", 0),
                new HostileFile("title-1000-chars.md", text(md("T".repeat(1000), "Band", body)), "title too long", 0),
                new HostileFile("artist-1000-chars.md", text(md("Fine", "A".repeat(1000), body)), "too long", 0),
                new HostileFile("ten-thousand-paragraphs.md", text(md("Many", "Band", "Ok.\n\n".repeat(10_000))),
                        "too many paragraphs", 0),
                new HostileFile("year-99999.md", text("---\ntitle: Future\nartist: Band\nyear: 99999\n---\n" + body),
                        "out of range", 0),
                new HostileFile("year-words.md", text("---\ntitle: Someday\nartist: Band\nyear: soon\n---\n" + body),
                        "not a number", 0),
                new HostileFile("duplicate.md", text(GOOD), "already stored", 0),
                new HostileFile("zero-width-title.md", text(md("Paper\u200B Lan\u200Cterns\uFEFF", "The Quiet\u200D Harbour",
                        "A different essay on the lanterns, about the river rather than the house.")), "Added essay #", 1),
                new HostileFile("rtl-override-artist.md", text(md("Mirror Song", "\u202Ednab live\u202C",
                        "The mirror in the song shows the singer as a child.")), "Added essay #", 1),
                new HostileFile("title-only-zero-width.md", text(md("\u200B\u200B\u200B", "Band", body)), "no title", 0),
                new HostileFile("raw-html.md", text(md("<b>Bold</b> Song", "<script>alert(1)</script>",
                        "<iframe src=x></iframe><p onclick=\"steal()\">A song about a tag.</p>")), "Added essay #", 1),
                new HostileFile("mentions-in-body.md", text(md("Ping Song", "Ping Band",
                        "@everyone @here <@123456789> the song is about being called by everyone at once.")), "Added essay #", 1),
                new HostileFile("crlf.md", text(md("Carriage Song", "Return Band", body).replace("\n", "\r\n")),
                        "Added essay #", 1),
                new HostileFile("utf8-bom.md", () -> ("\uFEFF" + md("Bom Song", "Bom Band", body)).getBytes(StandardCharsets.UTF_8),
                        "Added essay #", 1),
                new HostileFile("seed-without-header.txt", text("Just some text with no header at all.\n\n" + body),
                        "Not added", 0),
                new HostileFile("jsonl-one-bad-line.jsonl", text(jsonl("Good One", body) + "\n{not json\n" + jsonl("Good Two", body) + "\n"),
                        "line 2", 0),
                new HostileFile("jsonl-empty.jsonl", text(""), "Not added", 0),
                new HostileFile("jsonl-array.jsonl", text("[1,2,3]\n"), "not a JSON object", 0),
                new HostileFile("jsonl-title-a-list.jsonl", text("{\"title\":[\"a\"],\"artist\":\"B\",\"text\":\"" + body + "\"}\n"),
                        "must be a text", 0),
                new HostileFile("jsonl-newline-in-title.jsonl", text(jsonl("Two\\nLines", body) + "\n"), "Added essay #", 1),
                // The format is read from the content, not the name: a Markdown essay named .exe is still one.
                new HostileFile("markdown-named.exe", text(md("Exe Song", "Band", body)), "Added essay #", 1),
                new HostileFile("emoji-title.md", text(md("🌊🌊🌊", "🐚", "A song told only in pictures of the sea.")),
                        "Added essay #", 1),
                new HostileFile("a file name with spaces.md", text(md("Spaced Song", "Spaced Band", body)), "Added essay #", 1));
    }

    @ParameterizedTest(name = "essay file {0}")
    @MethodSource("hostileFiles")
    @DisplayName("a hostile essay file gets a clear reply, is stored whole or not at all, and the index agrees")
    void hostileEssayFile(HostileFile file) throws Exception {
        Path path = dir.resolve(file.name());
        Files.write(path, file.content().get());
        int before = engine.essays().list(Scope.GLOBAL).size();
        long started = System.nanoTime();
        String reply = console.handle("/essay add " + path);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(reply.contains(file.expected()), file.name() + " → " + reply);
        assertFalse(reply.contains("Something went wrong"), reply);
        assertTrue(reply.length() < 600, "the reply is a message, not a dump: " + reply.length() + " chars");
        assertEquals(before + file.adds(), engine.essays().list(Scope.GLOBAL).size(), "stored whole or not at all");
        assertConsistent();
        assertTrue(millis < 10_000, file.name() + " took " + millis + " ms");
    }

    static Stream<Arguments> otherAddLines() {
        return Stream.of(
                Arguments.of("/essay add " + "/no/such/file.md", "No such file"),
                Arguments.of("/essay add " + System.getProperty("java.io.tmpdir"), "Cannot read"),
                Arguments.of("/essay add", "Usage: /essay add"),
                Arguments.of("/essay add \0.md", "Not a usable file name"),
                Arguments.of("/essay show 99999999999999999999", "Give the essay's number"),
                Arguments.of("/essay show '; DROP TABLE essays; --", "Give the essay's number"),
                Arguments.of("/essay remove -1", "No essay #-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherAddLines")
    @DisplayName("hostile essay commands get a clear reply and change nothing")
    void hostileEssayCommand(String line, String expected) {
        int before = engine.essays().list(Scope.GLOBAL).size();
        String reply = console.handle(line);
        assertTrue(reply.contains(expected), line + " → " + reply);
        assertEquals(before, engine.essays().list(Scope.GLOBAL).size());
        assertConsistent();
    }

    private static void assertConsistent() {
        Consistency c = engine.consistency();
        assertTrue(c.consistent(), c.describe() + " store " + c.storeEssayIds() + " index " + c.indexEssayIds());
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

}
