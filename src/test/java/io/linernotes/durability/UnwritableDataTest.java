package io.linernotes.durability;

import static io.linernotes.durability.DurabilityFixtures.cli;
import static io.linernotes.durability.DurabilityFixtures.config;
import static io.linernotes.durability.DurabilityFixtures.configFile;
import static io.linernotes.durability.DurabilityFixtures.writeEssay;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.app.Engine;
import io.linernotes.cli.CliRunner.Run;
import io.linernotes.core.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory the bot cannot write gives one clear error at start and changes nothing. Tests run as
 * root in CI, where permission bits stop nothing; so the cases use what binds root too: a directory whose
 * parent is a regular file (it can never be created), and the file system's immutable attribute
 * ({@code chattr +i}), which needs CAP_LINUX_IMMUTABLE and an ext4/xfs/btrfs temp dir (skipped, saying so,
 * where it cannot be set).
 */
class UnwritableDataTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a data directory that cannot be created (its parent is a file) is a clear error at start")
    void dataDirUnderAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path data = file.resolve("data");
        Run run = cli("", "--config", configFile(tmp).toString(), "--data-dir", data.toString(), "essays", "list");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("cannot create the data directory " + data) && run.err().contains("Not a directory"),
                run.err());
        assertEquals("x", Files.readString(file), "the file in the way is untouched");
    }

    @Test
    @DisplayName("an immutable data directory is a clear error at start, and the store in it is unchanged")
    void immutableDataDir() throws Exception {
        Path data = tmp.resolve("data");
        seed(data);
        byte[] before = Files.readAllBytes(data.resolve("linernotes.db"));
        immutable(data, true);
        try {
            Run run = cli("", "--config", configFile(tmp).toString(), "--data-dir", data.toString(), "essays", "list");
            assertEquals(1, run.exit());
            assertTrue(run.err().contains("the data directory " + data + " is not writable"), run.err());
        } finally {
            immutable(data, false);
        }
        assertArrayEquals(before, Files.readAllBytes(data.resolve("linernotes.db")));
        assertStillWhole(data);
    }

    @Test
    @DisplayName("a read-only (immutable) database file is refused at start instead of failing at the first add")
    void immutableDatabase() throws Exception {
        Path data = tmp.resolve("data");
        seed(data);
        Path db = data.resolve("linernotes.db");
        byte[] before = Files.readAllBytes(db);
        immutable(db, true);
        try {
            Path essay = writeEssay(tmp, 3);
            Run run = cli("", "--config", configFile(tmp).toString(), "--data-dir", data.toString(), "import",
                    essay.toString());
            assertEquals(1, run.exit());
            assertTrue(run.err().contains("the essay database " + db + " is read-only")
                    && run.err().contains("nothing was changed"), run.err());
            assertFalse(run.out().contains("Imported"), run.out());
        } finally {
            immutable(db, false);
        }
        assertArrayEquals(before, Files.readAllBytes(db));
        assertStillWhole(data);
    }

    private static void seed(Path data) throws Exception {
        try (Engine engine = Engine.open(config(data))) {
            Path f = writeEssay(data.getParent(), 1);
            engine.essays().importFile(f.getFileName().toString(), Files.readAllBytes(f), Scope.GLOBAL);
        }
    }

    private static void assertStillWhole(Path data) {
        try (Engine engine = Engine.open(config(data))) {
            assertFalse(engine.startReport().indexRebuilt());
            assertTrue(engine.consistency().consistent(), engine.consistency().describe());
            assertTrue(engine.essays().list(Scope.GLOBAL).stream()
                    .anyMatch(e -> e.song().title().equals(DurabilityFixtures.title(1))));
        }
    }

    private static void immutable(Path path, boolean on) throws Exception {
        Process p = new ProcessBuilder("chattr", on ? "+i" : "-i", path.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        boolean done = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (on) {
            Assumptions.assumeTrue(done, "chattr +i is not possible here (needs CAP_LINUX_IMMUTABLE and a file "
                    + "system with the immutable attribute): " + out.strip());
        } else {
            assertTrue(done, "chattr -i " + path + ": " + out);
        }
    }
}
