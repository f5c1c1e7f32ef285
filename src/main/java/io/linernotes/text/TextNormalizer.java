package io.linernotes.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds song names, artists and questions into one comparable form: lower case, no accents, straight
 * quotes, {@code &} as "and", punctuation as space. Everything the catalogue indexes and everything a
 * user types goes through {@link #fold(String)}, so both sides always agree.
 */
public final class TextNormalizer {

    /** Single letters joined by dots ("P.J.K.", "D.M.X.") are one word typed without the dots too. */
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?:\\.\\p{L}(?![\\p{L}\\p{N}]))+\\.?");
    private static final Pattern WITHOUT = Pattern.compile("(?<![\\p{L}\\p{N}])w/o(?![\\p{L}\\p{N}])");
    private static final Pattern WITH = Pattern.compile("(?<![\\p{L}\\p{N}])w/(?=\\s|\\p{L})");


    private TextNormalizer() {
    }

    /**
     * The folded form of {@code text}: lower case ASCII-ish words separated by single spaces.
     *
     * <p>Every essay opening is folded when the catalogue is built, so this runs a hundred thousand times at start
     * on a large store: the rules are written as plain loops over the characters, and the rarer ones (accents,
     * "w/", dotted acronyms) run only when the text holds what they look for. The result is the same as applying
     * the rules one after the other as regular expressions (checked against that form by the tests).
     */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = unifyPunctuation(text);
        if (!ascii(s)) { // accents, marks and ligatures exist only outside ASCII
            s = Folding.withoutMarks(Normalizer.normalize(s, Normalizer.Form.NFD));
            s = replaceLigatures(s);
        }
        s = s.toLowerCase(Locale.ROOT);
        s = s.replace("&", " and ").replace("+", " and ");
        if (s.contains("w/")) {
            s = WITHOUT.matcher(s).replaceAll(" without ");
            s = WITH.matcher(s).replaceAll(" with ");
        }
        s = withoutApostrophes(s);
        s = withoutDigitGroupMarks(s);
        if (mayHoldDottedAcronym(s)) {
            s = joinAcronyms(s);
        }
        return words(s);
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code cp} is a letter or a number (the regular expression {@code [\p{L}\p{N}]}). */
    private static boolean letterOrNumber(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** A possessive 's dropped (not followed by a letter or number: "Cohen's"), then every other apostrophe. */
    private static String withoutApostrophes(String s) {
        if (s.indexOf('\'') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                boolean possessive = i + 1 < s.length() && s.charAt(i + 1) == 's'
                        && (i + 2 == s.length() || !letterOrNumber(s.codePointAt(i + 2)));
                i += possessive ? 1 : 0;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** "24.000" and "24,000" as 24000: a dot or comma between a digit and exactly three digits is dropped. */
    private static String withoutDigitGroupMarks(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean mark = (c == '.' || c == ',') && i > 0 && digit(s.charAt(i - 1)) && i + 3 < s.length()
                    && digit(s.charAt(i + 1)) && digit(s.charAt(i + 2)) && digit(s.charAt(i + 3))
                    && (i + 4 == s.length() || !digit(s.charAt(i + 4)));
            if (mark && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!mark && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether a dot stands between two letters somewhere, as in every dotted acronym. */
    private static boolean mayHoldDottedAcronym(String s) {
        for (int i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) {
            if (i > 0 && i + 1 < s.length() && Character.isLetter(s.codePointBefore(i))
                    && Character.isLetter(s.codePointAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The runs of letters and numbers of {@code s}, joined by single spaces. */
    private static String words(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (letterOrNumber(cp)) {
                if (gap && sb.length() > 0) {
                    sb.append(' ');
                }
                gap = false;
                sb.appendCodePoint(cp);
            } else {
                gap = true;
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** The words of {@code text} after {@link #fold(String)}. */
    public static List<String> tokens(String text) {
        String folded = fold(text);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** Whether {@code token} (folded) is a function word that says little about which song is meant. */
    public static boolean isFunctionWord(String token) {
        return StopWords.FUNCTION.contains(token);
    }

    /**
     * A rough sound-alike key for one folded token: doubled letters collapse and a few spellings of one
     * sound meet ("dee"/"di", "azaadi"/"azadi", "ph"/"f"), so transliterated titles still meet.
     */
    public static String phonetic(String token) {
        String s = token.replace("ph", "f").replace("ck", "k").replace("ee", "i").replace("oo", "u")
                .replace("y", "i").replace("z", "s");
        StringBuilder sb = new StringBuilder(s.length());
        char prev = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != prev) {
                sb.append(c);
            }
            prev = c;
        }
        return sb.toString();
    }

    /** Curly quotes, primes and dashes in their plain forms (quote detection relies on this too). */
    public static String unifyPunctuation(String text) {
        int first = 0;
        while (first < text.length() && plainPunctuation(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // most text has nothing to replace
        }
        StringBuilder sb = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4' -> sb.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> sb.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> sb.append('-');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether {@link #unifyPunctuation} leaves {@code c} as it is (every character it replaces is '`' or past U+00AA). */
    private static boolean plainPunctuation(char c) {
        return c < '`' || c > '`' && c < '\u00AB';
    }

    private static String replaceLigatures(String s) {
        return s.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe").replace("Œ", "OE")
                .replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ł", "l")
                .replace("Ł", "L").replace("þ", "th").replace("ı", "i");
    }

    private static String joinAcronyms(String s) {
        Matcher m = DOTTED_ACRONYM.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        m.reset();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group().replace(".", "")));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Splits already folded text. */
    public static List<String> split(String folded) {
        return folded.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(folded.split(" ")));
    }
}
