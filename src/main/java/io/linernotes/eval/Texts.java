package io.linernotes.eval;

import io.linernotes.text.Folding;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text folding used by the metrics; kept in one place so every figure compares text the same way. */
public final class Texts {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Texts() {
    }

    /**
     * White space runs to one space, curly quotes to straight ones, trimmed; case is kept. Evidence is matched
     * on this form, so a passage must hold the phrase with the same capitalisation.
     */
    public static String foldSpace(String text) {
        if (text == null) {
            return "";
        }
        String quotes = text.replace('\u2018', '\'').replace('\u2019', '\'')
                .replace('\u201C', '"').replace('\u201D', '"');
        return SPACES.matcher(quotes).replaceAll(" ").strip();
    }

    /** {@link #foldSpace} and lower case: how keywords and artist names are looked for. */
    public static String foldCase(String text) {
        return foldSpace(text).toLowerCase(Locale.ROOT);
    }

    /** Letters and digits only, accents removed, lower case, words separated by one space: for matching names. */
    public static String key(String text) {
        return Folding.key(text);
    }

    /** Whether {@code phrase} occurs in {@code text} as whole words (both given as {@link #key} forms). */
    public static boolean containsWords(String textKey, String phraseKey) {
        if (phraseKey.isEmpty()) {
            return false;
        }
        return (" " + textKey + " ").contains(" " + phraseKey + " ");
    }
}
