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

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Single letters joined by dots ("O.G.", "R.E.M.") are one word typed without the dots too. */
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?:\\.\\p{L}(?![\\p{L}\\p{N}]))+\\.?");
    /** "24.000" and "24,000" are the number 24000; "11:11" stays two numbers. */
    private static final Pattern DIGIT_GROUP = Pattern.compile("(?<=\\d)[.,](?=\\d{3}(?!\\d))");
    private static final Pattern WITHOUT = Pattern.compile("(?<![\\p{L}\\p{N}])w/o(?![\\p{L}\\p{N}])");
    private static final Pattern WITH = Pattern.compile("(?<![\\p{L}\\p{N}])w/(?=\\s|\\p{L})");
    /** A possessive 's is dropped so "Cohen's" and "Cohen" are one artist. */
    private static final Pattern POSSESSIVE = Pattern.compile("'s(?![\\p{L}\\p{N}])");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");


    private TextNormalizer() {
    }

    /** The folded form of {@code text}: lower case ASCII-ish words separated by single spaces. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = unifyPunctuation(text);
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = replaceLigatures(s).toLowerCase(Locale.ROOT);
        s = s.replace("&", " and ").replace("+", " and ");
        s = WITHOUT.matcher(s).replaceAll(" without ");
        s = WITH.matcher(s).replaceAll(" with ");
        s = POSSESSIVE.matcher(s).replaceAll("");
        s = s.replace("'", "");
        s = DIGIT_GROUP.matcher(s).replaceAll("");
        s = joinAcronyms(s);
        s = NOT_WORD.matcher(s).replaceAll(" ");
        return s.strip();
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
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
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
