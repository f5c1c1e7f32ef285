package io.linernotes.feedback;

import io.linernotes.core.Scope;
import io.linernotes.store.Database;
import io.linernotes.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What readers said about answers, in the store (tables {@code answers}, {@code votes}, {@code answer_messages},
 * {@code answer_follows}, {@code gaps}; SQLite or PostgreSQL): the answers given (so a button can name one by id),
 * 👍/👎 votes (one per user and answer; voting again replaces the vote) and questions that found no essay.
 * Moderators read the last two as "gaps". Each method is one statement or one transaction of the store.
 */
public final class FeedbackStore implements AutoCloseable {
    /** The file feedback lived in before it moved into the store; imported once by {@link LegacyFeedback}. */
    public static final String FILE_NAME = "feedback.sqlite";

    private final Database db;
    private final boolean ownsDatabase;
    private final Clock clock;

    private FeedbackStore(Database db, boolean ownsDatabase, Clock clock) {
        this.db = db;
        this.ownsDatabase = ownsDatabase;
        this.clock = clock;
    }

    /** Feedback in {@code db}, which the caller keeps open and closes. */
    public static FeedbackStore on(Database db) {
        return on(db, Clock.systemUTC());
    }

    /** Feedback in {@code db}; closing the feedback store closes {@code db}. */
    public static FeedbackStore owning(Database db) {
        return new FeedbackStore(db, true, Clock.systemUTC());
    }

    public static FeedbackStore on(Database db, Clock clock) {
        return new FeedbackStore(db, false, clock);
    }

    /**
     * Feedback in {@code db} (kept open and closed by the caller), with the rows of an old {@code feedback.sqlite}
     * in {@code dataDir} imported first if the store has none.
     */
    public static FeedbackStore open(Database db, Path dataDir) {
        LegacyFeedback.importOnce(dataDir, db);
        return new FeedbackStore(db, false, Clock.systemUTC());
    }

