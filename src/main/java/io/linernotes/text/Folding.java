package io.linernotes.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text rules every layer shares: the invisible and control characters a user's text is cleaned of, and the
 * accent- and case-free form names and words are compared in. Song matching adds its own word rules on top
 * ({@link TextNormalizer}, word lists in {@link StopWords}); everything starts from these.
 */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Folding() {
    }

    /**
     * {@code text} in NFC without format characters (zero-width spaces and joiners, bidi overrides and isolates,
     * the BOM, soft hyphens: invisible, and a way to make two names look alike or hide a word from a filter), and
     * with control characters other than white space turned into spaces. Null stays null.
     */
    public static String withoutInvisible(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL && !Character.isWhitespace(cp)) {
                sb.append(' '); // a control character between words ("what\0does") still parts them
            } else if (type != Character.FORMAT) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** Lower case without accents (decomposed, combining marks dropped), curly apostrophes straight. */
    public static String accentsAndCase(String text) {
        if (text == null) {
            return "";
        }
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return s.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
    }
}
