package io.linernotes.essay;

import java.time.Instant;

/** One saved state of an essay: what it said at {@code revision}, and what produced it. */
public record EssayRevision(long essayId, int revision, EssayDraft content, Instant savedAt, String action) {
}
