package io.linernotes.durability;

import static io.linernotes.durability.DurabilityFixtures.cli;
import static io.linernotes.durability.DurabilityFixtures.configFile;
import static io.linernotes.durability.DurabilityFixtures.writeEssay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.cli.CliRunner.Run;
import io.linernotes.feedback.FeedbackStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory holds every server's essays and what members asked, DMs included: it is the bot's user's
 * alone (0700), and so is every database and backup in it or made from it (0600), whatever the umask. A data
 * directory an older release left open is closed at the next start. Through the command line.
 */
@DisplayName("Data directory 0700; databases and backups 0600")
class PrivateDataTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(tmp).supportsFileAttributeView("posix"),
                "permissions are POSIX file attributes; this file system has none");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> databases(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.(db|sqlite)(-wal|-shm)?")).toList();
        }
    }

    @Test
    @DisplayName("a new data directory, its store, the feedback store, a backup and a restored store are private")
    void newFilesArePrivate() throws Exception {
        Path data = tmp.resolve("bot").resolve("data");
        Path cfg = configFile(tmp);
        Run imported = cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "import",
                writeEssay(tmp, 1).toString());
        assertEquals(0, imported.exit(), imported.err());
        try (FeedbackStore feedback = FeedbackStore.open(data)) {
            feedback.recordGap(io.linernotes.core.Scope.guild("1"), "a private question", null);
            assertEquals("rwx------", mode(data));
            List<Path> dbs = databases(data);
            // Feedback lives in the store itself now (no feedback.sqlite of its own).
            assertTrue(dbs.stream().anyMatch(p -> p.endsWith("linernotes.db")), dbs.toString());
            for (Path db : dbs) {
                assertEquals("rw-------", mode(db), db.toString());
            }
        }

        Path backup = tmp.resolve("backup.db");
        Run backedUp = cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "backup", backup.toString());
        assertEquals(0, backedUp.exit(), backedUp.err());
        assertEquals("rw-------", mode(backup));

        Path restoredDir = tmp.resolve("restored");
        Run restored = cli("", "--config", cfg.toString(), "--data-dir", restoredDir.toString(), "restore",
                backup.toString());
        assertEquals(0, restored.exit(), restored.err());
        assertEquals("rwx------", mode(restoredDir));
        assertEquals("rw-------", mode(restoredDir.resolve("linernotes.db")));
    }

    @Test
    @DisplayName("a data directory and store left readable by others are closed at the next start")
    void openFilesAreClosed() throws Exception {
        Path data = tmp.resolve("data");
        Path cfg = configFile(tmp);
        assertEquals(0, cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "essays", "list").exit());
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("linernotes.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Run run = cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "essays", "list");
        assertEquals(0, run.exit(), run.err());
        assertEquals("rwx------", mode(data));
        assertEquals("rw-------", mode(data.resolve("linernotes.db")));
    }
}
