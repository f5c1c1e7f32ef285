package io.linernotes.feedback;

import io.linernotes.core.Scope;
import java.time.Instant;

/** An answer as given, kept so a vote can name what it was about. {@code songId} is null when no song was resolved. */
public record StoredAnswer(long id, String userId, Scope scope, String question, String songHint, Long songId,
        String status, String text, Instant createdAt) {
}
