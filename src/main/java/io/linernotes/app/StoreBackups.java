package io.linernotes.app;

import io.linernotes.essay.StoreArchive;
import io.linernotes.files.PrivateFiles;
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
 * Backup and restore of a data directory's essay store. A backup may run beside a live bot; a restore
 * may not, and finds out by taking the search index's write lock, which a running engine holds for its
 * whole life (an operating-system lock: a killed process leaves none behind).
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
            return replace(dataDir, source, check);
        } catch (LockObtainFailedException e) {
            return refused("not restored: Liner Notes is running on " + dataDir + "; stop it first");
        } catch (IOException e) {
            throw new UncheckedIOException("the restore into " + dataDir + " failed", e);
        }
    }

    private static RestoreResult replace(Path dataDir, Path source, StoreArchive.Check check) throws IOException {
        Path db = dataDir.resolve(DB_FILE);
        long previous = StoreArchive.settle(db);
        Path temp = dataDir.resolve(DB_FILE + ".restoring");
        long counter = StoreArchive.copyForRestore(source, temp, previous + 1);
        // The old store's log was folded in and its last connection closed; a log left behind would be
        // replayed onto the new file, so it goes before the rename (the old file is whole without it).
        Files.deleteIfExists(dataDir.resolve(DB_FILE + "-wal"));
        Files.deleteIfExists(dataDir.resolve(DB_FILE + "-shm"));
        Files.move(temp, db, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(dataDir);
        // A restored store is not a first start: the demo essays must not be added to it.
        Path marker = dataDir.resolve(DemoEssays.MARKER);
        if (!Files.exists(marker)) {
            Files.createFile(marker);
        }
        log.info("Restored {} into {}: {} essays, schema {}, change counter {} -> {}", source, db, check.liveEssays(),
                check.schemaVersion(), previous, counter);
        return new RestoreResult(null, check.liveEssays(), check.schemaVersion(), previous, counter);
    }

    private static RestoreResult refused(String why) {
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