    /** Feedback in the default SQLite store of {@code dataDir} (opened here, closed with this). */
    public static FeedbackStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    public static FeedbackStore open(Path dataDir, Clock clock) {
        Database db;
        try {
            db = Database.sqlite(dataDir.resolve(Database.DEFAULT_FILE), clock);
        } catch (StoreException e) {
            throw new FeedbackException("cannot open feedback store in " + dataDir, e);
        }
        LegacyFeedback.importOnce(dataDir, db);
        return new FeedbackStore(db, true, clock);
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** One transaction; a failure becomes a {@link FeedbackException} saying what could not be done. */
    private <T> T write(String what, Work<T> work) {
        try {
            return db.write(what, tx -> work.run(tx.connection()));
        } catch (StoreException e) {
            throw new FeedbackException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private <T> T read(String what, Work<T> work) {
        try {
            return db.read(work::run);
        } catch (StoreException e) {
            throw new FeedbackException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Stores an answer as given and returns its id (for button custom ids). */
    public long recordAnswer(String userId, Scope scope, String question, String songHint, Long songId,
            String status, String text) {
        String sql = "INSERT INTO answers (user_id, scope, question, song_hint, song_id, status, text, created_at) "
                + "VALUES (?,?,?,?,?,?,?,?) RETURNING id";
        return write("store an answer", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, userId);
                ps.setString(2, scope.key());
                ps.setString(3, question);
                ps.setString(4, songHint);
                setLong(ps, 5, songId);
                ps.setString(6, status);
                ps.setString(7, text == null ? "" : text);
                ps.setString(8, clock.instant().toString());
                try (ResultSet keys = ps.executeQuery()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public Optional<StoredAnswer> answer(long id) {
        return read("read answer " + id, connection -> answer(connection, id));
    }

    private static Optional<StoredAnswer> answer(Connection connection, long id) throws SQLException {
        String sql = "SELECT id, user_id, scope, question, song_hint, song_id, status, text, created_at "
                + "FROM answers WHERE id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long songId = rs.getLong(6);
                Long song = rs.wasNull() ? null : songId;
                return Optional.of(new StoredAnswer(rs.getLong(1), rs.getString(2), Scope.fromKey(rs.getString(3)),
                        rs.getString(4), rs.getString(5), song, rs.getString(7), rs.getString(8),
                        Instant.parse(rs.getString(9))));
            }
        }
    }

    /** Remembers that answer {@code answerId} was delivered as the Discord messages {@code messageIds}. */
    public void recordMessages(long answerId, List<String> messageIds) {
        write("store an answer's messages", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO answer_messages (message_id, answer_id) VALUES (?, ?)"
                            + " ON CONFLICT (message_id) DO UPDATE SET answer_id = excluded.answer_id")) {
                for (String messageId : messageIds) {
                    ps.setString(1, messageId);
                    ps.setLong(2, answerId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Remembers that answer {@code answerId} continued the conversation of answer {@code earlierAnswerId}. */
    public void recordFollows(long answerId, long earlierAnswerId) {
        write("store a follow-up", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO answer_follows (answer_id, follows) VALUES (?, ?)"
                            + " ON CONFLICT (answer_id) DO UPDATE SET follows = excluded.follows")) {
                ps.setLong(1, answerId);
                ps.setLong(2, earlierAnswerId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The answer delivered as Discord message {@code messageId}, if it was one of ours. */
    public Optional<StoredAnswer> answerOfMessage(String messageId) {
        return read("read an answer's messages", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT answer_id FROM answer_messages WHERE message_id = ?")) {
                ps.setString(1, messageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? answer(connection, rs.getLong(1)) : Optional.<StoredAnswer>empty();
                }
            }
        });
    }

    /**
     * The conversation that ends with answer {@code answerId}: it and the answers it continued, oldest first,
     * at most {@code max} of them (the most recent).
     */
    public List<StoredAnswer> conversation(long answerId, int max) {
        List<StoredAnswer> newestFirst = read("read a conversation", connection -> {
            List<StoredAnswer> out = new ArrayList<>();
            Long current = answerId;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT follows FROM answer_follows WHERE answer_id = ?")) {
                while (current != null && out.size() < max) {
                    Optional<StoredAnswer> a = answer(connection, current);
                    if (a.isEmpty()) {
                        break;
                    }
                    out.add(a.get());
                    ps.setLong(1, current);
                    try (ResultSet rs = ps.executeQuery()) {
                        Long next = rs.next() ? rs.getLong(1) : null;
                        // A loop in the links (never written by the bot) must not spin forever.
                        current = next != null && out.stream().noneMatch(x -> x.id() == next) ? next : null;
                    }
                }
            }
            return out;
        });
        List<StoredAnswer> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Records {@code userId}'s vote on answer {@code answerId}; false when no such answer was stored. */
    public boolean vote(long answerId, String userId, Vote vote) {
        String sql = "INSERT INTO votes (answer_id, user_id, vote, voted_at) SELECT id, ?, ?, ? FROM answers "
                + "WHERE id = ? ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, "
                + "voted_at = excluded.voted_at";
        return write("store a vote", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, userId);
                ps.setInt(2, vote.value());
                ps.setString(3, clock.instant().toString());
                ps.setLong(4, answerId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The net vote (👍 minus 👎) of an answer. */
    public int score(long answerId) {
        return read("read votes", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT COALESCE(SUM(vote), 0) FROM votes WHERE answer_id = ?")) {
                ps.setLong(1, answerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Records a question no essay answered. */
    public void recordGap(Scope scope, String question, String songHint) {
        write("store a gap", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO gaps (scope, question, song_hint, created_at) VALUES (?,?,?,?)")) {
                ps.setString(1, scope.key());
                ps.setString(2, question);
                ps.setString(3, songHint);
                ps.setString(4, clock.instant().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Gaps of {@code scope} alone: its unanswered questions grouped by question, and its answers with more 👎
     * than 👍; most recent first, at most {@code limit}. Never another scope's: a server's moderators must not
     * read what members of other servers, or users in direct messages, asked.
     */
    public List<Gap> gaps(Scope scope, int limit) {
        // One row per question (case aside): its newest asking. Written without SQLite's bare columns beside an
        // aggregate, which PostgreSQL refuses.
        String unanswered = "SELECT g.question, g.song_hint, g.created_at FROM gaps g WHERE g.scope = ? AND NOT EXISTS"
                + " (SELECT 1 FROM gaps h WHERE h.scope = g.scope AND lower(h.question) = lower(g.question)"
                + " AND lower(COALESCE(h.song_hint, '')) = lower(COALESCE(g.song_hint, '')) AND h.id > g.id)"
                + " ORDER BY g.created_at DESC, g.id DESC LIMIT ?";
        String disliked = "SELECT a.question, a.song_hint, a.song_id, -SUM(v.vote), MAX(v.voted_at) FROM answers a "
                + "JOIN votes v ON v.answer_id = a.id WHERE a.scope = ? GROUP BY a.id, a.question, a.song_hint, a.song_id "
                + "HAVING SUM(v.vote) < 0 ORDER BY MAX(v.voted_at) DESC LIMIT ?";
        List<Gap> out = read("read gaps", connection -> {
            List<Gap> found = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(unanswered);
                    PreparedStatement pd = connection.prepareStatement(disliked)) {
                ps.setString(1, scope.key());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Gap(Gap.Kind.UNANSWERED, rs.getString(1), rs.getString(2), null, 0,
                                Instant.parse(rs.getString(3))));
                    }
                }
                pd.setString(1, scope.key());
                pd.setInt(2, limit);
                try (ResultSet rs = pd.executeQuery()) {
                    while (rs.next()) {
                        long songId = rs.getLong(3);
                        Long song = rs.wasNull() ? null : songId;
                        found.add(new Gap(Gap.Kind.DISLIKED, rs.getString(1), rs.getString(2), song, rs.getInt(4),
                                Instant.parse(rs.getString(5))));
                    }
                }
            }
            return found;
        });
        out.sort(Comparator.comparing(Gap::lastSeen).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    @Override
    public void close() {
        if (ownsDatabase) {
            db.close();
        }
    }
}
