package io.linernotes.essay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.core.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Reading and writing rows of {@code essays} and {@code essay_revisions}; used inside the store's lock. */
final class EssayRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SELECT_ESSAY = "SELECT e.id, e.scope, e.author, e.source, e.body, e.created_at,"
            + " e.updated_at, e.revision, s.id, s.title, s.artist, s.featured, s.year, s.album"
            + " FROM essays e JOIN songs s ON s.id = e.song_id";

    /** What a write needs to know about an essay before touching it. */
    record State(long id, Scope owner, boolean removed, int revision) {
    }

    private EssayRows() {
    }

    static List<Essay> query(Connection connection, String where, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ESSAY + " " + where)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<Essay> essays = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    essays.add(new Essay(rs.getLong(1), SongCatalogue.read(rs, 9), rs.getString(3), rs.getString(4),
                            Scope.fromKey(rs.getString(2)), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                            Instant.ofEpochMilli(rs.getLong(7)), rs.getInt(8)));
                }
            }
            return essays;
        }
    }

    static Essay load(Connection connection, long id) throws SQLException {
        return query(connection, "WHERE e.id = ?", id).get(0);
    }

    static Optional<State> state(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT scope, removed_at IS NOT NULL, revision FROM essays WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next()
                        ? Optional.of(new State(id, Scope.fromKey(rs.getString(1)), rs.getBoolean(2), rs.getInt(3)))
                        : Optional.empty();
            }
        }
    }

    /** The live essay of this song and scope with this body hash, if any. */
    static Optional<Long> findLive(Connection connection, long songId, Scope scope, String hash) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM essays WHERE song_id = ?"
                + " AND scope = ? AND content_hash = ? AND removed_at IS NULL ORDER BY id LIMIT 1")) {
            statement.setLong(1, songId);
            statement.setString(2, scope.key());
            statement.setString(3, hash);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static long insert(Connection connection, long songId, Scope scope, EssayDraft draft, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO essays (song_id, scope, author,"
                + " source, body, content_hash, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
                + " RETURNING id")) {
            insert.setLong(1, songId);
            insert.setString(2, scope.key());
            insert.setString(3, draft.author());
            insert.setString(4, draft.source());
            insert.setString(5, draft.body());
            insert.setString(6, hash(draft.body()));
            insert.setLong(7, now);
            insert.setLong(8, now);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Sets the essay's content to {@code draft} at {@code revision}; live again unless {@code removedAt}. */
    static void rewrite(Connection connection, long id, long songId, EssayDraft draft, int revision, long now,
            Long removedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE essays SET song_id = ?, author = ?,"
                + " source = ?, body = ?, content_hash = ?, updated_at = ?, revision = ?, removed_at = ? WHERE id = ?")) {
            update.setLong(1, songId);
            update.setString(2, draft.author());
            update.setString(3, draft.source());
            update.setString(4, draft.body());
            update.setString(5, hash(draft.body()));
            update.setLong(6, now);
            update.setInt(7, revision);
            update.setObject(8, removedAt);
            update.setLong(9, id);
            update.executeUpdate();
        }
    }

    static void addRevision(Connection connection, long essayId, int revision, EssayDraft content, long now,
            String action) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO essay_revisions"
                + " (essay_id, revision, content, saved_at, action) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, essayId);
            insert.setInt(2, revision);
            insert.setString(3, SongCatalogue.json(content));
            insert.setLong(4, now);
            insert.setString(5, action);
            insert.executeUpdate();
        }
    }

    /** Revisions oldest first; with {@code onlyRevision} > 0, just that one. */
    static List<EssayRevision> revisions(Connection connection, long essayId, int onlyRevision) throws SQLException {
        String sql = "SELECT revision, content, saved_at, action FROM essay_revisions WHERE essay_id = ?"
                + (onlyRevision > 0 ? " AND revision = ?" : "") + " ORDER BY revision";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, essayId);
            if (onlyRevision > 0) {
                select.setInt(2, onlyRevision);
            }
            List<EssayRevision> revisions = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    revisions.add(new EssayRevision(essayId, rs.getInt(1), draft(rs.getString(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                }
            }
            return revisions;
        }
    }

    static String hash(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static EssayDraft draft(String json) {
        try {
            return JSON.readValue(json, EssayDraft.class);
        } catch (JsonProcessingException e) {
            throw new EssayStoreException("unreadable revision content in the store", e);
        }
    }
}
