package io.linernotes.eval;

import java.util.List;

/**
 * One line of a question file (see {@code shared/eval/README.md}). {@code expectedSongId} is a corpus id, null
 * for {@code absent} questions; {@code evidence} may be null; {@code answerKeywords} may be empty.
 */
public record EvalQuestion(String id, String kind, String query, String expectedSongId, String evidence,
        List<String> answerKeywords, boolean misattributed) {

    public EvalQuestion {
        answerKeywords = answerKeywords == null ? List.of() : List.copyOf(answerKeywords);
    }

    /** Whether the question is about a song of the corpus (false for {@code absent}). */
    public boolean expectsSong() {
        return expectedSongId != null;
    }
}
