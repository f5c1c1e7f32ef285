package io.linernotes.essay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.song.Song;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;

/**
 * The songs table: one row per (folded title, folded artist), shared by every scope. Called inside the
 * store's transactions; holds no state of its own beyond the JSON mapper.
 */
final class SongCatalogue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private SongCatalogue() {
    }

    /**
     * The id of the draft's song, created if new. For a known song, {@code overwrite} (an edit) lets the
     * draft's year, album and non-empty featured list replace the stored ones; otherwise (an add) they
     * only fill what is missing, so one essay cannot quietly rewrite the catalogue for every server.
     */
    static long songFor(Connection connection, EssayDraft draft, boolean overwrite) throws SQLException {
        String key = Names.songKey(draft.title(), draft.artist());
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT id, featured, year, album FROM songs WHERE song_key = ?")) {
            find.setString(1, key);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    List<String> featured = featured(rs.getString(2));
                    Integer year = integer(rs, 3);
                    String album = rs.getString(4);
                    List<String> newFeatured = pick(overwrite, featured, draft.featured().isEmpty() ? null : draft.featured());
                    Integer newYear = pick(overwrite, year, draft.year());
                    String newAlbum = pick(overwrite, album, draft.album());
                    if (!newFeatured.equals(featured) || !Objects.equals(newYear, year) || !Objects.equals(newAlbum, album)) {
                        update(connection, id, newFeatured, newYear, newAlbum);
                    }
                    return id;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO songs (title, artist, featured, year, album, song_key) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, draft.title());
            insert.setString(2, draft.artist());
            insert.setString(3, json(draft.featured()));
            setInteger(insert, 4, draft.year());
            insert.setString(5, draft.album());
            insert.setString(6, key);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A song from the columns {@code id, title, artist, featured, year, album} starting at {@code first}. */
    static Song read(ResultSet rs, int first) throws SQLException {
        return new Song(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                featured(rs.getString(first + 3)), integer(rs, first + 4),
                rs.getString(first + 5));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new EssayStoreException("cannot write JSON for the store", e);
        }
    }

    /** An INTEGER column that may be NULL (the driver's getObject(int, Integer.class) refuses NULL). */
    static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static <T> T pick(boolean overwrite, T stored, T offered) {
        if (offered == null) {
            return stored;
        }
        boolean missing = stored == null || (stored instanceof List<?> list && list.isEmpty());
        return overwrite || missing ? offered : stored;
    }

    private static void update(Connection connection, long id, List<String> featured, Integer year, String album)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE songs SET featured = ?, year = ?, album = ? WHERE id = ?")) {
            update.setString(1, json(featured));
            setInteger(update, 2, year);
            update.setString(3, album);
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    private static List<String> featured(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, NAMES);
        } catch (JsonProcessingException e) {
            throw new EssayStoreException("unreadable featured list in the songs table: " + json, e);
        }
    }
}
