package io.linernotes.essay;

import io.linernotes.core.Scope;
import io.linernotes.song.OpeningFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The song catalogue's data derived from essay openings, kept in the store beside the essays (schema version 12)
 * and written in the transaction of each essay write, so a start reads it instead of folding every opening:
 * <ul>
 * <li>{@code essay_openings}: one row per live essay, its {@link OpeningFacts} as the {@link OpeningFacts#VERSION}
 * named in the row derived them, with its song and scope (the catalogue is read from these rows and the songs);</li>
 * <li>{@code song_opening_words}: per song, the distinct words of the openings the catalogue reads for it (one per
 * scope: the first essay of that scope, by id, whose opening is not blank, as {@code SongCatalog} picks them);</li>
 * <li>{@code opening_word_counts}: in how many songs' openings each word occurs, moved by the difference between a
 * song's old and new words whenever a write changes them.</li>
 * </ul>
 * Every essay write logs the essays it touched; {@link #follow} re-derives exactly those, so moves between songs,
 * removals and restores follow as edits do. Used inside the store's transactions.
 */
final class OpeningRows {

    /** The {@code meta} key of the derivation version every row of the store was brought to at a start. */
    static final String VERSION_KEY = "opening_facts_version";
    private static final int CHUNK = 500;

    private OpeningRows() {
    }

    /** An essay's row as stored: its song, the version that derived it and the body it was derived from. */
    private record Stored(long songId, int version, String contentHash) {
    }

    /** A live essay as it is now. */
    private record Live(long songId, Scope scope, String contentHash, String lead) {
    }

    /**
     * Brings the rows of {@code essayIds} to the essays as they now are (derived again when the opening changed or
     * another version derived it, dropped when the essay is no longer live), then the words of every song they were
     * or are under, and the counts. Returns how many rows were derived.
     */
    static int follow(Connection connection, Collection<Long> essayIds) throws SQLException {
        Set<Long> songs = new LinkedHashSet<>();
        int derived = 0;
        List<Long> ids = List.copyOf(new LinkedHashSet<>(essayIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, Stored> stored = stored(connection, chunk);
            Map<Long, Live> live = live(connection, chunk);
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO essay_openings (essay_id, song_id,"
                    + " scope, version, content_hash, blank, words, capitalised, aliases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (essay_id) DO UPDATE SET song_id = excluded.song_id, scope = excluded.scope,"
                    + " version = excluded.version, content_hash = excluded.content_hash, blank = excluded.blank,"
                    + " words = excluded.words, capitalised = excluded.capitalised, aliases = excluded.aliases");
                    PreparedStatement move = connection.prepareStatement(
                            "UPDATE essay_openings SET song_id = ? WHERE essay_id = ?");
                    PreparedStatement drop = connection.prepareStatement("DELETE FROM essay_openings WHERE essay_id = ?")) {
                for (long id : chunk) {
                    Stored before = stored.get(id);
                    Live now = live.get(id);
                    if (before != null) {
                        songs.add(before.songId());
                    }
                    if (now == null) {
                        if (before != null) {
                            drop.setLong(1, id);
                            drop.addBatch();
                        }
                        continue;
                    }
                    songs.add(now.songId());
                    if (before != null && before.version() == OpeningFacts.VERSION
                            && before.contentHash().equals(now.contentHash())) {
                        if (before.songId() != now.songId()) {
                            move.setLong(1, now.songId());
                            move.setLong(2, id);
                            move.addBatch();
                        }
                        continue;
                    }
                    OpeningFacts facts = OpeningFacts.of(now.lead());
                    upsert.setLong(1, id);
                    upsert.setLong(2, now.songId());
                    upsert.setString(3, now.scope().key());
                    upsert.setInt(4, OpeningFacts.VERSION);
                    upsert.setString(5, now.contentHash());
                    upsert.setInt(6, facts.blank() ? 1 : 0);
                    upsert.setString(7, facts.words());
                    upsert.setString(8, facts.capitalised());
                    upsert.setString(9, facts.aliases());
                    upsert.addBatch();
                    derived++;
                }
                upsert.executeBatch();
                move.executeBatch();
                drop.executeBatch();
            }
        }
        refreshSongs(connection, songs);
        return derived;
    }

    private static Map<Long, Stored> stored(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, Stored> out = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT essay_id, song_id, version, content_hash"
                + " FROM essay_openings WHERE essay_id IN (" + marks(ids.size()) + ")")) {
            bind(select, ids, 1);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Stored(rs.getLong(2), rs.getInt(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static Map<Long, Live> live(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, Live> out = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, song_id, scope, content_hash,"
                + " substr(body, 1, ?) FROM essays WHERE removed_at IS NULL AND id IN (" + marks(ids.size()) + ")")) {
            select.setInt(1, OpeningFacts.LEAD_CHARS);
            bind(select, ids, 2);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Live(rs.getLong(2), Scope.fromKey(rs.getString(3)), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    /**
     * Sets each song's words to those of the openings the catalogue reads for it now, and moves the counts of the
     * words that came or went. A song with no live essay has no words (and no row).
     */
    private static void refreshSongs(Connection connection, Set<Long> songIds) throws SQLException {
        Map<String, Integer> delta = new HashMap<>();
        List<Long> ids = List.copyOf(songIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, Set<String>> now = songWords(connection, chunk);
            Map<Long, Set<String>> before = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT song_id, words FROM song_opening_words"
                    + " WHERE song_id IN (" + marks(chunk.size()) + ")")) {
                bind(select, chunk, 1);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        before.put(rs.getLong(1), words(rs.getString(2)));
                    }
                }
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO song_opening_words (song_id, words)"
                    + " VALUES (?, ?) ON CONFLICT (song_id) DO UPDATE SET words = excluded.words");
                    PreparedStatement drop = connection.prepareStatement(
                            "DELETE FROM song_opening_words WHERE song_id = ?")) {
                for (long song : chunk) {
                    Set<String> was = before.getOrDefault(song, Set.of());
                    Set<String> is = now.getOrDefault(song, Set.of());
                    if (was.equals(is) && before.containsKey(song) == now.containsKey(song)) {
                        continue;
                    }
                    for (String w : is) {
                        if (!was.contains(w)) {
                            delta.merge(w, 1, Integer::sum);
                        }
                    }
                    for (String w : was) {
                        if (!is.contains(w)) {
                            delta.merge(w, -1, Integer::sum);
                        }
                    }
                    if (now.containsKey(song)) {
                        upsert.setLong(1, song);
                        upsert.setString(2, String.join(" ", is));
                        upsert.addBatch();
                    } else {
                        drop.setLong(1, song);
                        drop.addBatch();
                    }
                }
                upsert.executeBatch();
                drop.executeBatch();
            }
        }
        moveCounts(connection, delta);
    }

    /**
     * The words of each song's openings as the catalogue reads them: per scope, the first essay (by id) whose
     * opening is not blank. Songs without a live essay are absent.
     */
    private static Map<Long, Set<String>> songWords(Connection connection, List<Long> songIds) throws SQLException {
        Map<Long, Map<String, String>> chosen = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT song_id, scope, blank, words"
                + " FROM essay_openings WHERE song_id IN (" + marks(songIds.size()) + ") ORDER BY song_id, essay_id")) {
            bind(select, songIds, 1);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> byScope = chosen.computeIfAbsent(rs.getLong(1), k -> new HashMap<>());
                    String scope = rs.getString(2);
                    boolean blank = rs.getInt(3) != 0;
                    // as SongCatalog.addLeads: a scope keeps its first opening that is not blank
                    if (!byScope.containsKey(scope) || byScope.get(scope) == null) {
                        byScope.put(scope, blank ? null : rs.getString(4));
                    }
                }
            }
        }
        Map<Long, Set<String>> out = new HashMap<>();
        chosen.forEach((song, byScope) -> {
            Set<String> words = new TreeSet<>();
            for (String w : byScope.values()) {
                if (w != null) {
                    words.addAll(words(w));
                }
            }
            out.put(song, words);
        });
        return out;
    }

    /** Adds {@code delta} to the counts, dropping words no song's opening holds any more. */
    private static void moveCounts(Connection connection, Map<String, Integer> delta) throws SQLException {
        if (delta.isEmpty()) {
            return;
        }
        try (PreparedStatement add = connection.prepareStatement("INSERT INTO opening_word_counts (word, songs)"
                + " VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET songs = opening_word_counts.songs + excluded.songs");
                PreparedStatement drop = connection.prepareStatement(
                        "DELETE FROM opening_word_counts WHERE word = ? AND songs <= 0")) {
            int n = 0;
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(delta).entrySet()) {
                if (e.getValue() == 0) {
                    continue;
                }
                add.setString(1, e.getKey());
                add.setInt(2, e.getValue());
                add.addBatch();
                if (e.getValue() < 0) {
                    drop.setString(1, e.getKey());
                    drop.addBatch();
                }
                if (++n % 1000 == 0) {
                    add.executeBatch();
                }
            }
            add.executeBatch();
            drop.executeBatch();
        }
    }

    /** Ids of live essays from {@code afterId} on whose row is missing or of another version, at most {@code limit}. */
    static List<Long> stale(Connection connection, long afterId, int limit) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT e.id FROM essays e LEFT JOIN essay_openings o"
                + " ON o.essay_id = e.id AND o.version = ? WHERE e.removed_at IS NULL AND o.essay_id IS NULL AND e.id > ?"
                + " ORDER BY e.id LIMIT ?")) {
            select.setInt(1, OpeningFacts.VERSION);
            select.setLong(2, afterId);
            select.setInt(3, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** Ids of rows whose essay is no longer live (left by a store copied in without them). */
    static List<Long> orphans(Connection connection) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT o.essay_id FROM essay_openings o"
                + " LEFT JOIN essays e ON e.id = o.essay_id AND e.removed_at IS NULL WHERE e.id IS NULL");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** The derivation version the store's rows were all brought to (0: never). */
    static int version(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            select.setString(1, VERSION_KEY);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? (int) rs.getLong(1) : 0;
            }
        }
    }

    static void setVersion(Connection connection, int version) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            set.setString(1, VERSION_KEY);
            set.setLong(2, version);
            set.executeUpdate();
        }
    }

    /** The words more than {@code limit} songs' openings hold, with their counts. */
    static Map<String, Integer> countsAbove(Connection connection, int limit) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT word, songs FROM opening_word_counts WHERE songs > ?")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    private static Set<String> words(String joined) {
        return joined.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(joined.split(" ")));
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement statement, List<Long> ids, int first) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(first + i, ids.get(i));
        }
    }
}
