package io.linernotes.feedback;

import java.time.Instant;

/**
 * Something the essays do not cover well: a question that found no essay ({@link Kind#UNANSWERED}) or an
 * answer readers marked 👎 more often than 👍 ({@link Kind#DISLIKED}, with {@code downVotes}).
 */
public record Gap(Kind kind, String question, String songHint, Long songId, int downVotes, Instant lastSeen) {
    public enum Kind {
        UNANSWERED,
        DISLIKED
    }
}
