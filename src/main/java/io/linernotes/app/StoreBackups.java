package io.linernotes.app;

import io.linernotes.config.AppConfig;
import io.linernotes.essay.StoreArchive;
import io.linernotes.files.PrivateFiles;
import io.linernotes.store.Database;
import java.util.function.Function;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore of the store, in one checked format for both engines: a SQLite file holding every table.
 * A SQLite store is copied with {@code VACUUM INTO} (see {@link StoreArchive}); a PostgreSQL store is read in one
 * snapshot into such a file, and restored from one in one transaction ({@link PostgresBackups}). A backup may run
 * beside a live bot; a restore may not: on SQLite it finds out by taking the search index's write lock, which a
 * running engine holds for its whole life (an operating-system lock: a killed process leaves none behind); on
 * PostgreSQL by looking for other Liner Notes sessions on the database.
 */
public final class StoreBackups {

    private static final Logger log = LoggerFactory.getLogger(StoreBackups.class);
    static final String DB_FILE = "linernotes.db";

    /** What a restore did, or why it refused ({@code refusal} non-null; then nothing was changed). */
    public record RestoreResult(String refusal, int essays, int schemaVersion, long previousCounter,
            long counter) {
        public boolean restored() {
            return refusal == null;
        }
    }

    private StoreBackups() {
    }

    /** Writes a consistent copy of the store {@code config} names to {@code target}. */
    public static StoreArchive.Check backup(AppConfig config, Path target, Function<String, String> env) {
        if (config.store().isPostgres()) {
            try (Database db = Database.open(config.store(), dataDir(config), env)) {
                return PostgresBackups.backup(db, target.toAbsolutePath());
            }
        }
        return StoreArchive.backup(sqliteFile(config), target.toAbsolutePath());
    }

    /** Replaces the store {@code config} names with the backup {@code source}; see {@link #restore(Path, Path)}. */
    public static RestoreResult restore(AppConfig config, Path source, Function<String, String> env) {
        if (config.store().isPostgres()) {
            StoreArchive.Check check = StoreArchive.check(source);
            if (!check.usable()) {
                return refused("not restored: " + check.problem());
            }
            try (Database db = Database.open(config.store(), dataDir(config), env)) {
                return PostgresBackups.restore(db, source, check);
            }
        }
        return restore(dataDir(config), sqliteFile(config), source);
    }

    private static Path dataDir(AppConfig config) {
        return Path.of(config.data().dir()).toAbsolutePath();
    }

    private static Path sqliteFile(AppConfig config) {
        String url = config.store().url();
        return url == null ? dataDir(config).resolve(DB_FILE) : Path.of(url.substring("jdbc:sqlite:".length())).toAbsolutePath();
    }

    /** Writes a consistent copy of the store in {@code dataDir} to {@code target}; see {@link StoreArchive}. */
    public static StoreArchive.Check backup(Path dataDir, Path target) {
        return StoreArchive.backup(dataDir.resolve(DB_FILE), target.toAbsolutePath());
    }

    /**
     * Replaces the store in {@code dataDir} with the one in {@code source}, after checking that it is a
     * sound Liner Notes store of a known schema version. The copy is written beside the store and renamed
     * over it, so a crash leaves either the old store or the new one, never a mix. The copy's change
     * counter is raised above the old store's, so the next start rebuilds the index from it.
     */
    public static RestoreResult restore(Path dataDir, Path source) {
        return restore(dataDir, dataDir.resolve(DB_FILE), source);
    }

    private static RestoreResult restore(Path dataDir, Path db, Path source) {
        StoreArchive.Check check = StoreArchive.check(source);
        if (!check.usable()) {
            return refused("not restored: " + check.problem());
        }
        try {
            PrivateFiles.directory(dataDir);
        } catch (IOException e) {
            return refused("not restored: cannot create the data directory " + dataDir + ": " + e.getMessage());
        }
        Path indexDir = dataDir.resolve("index");
        try (Directory directory = FSDirectory.open(indexDir);
                Lock running = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            return replace(dataDir, db, source, check);
        } catch (LockObtainFailedException e) {
            return refused("not restored: Liner Notes is running on " + dataDir + "; stop it first");
        } catch (IOException e) {
            throw new UncheckedIOException("the restore into " + dataDir + " failed", e);
        }
    }

    private static RestoreResult replace(Path dataDir, Path db, Path source, StoreArchive.Check check)
            throws IOException {
        String dbName = db.getFileName().toString();
        long previous = StoreArchive.settle(db);
        Path temp = db.resolveSibling(dbName + ".restoring");
        long counter = StoreArchive.copyForRestore(source, temp, previous + 1);
        // The old store's log was folded in and its last connection closed; a log left behind would be
        // replayed onto the new file, so it goes before the rename (the old file is whole without it).
        Files.deleteIfExists(db.resolveSibling(dbName + "-wal"));
        Files.deleteIfExists(db.resolveSibling(dbName + "-shm"));
        Files.move(temp, db, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(db.getParent());
        // A restored store is not a first start: the demo essays must not be added to it.
        Path marker = dataDir.resolve(DemoEssays.MARKER);
        if (!Files.exists(marker)) {
            Files.createFile(marker);
        }
        log.info("Restored {} into {}: {} essays, schema {}, change counter {} -> {}", source, db, check.liveEssays(),
                check.schemaVersion(), previous, counter);
        return new RestoreResult(null, check.liveEssays(), check.schemaVersion(), previous, counter);
    }

    static RestoreResult refused(String why) {
        return new RestoreResult(why, 0, 0, 0, 0);
    }

    /** Makes the rename durable (Linux lets a directory be opened for reading and forced). */
    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("Could not sync directory {}", dir, e);
        }
    }
}
