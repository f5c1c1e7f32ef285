package io.linernotes.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite schema of the releases before Flyway, as an ordered list of steps (versions 1 to 4) recorded in
 * {@code schema_version}. It is frozen: Flyway's first migration ({@link EssaySchema}) applies the steps a SQLite
 * file lacks, so a file written by any older release upgrades in place, and a new file gets exactly the same
 * tables. New schema changes are Flyway migrations ({@code db/migration}), never new steps here.
 */
public final class LegacySchema {

    private static final Logger log = LoggerFactory.getLogger(LegacySchema.class);

    /** One schema step: the version it brings the database to and the statements that do it. */
    public record Migration(int version, String description, List<String> statements) {
    }

    public static final List<Migration> ALL = List.of(
            new Migration(1, "songs, essays, revisions and the change counter", List.of(
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
                    "INSERT INTO meta (key, value) VALUES ('change_counter', 0)",
                    "CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, artist TEXT NOT NULL,"
                            + " featured TEXT NOT NULL DEFAULT '[]', year INTEGER, album TEXT,"
                            + " song_key TEXT NOT NULL UNIQUE)",
                    "CREATE TABLE essays (id INTEGER PRIMARY KEY, song_id INTEGER NOT NULL REFERENCES songs(id),"
                            + " scope TEXT NOT NULL, author TEXT, source TEXT, body TEXT NOT NULL,"
                            + " content_hash TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
                            + " revision INTEGER NOT NULL)",
                    "CREATE INDEX essays_by_song_scope_hash ON essays (song_id, scope, content_hash)",
                    "CREATE TABLE essay_revisions (essay_id INTEGER NOT NULL REFERENCES essays(id),"
                            + " revision INTEGER NOT NULL, content TEXT NOT NULL, saved_at INTEGER NOT NULL,"
                            + " action TEXT NOT NULL CHECK (action IN ('add', 'edit')),"
                            + " PRIMARY KEY (essay_id, revision))")),
            // Removal came later: a column on essays, and two more revision actions. SQLite cannot alter a
            // CHECK constraint, so the revisions table is rebuilt and its rows copied.
            new Migration(2, "removal and restore of essays", List.of(
                    "ALTER TABLE essays ADD COLUMN removed_at INTEGER",
                    "CREATE TABLE essay_revisions_v2 (essay_id INTEGER NOT NULL REFERENCES essays(id),"
                            + " revision INTEGER NOT NULL, content TEXT NOT NULL, saved_at INTEGER NOT NULL,"
                            + " action TEXT NOT NULL CHECK (action IN ('add', 'edit', 'remove', 'restore')),"
                            + " PRIMARY KEY (essay_id, revision))",
                    "INSERT INTO essay_revisions_v2 (essay_id, revision, content, saved_at, action)"
                            + " SELECT essay_id, revision, content, saved_at, action FROM essay_revisions",
                    "DROP TABLE essay_revisions",
                    "ALTER TABLE essay_revisions_v2 RENAME TO essay_revisions",
                    "CREATE INDEX essays_by_scope ON essays (scope, removed_at)")),
            // Song rows get an owner (see SongCatalogue): until now one row per song was shared by every server,
            // and any server's edit rewrote its details for all. A song no shared essay is on is split into one
            // row per server that has essays on it; every row's details are then taken again from its owner's
            // newest essays. Servers' essays may change song, so then the change counter moves and the index is rebuilt.
            new Migration(3, "songs owned by the shared catalogue or by one server", List.of(
                    "ALTER TABLE songs ADD COLUMN owner TEXT NOT NULL DEFAULT 'global'",
                    "INSERT INTO songs (title, artist, featured, year, album, song_key, owner)"
                            + " SELECT s.title, s.artist, '[]', NULL, NULL, e.scope || ' # ' || s.song_key, e.scope"
                            + " FROM songs s JOIN (SELECT DISTINCT song_id, scope FROM essays) e ON e.song_id = s.id"
                            + " WHERE s.owner = 'global' AND e.scope <> 'global' AND NOT EXISTS"
                            + " (SELECT 1 FROM essays g WHERE g.song_id = s.id AND g.scope = 'global')",
                    "UPDATE essays SET song_id = (SELECT n.id FROM songs n WHERE n.owner = essays.scope"
                            + " AND n.song_key = essays.scope || ' # ' || (SELECT o.song_key FROM songs o"
                            + " WHERE o.id = essays.song_id)) WHERE scope <> 'global' AND song_id IN"
                            + " (SELECT s.id FROM songs s WHERE s.owner = 'global' AND NOT EXISTS"
                            + " (SELECT 1 FROM essays g WHERE g.song_id = s.id AND g.scope = 'global'))",
                    "DELETE FROM songs WHERE owner = 'global' AND NOT EXISTS"
                            + " (SELECT 1 FROM essays e WHERE e.song_id = songs.id)",
                    "UPDATE songs SET"
                            + " featured = COALESCE((" + newestOwnDetail("json_extract(r.content, '$.featured')",
                                    "json_array_length(r.content, '$.featured') > 0") + "), '[]'),"
                            + " year = (" + newestOwnDetail("json_extract(r.content, '$.year')",
                                    "json_extract(r.content, '$.year') IS NOT NULL") + "),"
                            + " album = (" + newestOwnDetail("json_extract(r.content, '$.album')",
                                    "json_extract(r.content, '$.album') IS NOT NULL") + ")"
                            + " WHERE EXISTS (SELECT 1 FROM essays e WHERE e.song_id = songs.id AND e.scope = songs.owner)",
                    "UPDATE meta SET value = value + 1 WHERE key = 'change_counter'"
                            + " AND EXISTS (SELECT 1 FROM essays WHERE scope <> 'global')")),
            // Answers written by a language model, reused for the same song, revisions, question and settings.
            // In the store so that every process sharing it shares the cache; never part of the change counter.
            new Migration(4, "answer cache", List.of(
                    "CREATE TABLE answer_cache (key TEXT PRIMARY KEY, song_id INTEGER NOT NULL,"
                            + " essays TEXT NOT NULL, text TEXT NOT NULL, generated_by TEXT NOT NULL,"
                            + " created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,"
                            + " hits INTEGER NOT NULL DEFAULT 0)",
                    "CREATE INDEX answer_cache_by_song ON answer_cache (song_id)")));

