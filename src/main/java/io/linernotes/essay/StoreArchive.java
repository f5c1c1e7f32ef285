package io.linernotes.essay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import io.linernotes.files.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import io.linernotes.store.LegacySchema;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * Copies of the SQLite store file, for backup and restore. Every copy is made with {@code VACUUM INTO}
 * from a connection of its own: it reads one consistent snapshot inside a single read transaction, and
 * in WAL mode a running bot keeps writing meanwhile (readers and the writer do not block each other).
 * SQLite's online backup API, driven from another connection, starts over whenever the source changes,
 * so under steady writes it may never finish; and a copy of the bare file would miss what still sits in
 * the write-ahead log. The copy is also compact, and has no WAL of its own.
 */
public final class StoreArchive {

    private static final Logger log = LoggerFactory.getLogger(StoreArchive.class);
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** What a file holds, if it is a Liner Notes store; {@code problem} is null when it is one we can use. */
    public record Check(String problem, int schemaVersion, int liveEssays, long changeCounter) {
        static Check refused(String problem) {
            return new Check(problem, 0, 0, 0);
        }

        public boolean usable() {
            return problem == null;
        }
    }

    private StoreArchive() {
    }

    /** The newest schema version this release knows. */
    public static int knownSchemaVersion() {
        return io.linernotes.store.Migrations.latestVersion();
    }

    /**
     * Writes a consistent snapshot of the store {@code dbFile} to {@code target}, which must not exist
     * yet (nothing is overwritten). Safe while another process writes to the store.
     */
    public static Check backup(Path dbFile, Path target) {
        if (!Files.isRegularFile(dbFile)) {
            throw new EssayStoreException("there is no essay database at " + dbFile);
        }
        if (Files.exists(target)) {
            throw new EssayStoreException(target + " already exists; give the backup a new name");
        }
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.deleteIfExists(temp);
            // Created private and empty first: VACUUM INTO fills an empty file and keeps its permissions.
            PrivateFiles.file(temp);
            try (Connection source = connect(dbFile, false)) {
                vacuumInto(source, temp);
            }
            fsync(temp);
            Check check = check(temp);
            if (!check.usable()) {
                throw new EssayStoreException("the backup came out unusable: " + check.problem());
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Backed up {} to {}: {} essays at change {}", dbFile, target, check.liveEssays(),
                    check.changeCounter());
            return check;
        } catch (SQLException | IOException e) {
            throw new EssayStoreException("the backup to " + target + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Whether {@code file} is a sound Liner Notes store of a schema version this release can open. Reads
     * only; a refusal says why in words an operator can act on.
     */
    public static Check check(Path file) {
        if (!Files.isRegularFile(file)) {
            return Check.refused(file + " is not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
                return Check.refused(file + " is not a SQLite database (no SQLite header)");
            }
        } catch (IOException e) {
            return Check.refused("cannot read " + file + ": " + e.getMessage());
        }
        try (Connection connection = connect(file, true); Statement statement = connection.createStatement()) {
            String integrity;
            try (ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
                integrity = rs.next() ? rs.getString(1) : "no answer";
            }
            if (!"ok".equals(integrity)) {
                return Check.refused(file + " is a damaged SQLite database: " + integrity);
            }
            for (String table : new String[] {"schema_version", "meta", "songs", "essays", "essay_revisions"}) {
                if (!hasTable(connection, table)) {
                    return Check.refused(file + " is a SQLite database but not a Liner Notes store (no "
                            + table + " table)");
                }
            }
            SchemaObjects.Version version = SchemaObjects.version(connection);
            int legacyStep;
            try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                legacyStep = rs.next() ? rs.getInt(1) : 0;
            }
            if (!SchemaObjects.known(version) || legacyStep > LegacySchema.ALL.get(LegacySchema.ALL.size() - 1).version()) {
                return Check.refused(file + " was written by a newer release (" + version.describe()
                        + (version.flyway() ? ", step " + legacyStep : "") + "; this release knows up to schema version "
                        + knownSchemaVersion() + ")");
            }
            if (version.number() < 1) {
                return Check.refused(file + " is a Liner Notes store with no schema version recorded");
            }
            String foreign = SchemaObjects.problem(connection, version);
            if (foreign != null) {
                return Check.refused(file + " is refused: " + foreign);
            }
            String live = version.flyway() || version.number() >= 2 ? "SELECT COUNT(*) FROM essays WHERE removed_at IS NULL"
                    : "SELECT COUNT(*) FROM essays";
            int essays;
            try (ResultSet rs = statement.executeQuery(live)) {
                essays = rs.next() ? rs.getInt(1) : 0;
            }
            long counter;
            try (ResultSet rs = statement.executeQuery("SELECT value FROM meta WHERE key = 'change_counter'")) {
                counter = rs.next() ? rs.getLong(1) : 0;
            }
            // A file from before Flyway reports schema version 0: it is upgraded when it is next opened.
            return new Check(null, version.flyway() ? version.number() : 0, essays, counter);
        } catch (SQLException e) {
            if (e instanceof SQLiteException sqlite && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT
                    || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB)) {
                return Check.refused(file + " is a damaged SQLite database (truncated or overwritten)");
            }
            return Check.refused(file + " cannot be read as a SQLite database: " + e.getMessage());
        }
    }

