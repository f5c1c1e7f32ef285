package io.linernotes.answer;

import io.linernotes.essay.Scope;

/**
 * A numbered source of an answer: [number] is how the answer text cites it. {@code score} is the ranking's
 * score of the passage (higher is better; 0 when nothing ranked it), for evaluation and diagnostics.
 */
public record Source(int number, long essayId, String songLabel, String credit, String origin, Scope scope,
        String passage, double score) {

    public Source(int number, long essayId, String songLabel, String credit, String origin, Scope scope,
            String passage) {
        this(number, essayId, songLabel, credit, origin, scope, passage, 0);
    }
}