    /** The newest value of one detail among the current revisions of a song row's owner's essays. */
    private static String newestOwnDetail(String value, String present) {
        return "SELECT " + value + " FROM essays e JOIN essay_revisions r ON r.essay_id = e.id AND r.revision = e.revision"
                + " WHERE e.song_id = songs.id AND e.scope = songs.owner AND " + present
                + " ORDER BY e.updated_at DESC, e.id DESC LIMIT 1";
    }

    private LegacySchema() {
    }

    /** The version the database is at: 0 for a new file. */
    public static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version"
                    + " (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Applies the steps of {@code migrations} the database lacks; returns the version reached. */
    public static int migrate(Connection connection, List<Migration> migrations, long nowMillis) throws SQLException {
        int version = currentVersion(connection);
        int known = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        if (version > known) {
            throw new StoreException("the essay database is at schema version " + version
                    + " but this release knows only up to " + known + "; use a newer release");
        }
        for (Migration migration : migrations) {
            if (migration.version() <= version) {
                continue;
            }
            connection.setAutoCommit(false);
            try {
                apply(connection, migration, nowMillis);
                connection.commit();
                log.info("Essay database migrated to schema version {} ({})", migration.version(), migration.description());
                version = migration.version();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return version;
    }

    /**
     * Applies the steps of {@link #ALL} the database lacks inside the caller's transaction (Flyway's); returns the
     * version reached.
     */
    static int applyMissing(Connection connection, long nowMillis) throws SQLException {
        int version = currentVersion(connection);
        for (Migration migration : ALL) {
            if (migration.version() <= version) {
                continue;
            }
            apply(connection, migration, nowMillis);
            log.info("Essay database brought to legacy schema step {} ({})", migration.version(), migration.description());
            version = migration.version();
        }
        return version;
    }

    private static void apply(Connection connection, Migration migration, long nowMillis) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements()) {
                statement.execute(sql);
            }
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            mark.setInt(1, migration.version());
            mark.setString(2, migration.description());
            mark.setLong(3, nowMillis);
            mark.executeUpdate();
        }
    }
}
