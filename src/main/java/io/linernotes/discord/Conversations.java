package io.linernotes.discord;

import io.linernotes.answer.AnswerRequest.Turn;
import io.linernotes.feedback.DirectTurns;
import io.linernotes.feedback.FeedbackException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recent turns of each user's direct-message conversation, so "and the second verse?" can follow a question.
 * They live in the store, so a restart loses no conversation and whichever process receives the next message
 * continues it; each user keeps only the last few turns. A store that cannot be reached costs the follow-up
 * its context, never the answer.
 */
public final class Conversations {
    private static final Logger log = LoggerFactory.getLogger(Conversations.class);

    private final DirectTurns turns;
    private final int turnsPerUser;
    private final Clock clock;

    public Conversations(DirectTurns turns, int turnsPerUser, Clock clock) {
        this.turns = turns;
        this.turnsPerUser = turnsPerUser;
        this.clock = clock;
    }

    /** The user's earlier turns, oldest first (none when the store cannot be read). */
    public List<Turn> history(String userId) {
        try {
            return turns.history(userId, turnsPerUser);
        } catch (FeedbackException e) {
            log.error("could not read a direct-message conversation; answering without it", e);
            return List.of();
        }
    }

    public void remember(String userId, Turn turn) {
        try {
            turns.remember(userId, turn, turnsPerUser, clock.instant());
        } catch (FeedbackException e) {
            log.error("could not store a direct-message turn; the next question starts afresh", e);
        }
    }
}
