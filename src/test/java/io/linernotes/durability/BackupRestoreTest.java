package io.linernotes.durability;

import static io.linernotes.durability.DurabilityFixtures.cli;
import static io.linernotes.durability.DurabilityFixtures.config;
import static io.linernotes.durability.DurabilityFixtures.configFile;
import static io.linernotes.durability.DurabilityFixtures.writeEssay;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.app.Engine;
import io.linernotes.cli.CliRunner.Run;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.StoreArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code linernotes backup} and {@code linernotes restore} through the command line, on real data directories. */
class BackupRestoreTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a backup taken while essays are being added is a consistent store; restored into a fresh "
            + "data directory every essay in it is answerable and the index is rebuilt")
    void backupDuringWritesRestoresIntoFreshDir() throws Exception {
        Path data = tmp.resolve("live");
        Path cfg = configFile(tmp);
        Path backup = tmp.resolve("backup.db");
        int before;
        int after;
        try (Engine engine = Engine.open(config(data))) {
            before = engine.essays().list(Scope.GLOBAL).size();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger added = new AtomicInteger();
            // The writer's failure must reach the test: a future carries it, and every wait on it is bounded.
            FutureTask<Void> writer = new FutureTask<>(() -> {
                for (int n = 0; !stop.get() && n < 400; n++) {
                    Path f = writeEssay(tmp, n);
                    engine.essays().importFile(f.getFileName().toString(), Files.readAllBytes(f), Scope.GLOBAL);
                    added.incrementAndGet();
                }
                return null;
            });
            new Thread(writer, "essay-writer").start();
            Awaitility.await("the writer's first five essays").atMost(Duration.ofSeconds(60)).until(() -> {
                if (writer.isDone()) {
                    writer.get(); // rethrows the writer's failure
                }
                return added.get() >= 5;
            });
            // Backups again and again until one overlapped at least one committed add (bounded): every one of
            // them must be a sound store.
            int overlapped = 0;
            long slowest = 0;
            for (int k = 0; k < 40 && (overlapped == 0 || k < 3); k++) {
                Path candidate = tmp.resolve("backup-" + k + ".db");
                int addedAtBackupStart = added.get();
                long started = System.nanoTime();
                Run run = cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "backup",
                        candidate.toString());
                slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
                assertEquals(0, run.exit(), run.err());
                assertTrue(run.out().startsWith("Backed up "), run.out());
                StoreArchive.Check each = StoreArchive.check(candidate);
                assertTrue(each.usable(), each.problem());
                if (added.get() > addedAtBackupStart) {
                    overlapped++;
                    Files.copy(candidate, backup, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            stop.set(true);
            writer.get(30, TimeUnit.SECONDS); // the writer's failure or a hang fails the test here
            after = engine.essays().list(Scope.GLOBAL).size();
            System.out.printf("%d backups overlapped concurrent adds; slowest %d ms; %d essays added meanwhile%n",
                    overlapped, slowest, added.get());
            assertTrue(overlapped > 0, "at least one backup ran while an add committed");
        }
        StoreArchive.Check check = StoreArchive.check(backup);
        assertTrue(check.usable(), check.problem());
        assertTrue(check.liveEssays() >= before + 5 && check.liveEssays() <= after,
                "the backup holds a snapshot between the start and the end of the writes: " + check.liveEssays()
                        + " of " + before + ".." + after);

        Path fresh = tmp.resolve("fresh");
        Run restored = cli("", "--config", cfg.toString(), "--data-dir", fresh.toString(), "restore", backup.toString());
        assertEquals(0, restored.exit(), restored.err());
        assertTrue(restored.out().contains("Restored " + check.liveEssays() + " essays"), restored.out());
        assertTrue(restored.out().contains("index will be rebuilt"), restored.out());
        try (Engine engine = Engine.open(config(fresh))) {
            assertTrue(engine.startReport().indexRebuilt(), "a restored store gets a new index");
            assertTrue(!engine.startReport().demoImported(), "demo essays are not added to a restored store");
            List<Essay> essays = engine.essays().list(Scope.GLOBAL);
            assertEquals(check.liveEssays(), essays.size());
            assertTrue(engine.consistency().consistent(), engine.consistency().describe());
            for (Essay essay : essays) {
                assertTrue(DurabilityFixtures.answerable(engine, essay), "answerable: " + essay.song().label());
            }
        }
    }

    @Test
    @DisplayName("restoring over an existing store replaces it whole and the stale index is rebuilt, not trusted")
    void restoreOverExistingStoreRebuildsIndex() throws Exception {
        Path cfg = configFile(tmp);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        try (Engine engine = Engine.open(config(a))) {
            Path f = writeEssay(tmp, 1);
            engine.essays().importFile(f.getFileName().toString(), Files.readAllBytes(f), Scope.GLOBAL);
        }
        try (Engine engine = Engine.open(config(b))) {
            for (int n = 2; n <= 3; n++) {
                Path f = writeEssay(tmp, n);
                engine.essays().importFile(f.getFileName().toString(), Files.readAllBytes(f), Scope.GLOBAL);
            }
        }
        Path backup = tmp.resolve("a.db");
        assertEquals(0, cli("", "--config", cfg.toString(), "--data-dir", a.toString(), "backup", backup.toString()).exit());
        Run run = cli("", "--config", cfg.toString(), "--data-dir", b.toString(), "restore", backup.toString());
        assertEquals(0, run.exit(), run.err());
        try (Engine engine = Engine.open(config(b))) {
            assertTrue(engine.startReport().indexRebuilt());
            List<String> titles = engine.essays().list(Scope.GLOBAL).stream().map(e -> e.song().title()).toList();
            assertTrue(titles.contains(DurabilityFixtures.title(1)) && !titles.contains(DurabilityFixtures.title(2)), titles.toString());
            assertTrue(engine.consistency().consistent(), engine.consistency().describe());
        }
    }

    @Test
    @DisplayName("a restore is refused while Liner Notes runs on the data directory")
    void restoreRefusedWhileRunning() throws Exception {
        Path cfg = configFile(tmp);
        Path data = tmp.resolve("live");
        Path backup = tmp.resolve("b.db");
        try (Engine engine = Engine.open(config(data))) {
            assertEquals(0, cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "backup",
                    backup.toString()).exit());
            Run run = cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "restore", backup.toString());
            assertEquals(2, run.exit());
            assertTrue(run.err().contains("Liner Notes is running") && run.err().contains("unchanged"), run.err());
            assertTrue(engine.consistency().consistent());
        }
    }

    static Stream<Arguments> refusedFiles() {
        return Stream.of(
                Arguments.of("a text file", "not a SQLite database"),
                Arguments.of("random bytes", "not a SQLite database"),
                Arguments.of("an empty file", "not a SQLite database"),
                Arguments.of("another program's SQLite database", "not a Liner Notes store"),
                Arguments.of("a store from a newer release", "newer release (schema version 99"),
                Arguments.of("a truncated backup", "damaged"),
                Arguments.of("a missing file", "is not a file"),
                Arguments.of("a backup with an extra trigger", "an unknown trigger 'import_scope'"),
                Arguments.of("a backup with an extra view", "an unknown view 'essays_everywhere'"),
                Arguments.of("a backup with an extra table", "an unknown table 'notes'"),
                Arguments.of("a backup with an extra index", "an unknown index 'essays_by_author'"),
                Arguments.of("a backup with a changed table", "a changed definition of table 'meta'"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refusedFiles")
    @DisplayName("restoring something that is not a usable store is refused and the current store is untouched")
    void refusedRestoresChangeNothing(String kind, String expected) throws Exception {
        Path cfg = configFile(tmp);
        Path data = tmp.resolve("live");
        try (Engine engine = Engine.open(config(data))) {
            Path f = writeEssay(tmp, 7);
            engine.essays().importFile(f.getFileName().toString(), Files.readAllBytes(f), Scope.GLOBAL);
        }
        Path db = data.resolve("linernotes.db");
        Path bad = badFile(kind, data, cfg);
        byte[] digestBefore = digest(db);
        Run run = cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "restore", bad.toString());
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.err().contains("not restored") && run.err().contains(expected)
                && run.err().contains("The current store is unchanged"), run.err());
        assertArrayEquals(digestBefore, digest(db), "the store file is byte for byte the same");
        try (Stream<Path> files = Files.list(data)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("restoring")), "no temp file left");
        }
        try (Engine engine = Engine.open(config(data))) {
            assertTrue(!engine.startReport().indexRebuilt(), "the index still matches the untouched store");
            assertTrue(engine.essays().list(Scope.GLOBAL).stream().anyMatch(e -> e.song().title().equals(DurabilityFixtures.title(7))));
        }
    }

    private Path badFile(String kind, Path data, Path cfg) throws Exception {
        Path file = tmp.resolve("bad-" + kind.replace(' ', '-').replace("'", ""));
        switch (kind) {
            case "a text file" -> Files.writeString(file, "title: not a database\n");
            case "random bytes" -> Files.write(file, new java.util.Random(42).ints(4096, 0, 256)
                    .collect(java.io.ByteArrayOutputStream::new, (o, i) -> o.write(i), (x, y) -> { }).toByteArray());
            case "an empty file" -> Files.write(file, new byte[0]);
            case "another program's SQLite database" -> {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                        Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
                    s.execute("INSERT INTO notes (text) VALUES ('hello')");
                }
            }
            case "a store from a newer release" -> {
                assertEquals(0, cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "backup",
                        file.toString()).exit());
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                        Statement s = c.createStatement()) {
                    s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                            + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL',"
                            + " 'V99__future.sql', 0, 'someone', 0, 1)");
                }
            }
            case "a truncated backup" -> {
                Path whole = tmp.resolve("whole.db");
                // Big enough that cutting it in half loses pages the schema points to.
                try (Engine engine = Engine.open(config(data))) {
                    for (int n = 100; n < 160; n++) {
                        Path f = writeEssay(tmp, n);
                        engine.essays().importFile(f.getFileName().toString(), Files.readAllBytes(f), Scope.GLOBAL);
                    }
                }
                assertEquals(0, cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "backup",
                        whole.toString()).exit());
                byte[] bytes = Files.readAllBytes(whole);
                Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            }
            case "a missing file" -> file = tmp.resolve("no-such-backup.db");
            case "a backup with an extra trigger" -> tamperedBackup(file, data, cfg,
                    // What the security review found: every later import lands in the shared scope.
                    "CREATE TRIGGER import_scope AFTER INSERT ON essays BEGIN"
                            + " UPDATE essays SET scope = 'global' WHERE id = NEW.id; END");
            case "a backup with an extra view" -> tamperedBackup(file, data, cfg,
                    "CREATE VIEW essays_everywhere AS SELECT * FROM essays");
            case "a backup with an extra table" -> tamperedBackup(file, data, cfg,
                    "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
            case "a backup with an extra index" -> tamperedBackup(file, data, cfg,
                    "CREATE INDEX essays_by_author ON essays (author)");
            case "a backup with a changed table" -> tamperedBackup(file, data, cfg,
                    "ALTER TABLE meta ADD COLUMN note TEXT");
            default -> throw new IllegalArgumentException(kind);
        }
        return file;
    }

    /** A real backup of {@code data} made by the CLI, then changed by {@code sql} as an attacker would. */
    private static void tamperedBackup(Path file, Path data, Path cfg, String sql) throws Exception {
        assertEquals(0, cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "backup",
                file.toString()).exit());
        assertTrue(StoreArchive.check(file).usable(), "the untouched backup is usable");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    @DisplayName("a backup holding exactly the schema's objects restores, and later imports keep their scope")
    void exactSchemaRestoresAndScopesHold() throws Exception {
        Path cfg = configFile(tmp);
        Path data = tmp.resolve("live");
        try (Engine engine = Engine.open(config(data))) {
            Path f = writeEssay(tmp, 11);
            engine.essays().importFile(f.getFileName().toString(), Files.readAllBytes(f), Scope.GLOBAL);
        }
        Path backup = tmp.resolve("exact.db");
        assertEquals(0, cli("", "--config", cfg.toString(), "--data-dir", data.toString(), "backup",
                backup.toString()).exit());
        Path fresh = tmp.resolve("fresh");
        Run run = cli("", "--config", cfg.toString(), "--data-dir", fresh.toString(), "restore", backup.toString());
        assertEquals(0, run.exit(), run.err());
        try (Engine engine = Engine.open(config(fresh))) {
            Path f = writeEssay(tmp, 12);
            engine.essays().importFile(f.getFileName().toString(), Files.readAllBytes(f), Scope.guild("42"));
            Essay added = engine.essays().list(Scope.guild("42")).stream()
                    .filter(e -> e.song().title().equals(DurabilityFixtures.title(12))).findFirst().orElseThrow();
            assertEquals(Scope.guild("42"), added.scope());
            assertTrue(engine.essays().list(Scope.guild("43")).stream()
                    .noneMatch(e -> e.song().title().equals(DurabilityFixtures.title(12))), "other servers see nothing");
        }
    }

    private static byte[] digest(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
