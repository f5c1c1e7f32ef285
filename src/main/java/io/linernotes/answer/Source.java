package io.linernotes.answer;

import io.linernotes.essay.Scope;

/** A numbered source of an answer: [number] is how the answer text cites it. */
public record Source(int number, long essayId, String songLabel, String credit, String origin, Scope scope,
        String passage) {
}
