package io.linernotes.essay;

import io.linernotes.store.Database;
import io.linernotes.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer cache in the store's {@code answer_cache} table, on either engine, so that every process sharing the
 * store shares it. Its writes log no essay change, so caching an answer never moves the store's change counter
 * (which would make the search index look stale). A cache that cannot be read or written is a miss, never a
 * failed answer.
 */
public final class SqlAnswerCache implements AnswerCache {

    private static final Logger log = LoggerFactory.getLogger(SqlAnswerCache.class);

    private final Database db;

    public SqlAnswerCache(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Entry> find(String key, long nowMillis) {
        try {
            return db.write("answer cache lookup", tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "SELECT text, generated_by FROM answer_cache WHERE key = ? AND expires_at > ?")) {
                    ps.setString(1, key);
                    ps.setLong(2, nowMillis);
                    Entry entry;
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<Entry>empty();
                        }
                        entry = new Entry(rs.getString(1), rs.getString(2));
                    }
                    try (PreparedStatement hit = tx.connection().prepareStatement(
                            "UPDATE answer_cache SET hits = hits + 1 WHERE key = ?")) {
                        hit.setString(1, key);
                        hit.executeUpdate();
                    }
                    return Optional.of(entry);
                }
            });
        } catch (StoreException e) {
            log.warn("Answer cache lookup failed; asking the model", e);
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, long songId, Collection<Long> essays, Entry entry, long nowMillis,
            long expiresMillis) {
        try {
            db.write("answer cache store", tx -> {
                // Expired rows go when new ones come, so the table holds at most what one time-to-live brings.
                try (PreparedStatement purge = tx.connection().prepareStatement(
                        "DELETE FROM answer_cache WHERE expires_at <= ?")) {
                    purge.setLong(1, nowMillis);
                    purge.executeUpdate();
                }
                try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO answer_cache"
                        + " (key, song_id, essays, text, generated_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (key) DO UPDATE SET song_id = excluded.song_id, essays = excluded.essays,"
                        + " text = excluded.text, generated_by = excluded.generated_by, created_at = excluded.created_at,"
                        + " expires_at = excluded.expires_at, hits = 0")) {
                    ps.setString(1, key);
                    ps.setLong(2, songId);
                    ps.setString(3, essayList(essays));
                    ps.setString(4, entry.text());
                    ps.setString(5, entry.generatedBy());
                    ps.setLong(6, nowMillis);
                    ps.setLong(7, expiresMillis);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            log.warn("Could not store an answer in the answer cache", e);
        }
    }

    @Override
    public void invalidate(Collection<Long> songIds, Collection<Long> essayIds) {
        try {
            int dropped = db.write("answer cache invalidation", tx -> {
                int count = 0;
                try (PreparedStatement bySong = tx.connection().prepareStatement(
                        "DELETE FROM answer_cache WHERE song_id = ?")) {
                    for (long songId : songIds) {
                        bySong.setLong(1, songId);
                        count += bySong.executeUpdate();
                    }
                }
                try (PreparedStatement byEssay = tx.connection().prepareStatement(
                        "DELETE FROM answer_cache WHERE essays LIKE ?")) {
                    for (long essayId : essayIds) {
                        byEssay.setString(1, "%," + essayId + ",%");
                        count += byEssay.executeUpdate();
                    }
                }
                return count;
            });
            if (dropped > 0) {
                log.info("Answer cache: dropped {} answers after a change to songs {} / essays {}", dropped, songIds,
                        essayIds);
            }
        } catch (StoreException e) {
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
}
