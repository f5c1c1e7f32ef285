package io.linernotes.essay;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The answer cache in the essay database's {@code answer_cache} table (schema version 3). It has its own
 * connection, outside the store's write path, so that caching an answer never moves the store's change
 * counter (which would make the search index look stale). A cache that cannot be read or written is a miss,
 * never a failed answer.
 */
public final class SqliteAnswerCache implements AnswerCache, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqliteAnswerCache.class);
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Connection db;

    private SqliteAnswerCache(Connection db) {
        this.db = db;
    }

    /** Opens the cache in {@code dbFile}, which the {@link SqliteEssayStore} has already brought to version 3 or later. */
    public static SqliteAnswerCache open(Path dbFile) {
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            return new SqliteAnswerCache(DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath(),
                    config.toProperties()));
        } catch (SQLException e) {
            throw new EssayStoreException("cannot open the answer cache in " + dbFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<Entry> find(String key, long nowMillis) {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT text, generated_by FROM answer_cache WHERE key = ? AND expires_at > ?")) {
            ps.setString(1, key);
            ps.setLong(2, nowMillis);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Entry entry = new Entry(rs.getString(1), rs.getString(2));
                try (PreparedStatement hit = db.prepareStatement("UPDATE answer_cache SET hits = hits + 1 WHERE key = ?")) {
                    hit.setString(1, key);
                    hit.executeUpdate();
                }
                return Optional.of(entry);
            }
        } catch (SQLException e) {
            log.warn("Answer cache lookup failed; asking the model", e);
            return Optional.empty();
        }
    }

    @Override
    public synchronized void put(String key, long songId, Collection<Long> essays, Entry entry, long nowMillis,
            long expiresMillis) {
        try {
            // Expired rows go when new ones come, so the table holds at most what one time-to-live brings.
            try (PreparedStatement purge = db.prepareStatement("DELETE FROM answer_cache WHERE expires_at <= ?")) {
                purge.setLong(1, nowMillis);
                purge.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO answer_cache"
                    + " (key, song_id, essays, text, generated_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, key);
                ps.setLong(2, songId);
                ps.setString(3, essayList(essays));
                ps.setString(4, entry.text());
                ps.setString(5, entry.generatedBy());
                ps.setLong(6, nowMillis);
                ps.setLong(7, expiresMillis);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            log.warn("Could not store an answer in the answer cache", e);
        }
    }

    @Override
    public synchronized void invalidate(Collection<Long> songIds, Collection<Long> essayIds) {
        try {
            int dropped = 0;
            try (PreparedStatement bySong = db.prepareStatement("DELETE FROM answer_cache WHERE song_id = ?")) {
                for (long songId : songIds) {
                    bySong.setLong(1, songId);
                    dropped += bySong.executeUpdate();
                }
            }
            try (PreparedStatement byEssay = db.prepareStatement("DELETE FROM answer_cache WHERE essays LIKE ?")) {
                for (long essayId : essayIds) {
                    byEssay.setString(1, "%," + essayId + ",%");
                    dropped += byEssay.executeUpdate();
                }
            }
            if (dropped > 0) {
                log.info("Answer cache: dropped {} answers after a change to songs {} / essays {}", dropped, songIds,
                        essayIds);
            }
        } catch (SQLException e) {
            // A stale answer must not outlive an edit: without the delete, the revision in its key still misses.
            log.warn("Could not drop cached answers of songs {}; their keys name the old revisions", songIds, e);
        }
    }

    /** ",3,17," so that a LIKE '%,3,%' finds essay 3 and not 13. */
    static String essayList(Collection<Long> essays) {
        StringBuilder sb = new StringBuilder(",");
        essays.stream().distinct().sorted().forEach(id -> sb.append(id).append(','));
        return sb.toString();
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            log.warn("Closing the answer cache failed", e);
        }
    }
}
