package io.linernotes.feedback;

import io.linernotes.answer.AnswerRequest.Turn;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The turns of each user's direct-message conversation, so "and the second verse?" can follow a question after
 * a restart, and whichever process receives the next message. Each user keeps only the last few turns: older
 * ones are deleted as new ones come, so what is kept stays small and private.
 */
public final class DirectTurns {
    private final FeedbackStore store;

    DirectTurns(FeedbackStore store) {
        this.store = store;
    }

    /** The user's last {@code max} turns, oldest first. */
    public List<Turn> history(String userId, int max) {
        return store.read("read a conversation", c -> {
                List<Turn> newestFirst = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT question, song_id FROM dm_turns WHERE user_id = ? ORDER BY id DESC LIMIT ?")) {
                    ps.setString(1, userId);
                    ps.setInt(2, max);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String question = rs.getString(1);
                            long song = rs.getLong(2);
                            newestFirst.add(new Turn(question, rs.wasNull() ? null : song));
                        }
                    }
                }
                Collections.reverse(newestFirst);
                return newestFirst;
            });
    }

    /** Adds {@code turn} to the user's conversation and forgets all but the last {@code keep} turns. */
    public void remember(String userId, Turn turn, int keep, java.time.Instant at) {
        store.write("store a conversation turn", c -> {
                try (PreparedStatement add = c.prepareStatement(
                        "INSERT INTO dm_turns (user_id, question, song_id, created_at) VALUES (?, ?, ?, ?)");
                        PreparedStatement trim = c.prepareStatement("DELETE FROM dm_turns WHERE user_id = ? AND id NOT IN"
                                + " (SELECT id FROM dm_turns WHERE user_id = ? ORDER BY id DESC LIMIT ?)")) {
                    add.setString(1, userId);
                    add.setString(2, turn.question());
                    FeedbackStore.setLong(add, 3, turn.songId());
                    add.setString(4, at.toString());
                    add.executeUpdate();
                    trim.setString(1, userId);
                    trim.setString(2, userId);
                    trim.setInt(3, keep);
                    trim.executeUpdate();
                }
                return null;
            });
    }
}
