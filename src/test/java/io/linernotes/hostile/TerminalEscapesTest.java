package io.linernotes.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.app.Engine;
import io.linernotes.cli.CliRunner;
import io.linernotes.config.AppConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayRevision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control characters in essays never reach the operator's terminal. Essay files carrying escape sequences
 * (OSC "set window title", CSI "clear screen", C1 CSI, backspace, bell, DEL…) are imported through the
 * command line; the store keeps none of them, and {@code ask}, {@code essays list}, {@code essays show} and the
 * console print none. A store written by an older release that still holds them prints none either.
 */
class TerminalEscapesTest {

    private static final String ESC = "\u001B";
    private static final String BEL = "\u0007";
    /** What a terminal must never receive: C0 other than line feed and tab, DEL, C1. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]");

    @TempDir
    Path dir;

    private static String seedFile() {
        StringBuilder body = new StringBuilder();
        // Long enough that the controls stay under the 1% that marks a file as binary.
        for (int i = 0; i < 30; i++) {
            body.append("The lighthouse keeper counts the ships that never come back, verse ").append(i)
                    .append(", and the harbour answers with silence.\n\n");
        }
        return "Meaning of ‘Glass " + BEL + "Harbour" + ESC + "’ by ‘The Keepers " + ESC + "]0;PWNED TERMINAL" + BEL + "’\n\n"
                + "Released: 2004\n\n"
                + "The lighthouse keeper " + ESC + "[2J" + ESC + "[H clears the screen" + "\u009B" + "6n and rings"
                + BEL + " the bell\b\b\b\bsong " + "\u007F" + "twice\fover" + "\u0085" + "the water.\n\n"
                + body;
    }

    private static String jsonlFile() {
        return "{\"title\":\"Salt \\u001b]2;owned\\u0007Lantern\",\"artist\":\"Night \\u001b[5mFerry\","
                + "\"source\":\"https://example.org/\\u001b]8;;https://evil.example/\\u0007x\","
                + "\"text\":\"Salt Lantern is a song about the last ferry \\u001b[1A\\u001b[2K of the night,"
                + " and the lantern its captain keeps lit for passengers who never board. The chorus asks"
                + " who the light is for once the quay is empty, and answers that it is for the captain"
                + " himself, a way of keeping the harbour company through the long hours until dawn.\"}\n";
    }

    private Path config() throws Exception {
        Path file = dir.resolve("linernotes-test.yaml");
        Files.writeString(file, "retrieval:\n  vectors: false\nmodel:\n  provider: extractive\n");
        return file;
    }

    private CliRunner.Run cli(Path data, String stdin, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--config", config().toString(), "--data-dir", data.toString()));
        all.addAll(List.of(args));
        return CliRunner.run(stdin, all.toArray(String[]::new));
    }

    private static void assertNoControls(String what, CliRunner.Run run) {
        for (String stream : List.of(run.out(), run.err())) {
            Matcher m = CONTROL.matcher(stream);
            assertFalse(m.find(), () -> what + " printed control character U+" + String.format("%04X",
                    (int) stream.charAt(m.start())) + " in: " + stream.replaceAll("[\\x00-\\x1F\\x7F-\\x9F]", "?"));
        }
    }

    private static long idOf(String listing, String titleWord) {
        Matcher m = Pattern.compile("#(\\d+)\\s+[^\\n]*" + titleWord).matcher(listing);
        assertTrue(m.find(), "the essay on " + titleWord + " is listed: " + listing);
        return Long.parseLong(m.group(1));
    }

    /** Runs every printing door over the data directory and checks each printed nothing but text. */
    private void everyDoorPrintsText(Path data, boolean answerable) throws Exception {
        CliRunner.Run list = cli(data, "", "essays", "list");
        assertEquals(0, list.exit(), list.err());
        assertNoControls("essays list", list);
        long glass = idOf(list.out(), "Glass");
        long salt = idOf(list.out(), "Salt");
        for (long id : new long[] {glass, salt}) {
            CliRunner.Run show = cli(data, "", "essays", "show", Long.toString(id));
            assertEquals(0, show.exit(), show.err());
            assertNoControls("essays show " + id, show);
        }
        CliRunner.Run ask = cli(data, "", "ask", "What does Glass Harbour mean?");
        assertEquals(0, ask.exit(), ask.err());
        assertTrue(!answerable || ask.out().contains("lighthouse keeper"), "answered from the essay: " + ask.out());
        assertNoControls("ask", ask);
        CliRunner.Run askSalt = cli(data, "", "ask", "What is Salt Lantern by Night Ferry about?");
        assertTrue(!answerable || askSalt.out().contains("ferry"), "answered from the essay: " + askSalt.out());
        assertNoControls("ask", askSalt);
        CliRunner.Run console = cli(data, "/essay list\n/essay show " + glass + "\n/essay show " + salt
                + "\n/essay history " + glass + "\n/meaning Glass Harbour\nwhat does the bell mean in Glass Harbour?\n"
                + "/meaning Salt Lantern\n", "console");
        assertEquals(0, console.exit(), console.err());
        assertTrue(console.out().contains("lighthouse keeper"), "essay show printed the essay: " + console.out());
        assertNoControls("console", console);
    }

