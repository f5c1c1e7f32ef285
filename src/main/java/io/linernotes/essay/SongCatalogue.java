package io.linernotes.essay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The songs table. A song row has an owner: the shared catalogue ({@code global}, written only by shared
 * imports) or one server. A server's essay on a song the shared catalogue has joins that row and changes
 * nothing in it; on a song the shared catalogue lacks, it goes to the server's own row, which only that server
 * sees. So no server can change the title, featured artists, year or album that another server, or a DM, is
 * shown. When a shared import brings a song some servers had rows of their own for, their essays move to the
 * shared row ({@link Adopted}), so each server still sees one song of that name. Called inside the store's
 * transactions; holds no state of its own beyond the JSON mapper.
 */
final class SongCatalogue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    /** The song an essay goes to, and the ids of other servers' essays a new shared song took over. */
    record Adopted(long songId, List<Long> movedEssays, boolean detailsChanged) {
        Adopted(long songId, List<Long> movedEssays) {
            this(songId, movedEssays, false);
        }
    }

    /** A row found by {@link #find}, and whether the draft changed its details. */
    private record Found(long id, boolean changed) {
    }

    private SongCatalogue() {
    }

    /** The unique key of a song row: the folded names, after the owner for a server's own row. */
    static String key(String baseKey, Scope owner) {
        return owner.isGlobal() ? baseKey : owner.key() + " # " + baseKey;
    }

    /**
     * The id of the draft's song as {@code scope} writes it, created if new (see the class comment). For a
     * row the writer owns, {@code overwrite} (an edit or restore) lets the draft's year, album and non-empty
     * featured list replace the stored ones; otherwise (an add) they only fill what is missing.
     */
    static Adopted songFor(Connection connection, EssayDraft draft, Scope scope, boolean overwrite)
            throws SQLException {
        String base = Names.songKey(draft.title(), draft.artist());
        if (!scope.isGlobal()) {
            Optional<Found> shared = find(connection, base, draft, false);
            if (shared.isPresent()) {
                return new Adopted(shared.get().id(), List.of(), shared.get().changed());
            }
        }
        Optional<Found> own = find(connection, key(base, scope), draft, overwrite);
        if (own.isPresent()) {
            return new Adopted(own.get().id(), List.of(), own.get().changed());
        }
        long id = insert(connection, draft, scope, key(base, scope));
        return new Adopted(id, scope.isGlobal() ? adopt(connection, id, base) : List.of());
    }

    /** The row of {@code key}, its details merged with the draft's (see {@link #songFor}); empty when none. */
    private static Optional<Found> find(Connection connection, String key, EssayDraft draft, boolean overwrite)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT id, featured, year, album, owner FROM songs WHERE song_key = ?")) {
            find.setString(1, key);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                List<String> featured = featured(rs.getString(2));
                Integer year = integer(rs, 3);
                String album = rs.getString(4);
                List<String> newFeatured = pick(overwrite, featured, draft.featured().isEmpty() ? null : draft.featured());
                Integer newYear = pick(overwrite, year, draft.year());
                String newAlbum = pick(overwrite, album, draft.album());
                boolean changed = !newFeatured.equals(featured) || !Objects.equals(newYear, year)
                        || !Objects.equals(newAlbum, album);
                if (changed) {
                    update(connection, id, newFeatured, newYear, newAlbum);
                }
                return Optional.of(new Found(id, changed));
            }
        }
    }

    private static long insert(Connection connection, EssayDraft draft, Scope owner, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO songs (title, artist, featured,"
                + " year, album, song_key, owner) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, draft.title());
            insert.setString(2, draft.artist());
            insert.setString(3, json(draft.featured()));
            setInteger(insert, 4, draft.year());
            insert.setString(5, draft.album());
            insert.setString(6, key);
            insert.setString(7, owner.key());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Moves the essays of servers' own rows of the song {@code base} to the new shared row; the live ones' ids.
     * The servers' rows are found through the index on owner (a range either side of 'global'), so a shared import
     * reads only the few server-owned songs, not every song, per new song.
     */
    private static List<Long> adopt(Connection connection, long sharedId, String base) throws SQLException {
        List<Long> rows = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("SELECT id FROM songs WHERE (owner < 'global'"
                + " OR owner > 'global') AND song_key = owner || ' # ' || ?")) {
            find.setString(1, base);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        String others = String.join(", ", java.util.Collections.nCopies(rows.size(), "?"));
        List<Long> moved = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM essays WHERE removed_at IS NULL AND song_id IN (" + others + ") ORDER BY id")) {
            for (int i = 0; i < rows.size(); i++) {
                select.setLong(i + 1, rows.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    moved.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement move = connection.prepareStatement(
                "UPDATE essays SET song_id = ? WHERE song_id IN (" + others + ")")) {
            move.setLong(1, sharedId);
            for (int i = 0; i < rows.size(); i++) {
                move.setLong(i + 2, rows.get(i));
            }
            move.executeUpdate();
        }
        try (PreparedStatement drop = connection.prepareStatement("DELETE FROM songs WHERE id IN (" + others + ")")) {
            for (int i = 0; i < rows.size(); i++) {
                drop.setLong(i + 1, rows.get(i));
            }
            drop.executeUpdate();
        }
        return moved;
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
