package io.linernotes.feedback;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.core.Scope;
import io.linernotes.files.PrivateFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * What the bot keeps about its exchanges, in {@code <dataDir>/feedback.sqlite}: the answers given with their
 * request and sources (so a button, the Sources view or the song picker finds one by id after a restart or on
 * another process), 👍/👎 votes (one per user and answer; voting again replaces the vote) and questions that
 * found no essay. Moderators read the last two as "gaps". The same file holds the direct-message turns
 * ({@link #turns()}) and the shared rate limits and token budgets ({@link #limits()}): everything processes
 * sharing a data directory must agree on. One connection, serialised: the traffic is a few writes per answer;
 * several processes on one file wait for each other's write lock instead of failing.
 */
public final class FeedbackStore implements AutoCloseable {
    public static final String FILE_NAME = "feedback.sqlite";

    /** How long a write waits for another process's write lock on the file before it fails. */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Connection connection;
    private final Clock clock;
    private final DirectTurns turns;
    private final SharedLimits limits;

    private FeedbackStore(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
        this.turns = new DirectTurns(this);
        this.limits = new SharedLimits(this);
    }

    /** Work on the store's connection, under its lock. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} under the store's lock, each statement its own transaction. */
    synchronized <T> T locked(Work<T> work) throws SQLException {
        return work.run(connection);
    }

    /**
     * Runs {@code work} in one transaction under the store's lock: committed when it returns, rolled back when it
     * throws. The transaction takes the file's write lock at its start, so another process waits for it.
     */
    synchronized <T> T transaction(Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The direct-message conversations, turn by turn. */
    public DirectTurns turns() {
        return turns;
    }

    /** The rate-limit buckets and daily token budgets every process shares. */
    public SharedLimits limits() {
        return limits;
    }

    public static FeedbackStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    public static FeedbackStore open(Path dataDir, Clock clock) {
        try {
            PrivateFiles.directory(dataDir);
            PrivateFiles.file(dataDir.resolve(FILE_NAME));
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            // A transaction takes the write lock when it begins: two processes taking from one bucket queue up
            // instead of both reading it and one failing half-way.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(FILE_NAME),
                    config.toProperties());
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS answers (
                          id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL, scope TEXT NOT NULL,
                          question TEXT NOT NULL, song_hint TEXT, song_id INTEGER, status TEXT NOT NULL,
                          text TEXT NOT NULL, created_at TEXT NOT NULL)""");
                // The request and the whole answer (sources, candidates) as JSON, for the buttons; older files
                // lack the column, and their answers' buttons say "ask again".
                if (!hasColumn(c, "answers", "detail")) {
                    s.execute("ALTER TABLE answers ADD COLUMN detail TEXT");
                }
                DirectTurns.create(s);
                SharedLimits.create(s);
                s.execute("""
                        CREATE TABLE IF NOT EXISTS votes (
                          answer_id INTEGER NOT NULL REFERENCES answers(id), user_id TEXT NOT NULL,
                          vote INTEGER NOT NULL, voted_at TEXT NOT NULL, PRIMARY KEY (answer_id, user_id))""");
                // The Discord messages an answer was delivered in, and the answer a reply continued: a member's
                // reply to any of those messages finds its conversation here, after a restart or on another process.
                s.execute("""
                        CREATE TABLE IF NOT EXISTS answer_messages (
                          message_id TEXT PRIMARY KEY, answer_id INTEGER NOT NULL REFERENCES answers(id))""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS answer_follows (
                          answer_id INTEGER PRIMARY KEY REFERENCES answers(id),
                          follows INTEGER NOT NULL REFERENCES answers(id))""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS gaps (
                          id INTEGER PRIMARY KEY AUTOINCREMENT, scope TEXT NOT NULL, question TEXT NOT NULL,
                          song_hint TEXT, created_at TEXT NOT NULL)""");
            }
            return new FeedbackStore(c, clock);
        } catch (java.io.IOException | SQLException e) {
            throw new FeedbackException("cannot open feedback store in " + dataDir, e);
        }
    }

    /** Stores an answer as given and returns its id (for button custom ids). */
    public synchronized long recordAnswer(String userId, Scope scope, String question, String songHint, Long songId,
            String status, String text) {
        return insertAnswer(userId, scope, question, songHint, songId, status, text, null);
    }

    /**
     * Stores {@code answer} to {@code request} as given to {@code userId}, with everything its buttons need (its
     * sources, its candidate songs, the request to ask again), and returns its id.
     */
    public synchronized long recordAnswer(String userId, AnswerRequest request, Answer answer) {
        return insertAnswer(userId, request.scope(), request.question(), request.songHint(),
                answer.song() == null ? null : answer.song().id(), answer.status().name(), answer.text(),
                AnswerJson.write(request, answer));
    }

    /** The request and answer stored under {@code id}, when it was stored with them. */
    public synchronized Optional<GivenAnswer> given(long id) {
        Optional<StoredAnswer> stored = answer(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT detail FROM answers WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                String detail = rs.next() ? rs.getString(1) : null;
                return detail == null ? Optional.empty() : Optional.of(AnswerJson.read(stored.get(), detail));
            }
        } catch (SQLException e) {
            throw new FeedbackException("cannot read answer " + id, e);
        }
    }

    private long insertAnswer(String userId, Scope scope, String question, String songHint, Long songId,
            String status, String text, String detail) {
        String sql = "INSERT INTO answers (user_id, scope, question, song_hint, song_id, status, text, created_at,"
                + " detail) VALUES (?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, userId);
            ps.setString(2, scope.key());
            ps.setString(3, question);
            ps.setString(4, songHint);
            setLong(ps, 5, songId);
            ps.setString(6, status);
            ps.setString(7, text == null ? "" : text);
            ps.setString(8, clock.instant().toString());
            ps.setString(9, detail);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new FeedbackException("cannot store an answer", e);
        }
    }

    public synchronized Optional<StoredAnswer> answer(long id) {
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
        } catch (SQLException e) {
            throw new FeedbackException("cannot read answer " + id, e);
        }
    }

    /** Remembers that answer {@code answerId} was delivered as the Discord messages {@code messageIds}. */
    public synchronized void recordMessages(long answerId, List<String> messageIds) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO answer_messages (message_id, answer_id) VALUES (?, ?)")) {
            for (String messageId : messageIds) {
                ps.setString(1, messageId);
                ps.setLong(2, answerId);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new FeedbackException("cannot store an answer's messages", e);
        }
    }

    /** Remembers that answer {@code answerId} continued the conversation of answer {@code earlierAnswerId}. */
    public synchronized void recordFollows(long answerId, long earlierAnswerId) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO answer_follows (answer_id, follows) VALUES (?, ?)")) {
            ps.setLong(1, answerId);
            ps.setLong(2, earlierAnswerId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new FeedbackException("cannot store a follow-up", e);
        }
    }

    /** The answer delivered as Discord message {@code messageId}, if it was one of ours. */
    public synchronized Optional<StoredAnswer> answerOfMessage(String messageId) {
        long answerId;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT answer_id FROM answer_messages WHERE message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                answerId = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new FeedbackException("cannot read an answer's messages", e);
        }
        return answer(answerId);
    }

    /**
     * The conversation that ends with answer {@code answerId}: it and the answers it continued, oldest first,
     * at most {@code max} of them (the most recent).
     */
    public synchronized List<StoredAnswer> conversation(long answerId, int max) {
        List<StoredAnswer> newestFirst = new ArrayList<>();
        Long current = answerId;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT follows FROM answer_follows WHERE answer_id = ?")) {
            while (current != null && newestFirst.size() < max) {
                Optional<StoredAnswer> a = answer(current);
                if (a.isEmpty()) {
                    break;
                }
                newestFirst.add(a.get());
                ps.setLong(1, current);
                try (ResultSet rs = ps.executeQuery()) {
                    Long next = rs.next() ? rs.getLong(1) : null;
                    // A loop in the links (never written by the bot) must not spin forever.
                    current = next != null && newestFirst.stream().noneMatch(x -> x.id() == next) ? next : null;
                }
            }
        } catch (SQLException e) {
            throw new FeedbackException("cannot read a conversation", e);
        }
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Records {@code userId}'s vote on answer {@code answerId}; false when no such answer was stored. */
    public synchronized boolean vote(long answerId, String userId, Vote vote) {
        String sql = "INSERT INTO votes (answer_id, user_id, vote, voted_at) SELECT id, ?, ?, ? FROM answers "
                + "WHERE id = ? ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, "
                + "voted_at = excluded.voted_at";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, userId);
            ps.setInt(2, vote.value());
            ps.setString(3, clock.instant().toString());
            ps.setLong(4, answerId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new FeedbackException("cannot store a vote", e);
        }
    }

    /** The net vote (👍 minus 👎) of an answer. */
    public synchronized int score(long answerId) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COALESCE(SUM(vote), 0) FROM votes WHERE answer_id = ?")) {
            ps.setLong(1, answerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new FeedbackException("cannot read votes", e);
        }
    }

    /** Records a question no essay answered. */
    public synchronized void recordGap(Scope scope, String question, String songHint) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO gaps (scope, question, song_hint, created_at) VALUES (?,?,?,?)")) {
            ps.setString(1, scope.key());
            ps.setString(2, question);
            ps.setString(3, songHint);
            ps.setString(4, clock.instant().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new FeedbackException("cannot store a gap", e);
        }
    }

    /**
     * Gaps of {@code scope} alone: its unanswered questions grouped by question, and its answers with more 👎
     * than 👍; most recent first, at most {@code limit}. Never another scope's: a server's moderators must not
     * read what members of other servers, or users in direct messages, asked.
     */
    public synchronized List<Gap> gaps(Scope scope, int limit) {
        List<Gap> out = new ArrayList<>();
        String unanswered = "SELECT question, song_hint, MAX(created_at) FROM gaps WHERE scope = ? "
                + "GROUP BY lower(question), lower(COALESCE(song_hint, '')) ORDER BY MAX(created_at) DESC LIMIT ?";
        String disliked = "SELECT a.question, a.song_hint, a.song_id, -SUM(v.vote), MAX(v.voted_at) FROM answers a "
                + "JOIN votes v ON v.answer_id = a.id WHERE a.scope = ? GROUP BY a.id "
                + "HAVING SUM(v.vote) < 0 ORDER BY MAX(v.voted_at) DESC LIMIT ?";
        try (PreparedStatement ps = connection.prepareStatement(unanswered);
                PreparedStatement pd = connection.prepareStatement(disliked)) {
            ps.setString(1, scope.key());
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Gap(Gap.Kind.UNANSWERED, rs.getString(1), rs.getString(2), null, 0,
                            Instant.parse(rs.getString(3))));
                }
            }
            pd.setString(1, scope.key());
            pd.setInt(2, limit);
            try (ResultSet rs = pd.executeQuery()) {
                while (rs.next()) {
                    long songId = rs.getLong(3);
                    Long song = rs.wasNull() ? null : songId;
                    out.add(new Gap(Gap.Kind.DISLIKED, rs.getString(1), rs.getString(2), song, rs.getInt(4),
                            Instant.parse(rs.getString(5))));
                }
            }
        } catch (SQLException e) {
            throw new FeedbackException("cannot read gaps", e);
        }
        out.sort(Comparator.comparing(Gap::lastSeen).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, column)) {
            return rs.next();
        }
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new FeedbackException("cannot close feedback store", e);
        }
    }
}
