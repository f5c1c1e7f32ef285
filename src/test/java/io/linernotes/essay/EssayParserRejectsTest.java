package io.linernotes.essay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.EssayConfig;
import io.linernotes.core.Scope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad upload is refused with a message naming the problem, and nothing reaches the store. */
@DisplayName("Bad essay input is refused and stores nothing")
class EssayParserRejectsTest {

    private static final String HEADER = "Meaning of ‘Runaway’ by ‘Kanye West’\n\n";
    private static final EssayConfig LIMITS = new EssayConfig(100_000, 40, 50);

    @TempDir
    Path dir;
    private SqlEssayStore store;
    private final EssayParser parser = new EssayParser(LIMITS);

    @BeforeEach
    void open() {
        store = SqlEssayStore.open(dir.resolve("essays.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** What the importer does: parse the whole file, then store every draft in one transaction. */
    private void importFile(String name, byte[] content) throws EssayFormatException {
        store.addAll(parser.parse(name, content), Scope.GLOBAL);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("empty title", "a.txt", () -> utf8("Meaning of ‘’ by ‘Kanye West’\n\nBody."), "no title"),
                bad("title of invisible characters only", "a.txt",
                        () -> utf8("Meaning of ‘\u200B\u202E\uFEFF’ by ‘Kanye West’\n\nBody."), "no title"),
                bad("front matter without a title", "a.md", () -> utf8("---\nartist: A\n---\nBody."), "no title"),
                bad("first line without artist", "a.txt", () -> utf8("Meaning of ‘Runaway’\n\nBody."), "no artist"),
                bad("empty artist", "a.txt", () -> utf8("Meaning of ‘Runaway’ by ‘’\n\nBody."), "no artist"),
                bad("front matter without an artist", "a.md", () -> utf8("---\ntitle: T\n---\nBody."), "no artist"),
                bad("header and no body", "a.txt", () -> utf8(HEADER + "Released: 2010\n"), "empty body"),
                bad("whitespace-only body", "a.txt", () -> utf8(HEADER + "  \n\t\n \u00A0\n"), "empty body"),
                bad("body of zero-width characters", "a.txt", () -> utf8(HEADER + "\u200B\u200B\n\n\uFEFF"), "empty body"),
                bad("body of bidi controls, soft hyphens and fillers", "a.txt",
                        () -> utf8(HEADER + "\u202E\u2066\n\n\u00AD\u034F\n\u3164"), "empty body"),
                bad("body over the byte limit", "a.txt", () -> utf8(HEADER + "word ".repeat(24_000)),
                        "body too large: 119999 bytes, the limit is 100000 bytes"),
                bad("too many paragraphs", "a.txt", () -> utf8(HEADER + "Paragraph.\n\n".repeat(51)),
                        "too many paragraphs: 51, the limit is 50"),
                bad("title over the limit", "a.txt",
                        () -> utf8("Meaning of ‘" + "T".repeat(41) + "’ by ‘A’\n\nBody."), "title too long: 41 characters"),
                bad("artist over the limit", "a.md",
                        () -> utf8("---\ntitle: T\nartist: " + "A".repeat(45) + "\n---\nBody."), "artist too long: 45"),
                bad("Latin-1 bytes", "a.txt", () -> "Meaning of 'Café' by 'Zaz'\n\nCafé.".getBytes(StandardCharsets.ISO_8859_1),
                        "not UTF-8"),
                bad("a NUL byte", "a.txt", () -> utf8(HEADER + "Body\0with a NUL."), "binary"),
                bad("mostly control characters", "upload", () -> utf8(HEADER + "\u0001\u0002\u0003\u0004\u0005".repeat(20)),
                        "binary"),
                bad("a PNG image", "cover.png", () -> new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13},
                        "binary"),
                bad("unterminated front matter", "a.md", () -> utf8("---\ntitle: T\nartist: A\nBody."), "not terminated"),
                bad("invalid YAML", "a.md", () -> utf8("---\ntitle: [unclosed\nartist: A\n---\nBody."), "not valid YAML"),
                bad("front matter that is a list", "a.md", () -> utf8("---\n- a\n- b\n---\nBody."), "not valid YAML"),
                bad("a year that is not a number", "a.md", () -> utf8("---\ntitle: T\nartist: A\nyear: soon\n---\nBody."),
                        "year is not a number"),
                bad("a year after 2100", "a.md", () -> utf8("---\ntitle: T\nartist: A\nyear: 3000\n---\nBody."),
                        "year 3000 is out of range (1000..2100)"),
                bad("a year before 1000", "a.txt", () -> utf8(HEADER + "Released: 999\n\nBody."),
                        "year 999 is out of range"),
                bad("a .txt without any header", "a.txt", () -> utf8("Just some thoughts about a song.\n"),
                        "accepted layouts"),
                bad("a .md without any header", "a.md", () -> utf8("# Runaway\n\nKanye's song.\n"), "accepted layouts"),
                bad("an empty file", "a.txt", () -> new byte[0], "empty"),
                bad("a jsonl line that is not JSON", "songs-bad-line.jsonl",
                        () -> fixture("songs-bad-line.jsonl"), "line 3: not valid JSON"),
                bad("a jsonl record without title", "b.jsonl",
                        () -> utf8("{\"title\":\"T\",\"artist\":\"A\",\"text\":\"x\"}\n{\"artist\":\"A\",\"text\":\"y\"}\n"),
                        "line 2: no title"),
                bad("a jsonl record without text", "b.jsonl",
                        () -> utf8("{\"title\":\"T\",\"artist\":\"A\",\"text\":\"x\"}\n\n{\"title\":\"U\",\"artist\":\"A\"}\n"),
                        "line 3: empty body"),
                bad("a jsonl record that is too large", "b.jsonl",
                        () -> utf8("{\"title\":\"T\",\"artist\":\"A\",\"text\":\"" + "x".repeat(100_001) + "\"}\n"),
                        "line 1: body too large: 100001 bytes"),
                bad("a jsonl line that is an array", "b.ndjson", () -> utf8("[1, 2]\n"), "line 1: not a JSON object"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badFiles")
    @DisplayName("a bad file is refused naming its problem, and the store stays empty")
    void refusesAndStoresNothing(String why, String fileName, Supplier<byte[]> content, String problem) {
        EssayFormatException refused = assertThrows(EssayFormatException.class,
                () -> importFile(fileName, content.get()));

        assertTrue(refused.getMessage().contains(problem), () -> "expected \"" + problem + "\" in: " + refused.getMessage());
        assertTrue(refused.getMessage().startsWith(fileName + ": "), refused.getMessage());
        assertEquals(List.of(), store.all());
        assertEquals(List.of(), store.songs());
        assertEquals(0, store.changeCounter());
    }

    static Stream<Arguments> badForms() {
        String body = "A body.";
        return Stream.of(
                Arguments.of("no title", new EssayDraft(null, "A", null, null, null, null, null, body), "no title"),
                Arguments.of("blank title", new EssayDraft(" \u200D ", "A", null, null, null, null, null, body), "no title"),
                Arguments.of("no artist", new EssayDraft("T", "", null, null, null, null, null, body), "no artist"),
                Arguments.of("blank body", new EssayDraft("T", "A", null, null, null, null, null, "\n \n"), "empty body"),
                Arguments.of("NUL in body", new EssayDraft("T", "A", null, null, null, null, null, "a\0b"), "binary"),
                Arguments.of("year 12", new EssayDraft("T", "A", null, 12, null, null, null, body), "out of range"),
                Arguments.of("long featured name", new EssayDraft("T", "A", List.of("F".repeat(41)), null, null, null, null, body),
                        "featured artist too long"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badForms")
    @DisplayName("a draft from a Discord form gets the same checks")
    void validateRefusesBadForms(String why, EssayDraft draft, String problem) {
        EssayFormatException refused = assertThrows(EssayFormatException.class, () -> parser.validate(draft));

        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    private static Arguments bad(String why, String fileName, Supplier<byte[]> content, String problem) {
        return Arguments.of(why, fileName, content, problem);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fixture(String name) {
        try {
            return EssayParserTest.fixture(name);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
