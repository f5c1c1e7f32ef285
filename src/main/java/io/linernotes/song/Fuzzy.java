package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Similarity of folded tokens and short strings: optimal-string-alignment (Damerau) distance with a
 * tolerance that grows with length, so short words must be typed exactly and long ones may carry typos.
 */
final class Fuzzy {

    /** Spellings people type for the same word (chat spelling, digits for words). */
    private static final Map<String, String> CANON = Map.ofEntries(
            Map.entry("r", "are"), Map.entry("u", "you"), Map.entry("ya", "you"), Map.entry("n", "and"),
            Map.entry("2", "to"), Map.entry("too", "to"), Map.entry("4", "for"), Map.entry("ur", "your"),
            Map.entry("youre", "your"), Map.entry("luv", "love"), Map.entry("tha", "the"), Map.entry("da", "the"),
            Map.entry("cuz", "because"), Map.entry("coz", "because"), Map.entry("nite", "night"),
            Map.entry("tonite", "tonight"), Map.entry("thru", "through"), Map.entry("ok", "okay"),
            Map.entry("mr", "mister"), Map.entry("mrs", "missus"), Map.entry("st", "saint"),
            Map.entry("pt", "part"), Map.entry("vs", "versus"), Map.entry("feat", "featuring"),
            Map.entry("ft", "featuring"), Map.entry("w", "with"));

    /** Digits typed for number words ("we are number 1"); "2" and "4" also stand for "to" and "for". */
    private static final Map<String, String> NUMBER_WORDS = Map.of(
            "1", "one", "2", "two", "3", "three", "4", "four", "5", "five", "6", "six", "7", "seven",
            "8", "eight", "9", "nine", "10", "ten");

    /** The digits of {@link #NUMBER_WORDS} by their number word ("one" to "1"). */
    private static final Map<String, String> NUMBER_DIGITS = NUMBER_WORDS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    /**
     * Sound-alike keys of canonical words, computed once per word: every candidate song's title words are compared
     * with every typed word, so the same few thousand words are keyed over and over. Bounded: past
     * {@value #KEYS_KEPT} words, keys are computed as they come and not kept.
     */
    private static final int KEYS_KEPT = 100_000;
    private static final Map<String, String> SOUND_KEYS = new ConcurrentHashMap<>();

    /** Similarity of a word to its canonical spelling or a digit to its number word ("luv" and "love"). */
    static final double CANONICAL = 0.95;

    private Fuzzy() {
    }

    /** The number word a digit stands for, or the word a number word is typed as in digits, or null. */
    static String numberTwin(String token) {
        String word = NUMBER_WORDS.get(token);
        return word != null ? word : NUMBER_DIGITS.get(token);
    }

    /** {@link TextNormalizer#phonetic} of a canonical word, kept for the first {@value #KEYS_KEPT} words met. */
    static String soundKey(String canonical) {
        String key = SOUND_KEYS.get(canonical);
        if (key == null) {
            key = TextNormalizer.phonetic(canonical);
            if (SOUND_KEYS.size() < KEYS_KEPT) {
                SOUND_KEYS.put(canonical, key);
            }
        }
        return key;
    }

    static String canon(String token) {
        return CANON.getOrDefault(token, token);
    }

    /** Edits a token of this length may carry and still be the same word. */
    static int allowedEdits(int length) {
        if (length <= 3) {
            return 0;
        }
        if (length <= 5) {
            return 1;
        }
        return length <= 9 ? 2 : 3;
    }

    /** 1 for the same word, less for a near spelling, 0 when the two are different words. */
    static double tokenSim(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        String ca = canon(a);
        String cb = canon(b);
        if (ca.equals(cb) || b.equals(numberTwin(a))) {
            return CANONICAL;
        }
        String pa = soundKey(ca);
        String pb = soundKey(cb);
        if (pa.equals(pb)) {
            return 0.9;
        }
        if (isNumber(ca) || isNumber(cb)) {
            return 0.0;
        }
        int maxLen = Math.max(ca.length(), cb.length());
        int minLen = Math.min(ca.length(), cb.length());
        int allowed = allowedEdits(maxLen);
        if (allowed == 0 || minLen < 3 || maxLen - minLen > allowed) {
            return 0.0;
        }
        int d = Math.min(distance(ca, cb, allowed), distance(pa, pb, allowed) + 0);
        if (d > allowed) {
            return 0.0;
        }
        // near spellings of long words are worth more than near spellings of short ones
        return Math.max(0.0, 1.0 - (double) d / (maxLen + 1));
    }

    /**
     * Similarity of two titles with their spaces removed. Running words together or splitting them keeps the
     * letters, so one edit is forgiven (a typo beside the split), whatever the title's length: a word changed
     * ("Light of the Weight of …" for "… Night of …", "Said" for "Save") is another title, and typos inside
     * words are the word-by-word comparison's to judge.
     */
    static double stringSim(String a, String b) {
        int maxLen = Math.max(a.length(), b.length());
        if (maxLen == 0) {
            return 0.0;
        }
        int bound = 1;
        int d = distance(a, b, bound);
        return d > bound ? 0.0 : 1.0 - (double) d / maxLen;
    }

    /** The phonetic keys of {@code tokens} joined without spaces. */
    static String joinedKey(List<String> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(soundKey(canon(tokens.get(i))));
        }
        return sb.toString();
    }

    /** The canonical spellings of {@code tokens} joined without spaces. */
    static String joinedPlain(List<String> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(canon(tokens.get(i)));
        }
        return sb.toString();
    }

    /**
     * Optimal string alignment distance between {@code a} and {@code b}, or {@code max + 1} as soon as it
     * is known to exceed {@code max} (the band keeps long comparisons cheap).
     */
    static int distance(CharSequence a, CharSequence b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        if (n == 0 || m == 0) {
            return Math.max(n, m);
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    private static boolean isNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