    @Test
    @DisplayName("essay files with escape sequences are imported without them, and no door prints a control character")
    void importedEscapesAreStrippedAndNeverPrinted() throws Exception {
        Path data = dir.resolve("data");
        Path seed = dir.resolve("glass-harbour.txt");
        Files.writeString(seed, seedFile());
        Path jsonl = dir.resolve("salt-lantern.jsonl");
        Files.writeString(jsonl, jsonlFile());
        CliRunner.Run imported = cli(data, "", "import", seed.toString(), jsonl.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("Imported 2 essays"), imported.out());

        try (Engine engine = Engine.open(engineConfig(data))) {
            List<Essay> essays = engine.essays().list(Scope.GLOBAL).stream()
                    .filter(e -> e.song().title().contains("Glass") || e.song().title().contains("Salt")).toList();
            assertEquals(2, essays.size(), essays.toString());
            for (Essay e : essays) {
                String stored = String.join("|", e.song().title(), e.song().artist(),
                        String.join(",", e.song().featured()), String.valueOf(e.author()), String.valueOf(e.source()),
                        e.body());
                assertFalse(CONTROL.matcher(stored).find(), "stored without controls: " + stored);
                for (EssayRevision r : engine.essays().history(e.id(), Scope.GLOBAL)) {
                    assertFalse(CONTROL.matcher(r.content().body() + r.content().title()).find(), "revision clean");
                }
            }
            Essay glass = essays.stream().filter(e -> e.song().title().contains("Glass")).findFirst().orElseThrow();
            assertEquals("Glass Harbour", glass.song().title());
            assertEquals("The Keepers ]0;PWNED TERMINAL", glass.song().artist(), "the visible text is kept");
            assertTrue(glass.body().contains("rings the bellsong twice over the water."), glass.body());
        }
        everyDoorPrintsText(data, true);
    }

    @Test
    @DisplayName("a store written before the cleaning, with escape sequences in it, prints none of them")
    void olderStoreWithEscapesPrintsNone() throws Exception {
        Path data = dir.resolve("old");
        Path seed = dir.resolve("glass-harbour.txt");
        Files.writeString(seed, seedFile());
        Path jsonl = dir.resolve("salt-lantern.jsonl");
        Files.writeString(jsonl, jsonlFile());
        assertEquals(0, cli(data, "", "import", seed.toString(), jsonl.toString()).exit());
        // What an older release stored: escapes in every text column, written behind the store's back.
        String escapes = "char(27) || ']0;PWNED' || char(7) || char(27) || '[2J' || char(155) || char(8) || char(13)";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("linernotes.db"));
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE songs SET title = title || " + escapes + ", artist = artist || " + escapes);
            s.executeUpdate("UPDATE essays SET body = " + escapes + " || body || " + escapes
                    + ", author = 'Ann' || " + escapes + ", source = " + escapes);
            s.executeUpdate("UPDATE meta SET value = value + 1 WHERE key = 'change_counter'");
        }
        try (Engine engine = Engine.open(engineConfig(data))) {
            assertTrue(engine.essays().list(Scope.GLOBAL).stream().anyMatch(e -> e.body().contains(ESC)),
                    "the old store really holds escapes");
        }
        // Titles with junk appended may no longer resolve; what matters here is what reaches the terminal.
        everyDoorPrintsText(data, false);
    }

    private static AppConfig engineConfig(Path data) {
        RetrievalConfig d = RetrievalConfig.defaults();
        return AppConfig.defaults().withDataDir(data.toString())
                .withRetrieval(new RetrievalConfig(d.passages(), d.candidates(), d.chunkMaxChars(), d.rrfK(), false));
    }
}