    /**
     * Copies the store {@code source} (already {@link #check checked}) to {@code temp} for a restore, with
     * its change counter raised to at least {@code minCounter}, so that an index built for the store being
     * replaced can never pass for current. Returns the counter the copy ends at.
     */
    public static long copyForRestore(Path source, Path temp, long minCounter) {
        try {
            Files.deleteIfExists(temp);
            PrivateFiles.file(temp);
            try (Connection from = connect(source, true)) {
                vacuumInto(from, temp);
            }
            long counter;
            try (Connection copy = connect(temp, false); Statement statement = copy.createStatement()) {
                // Checked again on the copy itself: the source may have changed since it was checked, and the
                // update below would run any trigger the copy holds.
                SchemaObjects.Version version = SchemaObjects.version(copy);
                String foreign = SchemaObjects.problem(copy, version);
                if (foreign != null) {
                    throw new EssayStoreException(source + " changed while it was restored and " + foreign);
                }
                statement.executeUpdate("UPDATE meta SET value = MAX(value, " + minCounter
                        + ") WHERE key = 'change_counter'");
                try (ResultSet rs = statement.executeQuery("SELECT value FROM meta WHERE key = 'change_counter'")) {
                    counter = rs.next() ? rs.getLong(1) : 0;
                }
            }
            fsync(temp);
            return counter;
        } catch (SQLException | IOException e) {
            deleteQuietly(temp);
            throw new EssayStoreException("copying " + source + " for the restore failed: " + e.getMessage(), e);
        } catch (EssayStoreException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * Folds the write-ahead log of {@code dbFile} into the file and returns its change counter (0 when the
     * file does not exist). Call only when no other process has the store open; closing the last
     * connection then removes the WAL, so the file can be replaced on its own.
     */
    public static long settle(Path dbFile) {
        if (!Files.exists(dbFile)) {
            return 0;
        }
        try (Connection connection = connect(dbFile, false); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            try (ResultSet rs = statement.executeQuery("SELECT value FROM meta WHERE key = 'change_counter'")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new EssayStoreException("the current essay database " + dbFile + " cannot be settled: "
                    + e.getMessage(), e);
        }
    }

    private static void vacuumInto(Connection source, Path target) throws SQLException {
        try (PreparedStatement vacuum = source.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        }
    }

    /** A connection that never creates the file; read-only when asked. */
    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setReadOnly(readOnly);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            find.setString(1, name);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Makes the file's bytes durable before it is renamed into place. */
    static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary file {}", file, e);
        }
    }
}
