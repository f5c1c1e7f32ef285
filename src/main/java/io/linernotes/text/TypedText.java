package io.linernotes.text;

import java.util.regex.Pattern;

/**
 * What a person typed (a question, a song name, the start of one in autocomplete), made fit to read as words:
 * the one cleaner every door and the answer service use, so that a question asked in Discord and the same
 * question typed in the console reach the resolver as the same text.
 */
public final class TypedText {

    /** Longest question taken; Discord allows 6,000 characters in a slash option, far beyond a question. */
    public static final int QUESTION_MAX_CHARS = 1_000;

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TypedText() {
    }

    /**
     * {@code raw} without invisible and control characters ({@link Folding#withoutInvisible}) and without
     * mentions ({@link Mentions#remove}), every run of white space one space, trimmed; null becomes "". The
     * invisible characters go first, so that a zero-width space inside {@code @everyone} cannot keep it a word.
     */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        return SPACES.matcher(Mentions.remove(Folding.withoutInvisible(raw))).replaceAll(" ").trim();
    }
}
