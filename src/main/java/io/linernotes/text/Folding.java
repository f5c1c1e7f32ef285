package io.linernotes.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text rules every layer shares: the invisible and control characters a user's (or a model's) text is cleaned
 * of, the combining marks accents are made of, and the accent- and case-free forms names and words are compared
 * in. Song matching adds its own word rules on top ({@link TextNormalizer}, word lists in {@link StopWords});
 * everything starts from these.
 */
public final class Folding {

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Folding() {
    }

    /**
     * {@code text} in NFC without format characters (zero-width spaces and joiners, bidi overrides and isolates,
     * the BOM, soft hyphens) and without the characters that draw nothing though Unicode files them as letters or
     * marks (the combining grapheme joiner, the Hangul fillers): invisible, and a way to make two names look alike
     * or to hide a word ({@code @\u200Beveryone}, {@code ht\u200Btps://}) from a filter. Control characters other
     * than white space become spaces. Null stays null.
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
            } else if (!isInvisible(cp)) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /**
     * Whether {@code text} shows a reader nothing: only white space (ASCII, and Unicode space, line and paragraph
     * separators), invisible characters and control characters, by the rule of {@link #withoutInvisible}. Null
     * and "" are blank.
     */
    public static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !isInvisible(cp)
                    && Character.getType(cp) != Character.CONTROL) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** A format character (zero-width, bidi, BOM, soft hyphen) or one that draws nothing though filed otherwise. */
    private static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT || drawsNothing(cp);
    }

    /** Invisible characters that are not format characters: the combining grapheme joiner and the Hangul fillers. */
    private static boolean drawsNothing(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
    }

    /** {@code s} without combining marks (the regular expression {@code \p{M}}), as a loop: it runs over every essay opening. */
    public static String withoutMarks(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** {@code text} with its accents taken off (decomposed, combining marks dropped), case and all else kept. */
    public static String withoutAccents(String text) {
        return text == null ? "" : withoutMarks(Normalizer.normalize(text, Normalizer.Form.NFD));
    }

    /** Lower case without accents (decomposed, combining marks dropped), curly apostrophes straight. */
    public static String accentsAndCase(String text) {
        if (text == null) {
            return "";
        }
        return withoutAccents(text).toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
    }

    /**
     * The plain comparison key of a name or a text: compatibility-decomposed (ligatures and full-width letters
     * to their plain forms), accents and apostrophes dropped, lower case, every other run of non-letters and
     * non-digits one space, trimmed ("Beyoncé" = "beyonce", "Don’t Stop!" = "dont stop"). It has none of the
     * song matcher's word rules ({@link TextNormalizer#fold}: "&" as "and", possessives, dotted acronyms), so it
     * is the key two spellings of one name share wherever a key must not change with those rules: a song's
     * unique key in the store, the answer cache's question key, the evaluation's matching. Null is "".
     */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String plain = withoutMarks(Normalizer.normalize(text, Normalizer.Form.NFKD)).replace("'", "").replace("’", "");
        return NOT_LETTER_OR_DIGIT.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
