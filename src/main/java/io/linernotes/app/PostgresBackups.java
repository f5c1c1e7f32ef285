package io.linernotes.app;

import io.linernotes.essay.EssayStoreException;
import io.linernotes.essay.StoreArchive;
import io.linernotes.files.PrivateFiles;
import io.linernotes.store.Database;
import io.linernotes.store.StoreException;
import io.linernotes.store.TableCopy;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore of a store on a server (PostgreSQL) in the project's own checked format: a SQLite file of
 * this release's schema holding every table's rows, the same format a SQLite store's backup has. So one file
 * moves a store either way between the engines, and {@link StoreArchive#check} vets it before anything changes.
 * A backup reads one snapshot (REPEATABLE READ) while the bots keep running; a restore replaces every table in one
 * transaction, after refusing while other Liner Notes processes are connected.
 */
final class PostgresBackups {

    private static final Logger log = LoggerFactory.getLogger(PostgresBackups.class);

    private PostgresBackups() {
    }

    static StoreArchive.Check backup(Database db, Path target) {
        if (Files.exists(target)) {
            throw new EssayStoreException(target + " already exists; give the backup a new name");
        }
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try {
            deleteQuietly(temp);
            int fileVersion;
            try (Database file = Database.sqlite(temp)) {
                fileVersion = file.schemaVersion();
            }
            if (fileVersion != db.schemaVersion()) {
                throw new EssayStoreException("the store " + db.displayUrl() + " is at schema version "
                        + db.schemaVersion() + " and this release writes version " + fileVersion
                        + "; back it up with the release that runs it");
            }
            long rows;
            try (Connection file = DriverManager.getConnection("jdbc:sqlite:" + temp.toAbsolutePath())) {
                file.setAutoCommit(false);
                List<TableCopy.Table> tables = TableCopy.tables(file);
                TableCopy.clear(file, tables);
                rows = db.snapshot(server -> {
                    long copied = 0;
                    for (TableCopy.Table table : tables) {
                        copied += TableCopy.copy(server, file, table);
                    }
                    return copied;
                });
                file.commit();
            }
            fsync(temp);
            StoreArchive.Check check = StoreArchive.check(temp);
            if (!check.usable()) {
                throw new EssayStoreException("the backup came out unusable: " + check.problem());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("Backed up {} to {}: {} rows, {} essays at change {}", db.displayUrl(), target, rows,
                    check.liveEssays(), check.changeCounter());
            return check;
        } catch (SQLException | IOException e) {
            throw new EssayStoreException("the backup to " + target + " failed: " + e.getMessage(), e);
        } catch (StoreException e) {
            throw e instanceof EssayStoreException ese ? ese
                    : new EssayStoreException("the backup to " + target + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Thrown inside the restore's transaction to roll it back with a reason for the operator. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    static StoreBackups.RestoreResult restore(Database db, Path source, StoreArchive.Check check) {
        Path temp = null;
        try {
            temp = Files.createTempFile("linernotes-restore", ".db");
            PrivateFiles.file(temp);
            // A private copy brought to this release's schema: an older backup restores into a current store.
            StoreArchive.copyForRestore(source, temp, 0);
            try (Database upgraded = Database.sqlite(temp)) {
                if (upgraded.schemaVersion() != db.schemaVersion()) {
                    return StoreBackups.refused("not restored: the store " + db.displayUrl() + " is at schema version "
                            + db.schemaVersion() + ", this release at " + upgraded.schemaVersion());
                }
            }
            Path copy = temp;
            long[] counters = db.write("restore", tx -> {
                Connection server = tx.connection();
                int others = db.dialect().otherProcesses(server);
                if (others > 0) {
                    throw new Refused("not restored: " + others + " session(s) of other Liner Notes processes are"
                            + " connected to " + db.displayUrl() + "; stop them first");
                }
                long previous = counter(server);
                try (Connection file = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
                    List<TableCopy.Table> tables = TableCopy.tables(file);
                    TableCopy.clear(server, tables);
                    for (TableCopy.Table table : tables) {
                        TableCopy.copy(file, server, table);
                    }
                }
                db.dialect().afterExplicitIds(server);
                // Above the replaced store's counter: every process's index sees a change and is rebuilt.
                long restored = Math.max(counter(server), previous + 1);
                try (PreparedStatement set = server.prepareStatement(
                        "UPDATE meta SET value = ? WHERE key = 'change_counter'")) {
                    set.setLong(1, restored);
                    set.executeUpdate();
                }
                return new long[] {previous, restored};
            });
            log.info("Restored {} into {}: {} essays, change counter {} -> {}", source, db.displayUrl(),
                    check.liveEssays(), counters[0], counters[1]);
            return new StoreBackups.RestoreResult(null, check.liveEssays(), db.schemaVersion(), counters[0],
                    counters[1]);
        } catch (Refused e) {
            return StoreBackups.refused(e.getMessage());
        } catch (IOException e) {
            throw new EssayStoreException("the restore into " + db.displayUrl() + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static long counter(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT value FROM meta WHERE key = 'change_counter'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                log.warn("Could not delete the temporary file {}{}", file, suffix, e);
            }
        }
    }
}
