package io.linernotes.essay;

import io.linernotes.text.Featuring;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the seed layout's first line, {@code Meaning of ‘TITLE’ by ‘ARTIST’ feat. FEATURED}, by scanning it
 * once. Regular expressions did this before and backtracked over runs of white space: a 105 KB line of
 * spaces took about 100 s of CPU. Here every character is looked at a bounded number of times: the end of
 * each white-space run is computed once, right to left, and each search walks forward only.
 *
 * <p>The rules are those the patterns had: the title ends at the first closing quote followed by white space,
 * "by" and white space (so "‘Don’t Stop’" keeps its apostrophe), else at the first " by "; the artist may be
 * quoted; a featured credit follows a word such as feat., ft., featuring, with, &amp;, x or ×.
 */
final class TitleLine {
    static final String OPEN_QUOTES = "‘'“\"`";
    static final String CLOSE_QUOTES = "’'”\"`";
    /**
     * Words a featured credit follows: a credit's featuring markers ({@link Featuring#IN_CREDIT}, longest first,
     * so "feat." before "feat") and the words that join a guest to the artist on this line.
     */
    private static final List<String> FEAT_WORDS = Stream.concat(Featuring.IN_CREDIT.stream(),
            Stream.of("with", "&", "x", "×")).toList();

    /** The parts of a first line: title, artist and the featured credit (possibly empty). */
    record Parts(String title, String artist, String credit) {
    }

    private final String line;
    /** For each index, the index just past the run of white space starting there (itself if none). */
    private final int[] runEnd;

    private TitleLine(String line) {
        this.line = line;
        this.runEnd = new int[line.length() + 1];
        runEnd[line.length()] = line.length();
        for (int i = line.length() - 1; i >= 0; i--) {
            runEnd[i] = isSpace(line.charAt(i)) ? runEnd[i + 1] : i;
        }
    }

    /** White space as {@code \s} means it in a Java pattern: ASCII only. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The parts of {@code first} (already stripped), or null when it has no " by ". */
    static Parts read(String first) {
        return new TitleLine(first).parts();
    }

    private Parts parts() {
        String opening = SeedLayoutReader.OPENING;
        if (!line.regionMatches(true, 0, opening, 0, opening.length())) {
            return null;
        }
        int afterOpening = opening.length();
        if (runEnd[afterOpening] == afterOpening) {
            return null;
        }
        int titleStart = runEnd[afterOpening];
        String title = null;
        int rest = -1;
        if (titleStart < line.length() && OPEN_QUOTES.indexOf(line.charAt(titleStart)) >= 0) {
            for (int i = titleStart + 1; i < line.length(); i++) {
                if (CLOSE_QUOTES.indexOf(line.charAt(i)) >= 0) {
                    int after = byAt(i + 1);
                    if (after >= 0) {
                        title = line.substring(titleStart + 1, i);
                        rest = after;
                        break;
                    }
                }
            }
        }
        if (title == null) {
            // The plain form: the title is everything before the first white-space run followed by "by ".
            for (int i = titleStart; i < line.length() && title == null; ) {
                if (isSpace(line.charAt(i))) {
                    int after = byAt(i);
                    if (after >= 0) {
                        title = stripQuotes(line.substring(titleStart, i));
                        rest = after;
                    }
                    i = runEnd[i];
                } else {
                    i++;
                }
            }
        }
        if (title == null && titleStart - afterOpening >= 2 && byAt(afterOpening + 1) >= 0) {
            // "Meaning of  by X": the opening's own white space is the separator, and the title is empty
            // (refused later as such, not as a line without an artist).
            title = "";
            rest = byAt(afterOpening + 1);
        }
        if (title == null) {
            return null;
        }
        String[] artistAndCredit = artistAndCredit(line.substring(rest));
        return new Parts(title, artistAndCredit[0], artistAndCredit[1]);
    }

    /** If white space, "by" and white space start at {@code at}: the index past them; else -1. */
    private int byAt(int at) {
        if (at >= line.length() || !isSpace(line.charAt(at))) {
            return -1;
        }
        int word = runEnd[at];
        if (!line.regionMatches(true, word, "by", 0, 2) || word + 2 >= line.length()
                || !isSpace(line.charAt(word + 2))) {
            return -1;
        }
        return runEnd[word + 2];
    }

    /** Splits "‘ARTIST’ feat. X" or "ARTIST ft. X & Y" into the artist and the featured credit. */
    private static String[] artistAndCredit(String rest) {
        String stripped = rest.strip();
        if (!stripped.isEmpty() && OPEN_QUOTES.indexOf(stripped.charAt(0)) >= 0) {
            for (int i = 1; i < stripped.length(); i++) {
                boolean closes = CLOSE_QUOTES.indexOf(stripped.charAt(i)) >= 0;
                if (closes && (i + 1 == stripped.length() || isSpace(stripped.charAt(i + 1)))) {
                    String after = stripped.substring(i + 1).strip();
                    return new String[] {stripped.substring(1, i), leadingCredit(after)};
                }
            }
        }
        TitleLine scan = new TitleLine(rest);
        for (int i = 0; i < rest.length(); i = Math.max(i + 1, scan.runEnd[i])) {
            if (!isSpace(rest.charAt(i))) {
                continue;
            }
            int word = scan.runEnd[i];
            if (word < rest.length() && rest.charAt(word) == '(') {
                word++;
            }
            int end = scan.featWordEnd(word);
            if (end >= 0) {
                String credit = rest.substring(end).strip();
                if (credit.endsWith(")")) {
                    credit = credit.substring(0, credit.length() - 1);
                }
                return new String[] {stripQuotes(rest.substring(0, i)), credit};
            }
        }
        return new String[] {stripQuotes(rest), ""};
    }

    /** "feat. X", "(with X)": the credit after the word, or "" when {@code text} does not start with one. */
    private static String leadingCredit(String text) {
        TitleLine scan = new TitleLine(text);
        int at = text.startsWith("(") ? 1 : 0;
        int end = scan.featWordEnd(at);
        if (end < 0) {
            return "";
        }
        String credit = text.substring(end);
        return credit.endsWith(")") ? credit.substring(0, credit.length() - 1) : credit;
    }

    /** If a featuring word followed by white space starts at {@code at}: the index past the white space; else -1. */
    private int featWordEnd(int at) {
        for (String word : FEAT_WORDS) {
            int after = at + word.length();
            if (line.regionMatches(true, at, word, 0, word.length()) && after < line.length()
                    && isSpace(line.charAt(after))) {
                return runEnd[after];
            }
        }
        return -1;
    }

    /** Drops one opening quote at the start and one closing quote at the end. */
    static String stripQuotes(String value) {
        String s = value.strip();
        if (!s.isEmpty() && OPEN_QUOTES.indexOf(s.charAt(0)) >= 0) {
            s = s.substring(1);
        }
        if (!s.isEmpty() && CLOSE_QUOTES.indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
