package io.linernotes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through its real door: {@link Main#run} with arguments, stdout and stdin. */
class CliTest {

    @TempDir
    Path dataDir;

    private static CliRunner.Run run(String stdin, String... args) {
        return CliRunner.run(stdin, args);
    }

    @Test
    @DisplayName("ask answers from the bundled essays with no model and cites its source")
    void askAnswersFromBundledEssays() {
        CliRunner.Run r = run("", "--data-dir", dataDir.toString(), "ask", "What does Runaway mean?");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Runaway — Kanye West"), r.out());
        assertTrue(r.out().contains("Sources:") && r.out().contains("[1]"), r.out());
        assertTrue(r.out().contains("answered by extractive"), r.out());
    }

    @Test
    @DisplayName("import adds essays, a second import of the same file changes nothing, essays list shows them")
    void importIsIdempotent() throws Exception {
        Path file = dataDir.resolve("lanterns.md");
        Files.writeString(file, """
                ---
                title: Paper Lanterns
                artist: The Quiet Harbour
                features: [Mira Sol]
                year: 2019
                ---
                The song sends paper lanterns down a river, one for each room of a house the family is leaving.
                """);
        Path data = dataDir.resolve("data");
        CliRunner.Run first = run("", "--data-dir", data.toString(), "import", file.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("Imported 1 essays (0 unchanged"), first.out());
        CliRunner.Run second = run("", "--data-dir", data.toString(), "import", file.toString());
        assertTrue(second.out().contains("Imported 0 essays (1 unchanged"), second.out());
        CliRunner.Run list = run("", "--data-dir", data.toString(), "essays", "list");
        assertTrue(list.out().contains("Paper Lanterns — The Quiet Harbour (feat. Mira Sol) · 2019"), list.out());
    }

    @Test
    @DisplayName("reindex rebuilds the index from the store with vectors from the cache: nothing embedded again")
    void reindexEmbedsNothingNew() {
        CliRunner.Run first = run("", "--data-dir", dataDir.toString(), "essays", "list");
        assertEquals(0, first.exit(), first.err());
        CliRunner.Run r = run("", "--data-dir", dataDir.toString(), "reindex");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("(0 texts embedded)"), r.out());
        CliRunner.Run after = run("", "--data-dir", dataDir.toString(), "meaning", "Fast Car");
        assertTrue(after.out().contains("Fast Car — Tracy Chapman"), after.out());
    }

    @Test
    @DisplayName("essays show and remove act on one essay; an absent one fails naming it")
    void showAndRemoveOneEssay() {
        String data = dataDir.toString();
        CliRunner.Run list = run("", "--data-dir", data, "essays", "list");
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("#(\\d+)").matcher(list.out());
        assertTrue(first.find(), list.out());
        String id = first.group(1);
        CliRunner.Run show = run("", "--data-dir", data, "essays", "show", id);
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("#" + id), show.out());

        CliRunner.Run removed = run("", "--data-dir", data, "essays", "remove", id);
        assertEquals(0, removed.exit(), removed.err());
        assertTrue(removed.out().startsWith("Removed essay #" + id + " ("), removed.out());

        for (String command : new String[] {"show", "remove"}) {
            CliRunner.Run gone = run("", "--data-dir", data, "essays", command, id);
            assertEquals(1, gone.exit(), command);
            assertTrue(gone.err().strip().endsWith("No essay #" + id + "."), command + ": " + gone.err());
        }
    }

    @Test
    @DisplayName("the help lists every command, backup and restore among them")
    void helpListsEveryCommand() {
        CliRunner.Run help = run("", "--help");
        for (String command : new String[] {"ask", "meaning", "console", "import", "essays", "reindex", "backup",
                "restore", "bot", "eval", "bench"}) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in " + help.out());
        }
    }

    @Test
    @DisplayName("a bad file is refused with the reason and a failing exit code")
    void badFileRefused() throws Exception {
        Path file = dataDir.resolve("empty.md");
        Files.writeString(file, "---\ntitle: Nothing Here\nartist: Nobody\n---\n   \n");
        CliRunner.Run r = run("", "--data-dir", dataDir.resolve("data").toString(), "import", file.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().toLowerCase().contains("empty"), r.err());
    }

    @Test
    @DisplayName("the console takes Discord's commands: /help, /meaning with a question, /essay list, a follow-up")
    void consoleSession() {
        String input = String.join("\n", "/help", "/meaning Stan | who sings the hook?", "and the last verse?",
                "/essay list", "/quit", "");
        CliRunner.Run r = run(input, "--data-dir", dataDir.toString(), "console");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("/essay add <file>"), "help text");
        assertTrue(r.out().contains("Stan — Eminem (feat. Dido)"), r.out());
        int answeredAboutStan = r.out().split("♪ Stan — Eminem", -1).length - 1;
        assertEquals(2, answeredAboutStan, "the follow-up is answered about the same song: " + r.out());
        assertTrue(r.out().contains("Waterloo Sunset"), "essay list");
    }

    @Test
    @DisplayName("an unknown setting in the config file is a clear configuration error")
    void badConfig() throws Exception {
        Path config = dataDir.resolve("bad.yaml");
        Files.writeString(config, "retrieval:\n  pasages: 3\n");
        CliRunner.Run r = run("", "--config", config.toString(), "--data-dir", dataDir.toString(), "ask", "hello");
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("pasages"), r.err());
    }
}
