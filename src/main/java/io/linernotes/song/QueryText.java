package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import io.linernotes.text.StopWords;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user typed, as folded words that remember how they were typed: the surface text (to quote a
 * claimed artist back), whether punctuation broke the sentence before them, whether they sat inside
 * quotes and whether they were possessive ("Cohen's").
 */
final class QueryText {

    /** One folded word of the query. */
    record Word(String norm, String surface, boolean breakBefore, boolean quoted, boolean possessive) {
    }

    static final Set<String> QUESTION_WORDS = StopWords.QUESTION_FRAME;
    static final Set<String> FILLER = StopWords.FILLER;
    static final Set<String> FEATURING = StopWords.FEATURING;
    static final Set<String> JOINING = StopWords.JOINING;
    /** Articles and possessives: they open a noun phrase, so typed right before a title they belong to it. */
    static final Set<String> DETERMINERS = Set.of("a", "an", "my", "your", "our", "his", "her", "their");
    /**
     * Question-frame words that close a question after the song's name ("… meaning", "… about?"): they may stand
     * right after a title typed in part without taking the place of its missing words.
     */
    static final Set<String> CLOSING = Set.of("mean", "meaning", "meanings", "means", "meant", "about", "abt",
            "lyrics", "lyric", "explained", "please", "pls", "plz");

    /** Letters joined by dots, the last dot included ("P.J.K.", "d.m.x."). */
    private static final Pattern DOTTED = Pattern.compile("\\p{L}(?:\\.\\p{L})+\\.");

    private final List<Word> words;
    private final boolean questionMark;

    private QueryText(List<Word> words, boolean questionMark) {
        this.words = List.copyOf(words);
        this.questionMark = questionMark;
    }

    List<Word> words() {
        return words;
    }

    int size() {
        return words.size();
    }

    Word word(int i) {
        return words.get(i);
    }

    List<String> norms() {
        List<String> out = new ArrayList<>(words.size());
        for (Word w : words) {
            out.add(w.norm());
        }
        return out;
    }

    /** Whether anything in the query frames a question (a question word or a question mark), not a bare name. */
    boolean asks() {
        if (questionMark) {
            return true;
        }
        for (Word w : words) {
            if (QUESTION_WORDS.contains(w.norm())) {
                return true;
            }
        }
        return false;
    }

    static boolean isContent(String norm) {
        return !QUESTION_WORDS.contains(norm) && !FILLER.contains(norm);
    }

    static QueryText parse(String raw) {
        List<Word> out = new ArrayList<>();
        if (raw == null) {
            return new QueryText(out, false);
        }
        String text = TextNormalizer.unifyPunctuation(raw);
        boolean inQuote = false;
        boolean pendingBreak = false;
        String[] chunks = text.trim().split("\\s+");
        for (int ci = 0; ci < chunks.length; ci++) {
            String chunk = chunks[ci];
            if (chunk.isEmpty()) {
                continue;
            }
            int s = 0;
            int e = chunk.length();
            boolean opens = false;
            while (s < e && !Character.isLetterOrDigit(chunk.charAt(s))) {
                char c = chunk.charAt(s);
                if (c == '"' || c == '\'') {
                    // a quote opens only when it is closed later: "Rock 'Em Loud" holds an elision, not a quotation
                    opens = inQuote || closedFrom(chunks, ci, s + 1, c);
                } else if (c == '(' || c == '-' || c == '[') {
                    pendingBreak = true;
                }
                s++;
            }
            boolean closes = false;
            boolean breakAfter = false;
            boolean acronym = DOTTED.matcher(chunk).matches();
            while (e > s && !Character.isLetterOrDigit(chunk.charAt(e - 1))) {
                char c = chunk.charAt(e - 1);
                if (c == '"' || c == '\'') {
                    closes = true;
                } else if (c == '.' && acronym) {
                    // the last dot of "P.J.K." belongs to the word; it ends no sentence
                } else if (".,?!;:)-]".indexOf(c) >= 0) {
                    breakAfter = true;
                }
                e--;
            }
            if (s >= e && (chunk.equals("&") || chunk.equals("+"))) {
                // "Salt & Iron": the ampersand is the title's "and", as folding spells it
                out.add(new Word("and", chunk, pendingBreak, inQuote, false));
                pendingBreak = false;
                continue;
            }
            if (s >= e) {
                // a lone dash, quote or bracket still splits the sentence
                pendingBreak = true;
                if (opens && !inQuote) {
                    inQuote = true;
                } else if (opens) {
                    inQuote = false;
                }
                continue;
            }
            if (opens && !inQuote) {
                inQuote = true;
                pendingBreak = true;
            }
            String body = chunk.substring(s, e);
            boolean possessive = body.endsWith("'s");
            List<String> tokens = TextNormalizer.tokens(body);
            for (int i = 0; i < tokens.size(); i++) {
                out.add(new Word(tokens.get(i), body, pendingBreak && i == 0, inQuote, possessive && i == tokens.size() - 1));
                pendingBreak = false;
            }
            if (closes && inQuote) {
                inQuote = false;
                breakAfter = true;
            }
            pendingBreak = pendingBreak || breakAfter;
        }
        return new QueryText(out, text.indexOf('?') >= 0);
    }

    /**
     * Whether quote {@code c} is closed at the end of a word from chunk {@code i} (after its first {@code start}
     * characters) on.
     */
    private static boolean closedFrom(String[] chunks, int i, int start, char c) {
        for (int j = i; j < chunks.length; j++) {
            String chunk = j == i ? chunks[j].substring(start) : chunks[j];
            int e = chunk.length();
            while (e > 0 && !Character.isLetterOrDigit(chunk.charAt(e - 1))) {
                if (chunk.charAt(e - 1) == c && (j > i || e > 1)) {
                    return true;
                }
                e--;
            }
        }
        return false;
    }

    /** Whether every word in [from, to) was typed inside quotes. */
    boolean quoted(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!words.get(i).quoted()) {
                return false;
            }
        }
        return to > from;
    }

    /** Whether [from, to) is exactly one quoted passage (not a few words out of a longer quote). */
    boolean wholeQuote(int from, int to) {
        if (!quoted(from, to)) {
            return false;
        }
        boolean starts = from == 0 || !words.get(from - 1).quoted() || words.get(from).breakBefore();
        boolean ends = to == words.size() || !words.get(to).quoted() || words.get(to).breakBefore();
        return starts && ends;
    }

    /** The typed form of words [from, to), each typed chunk once. */
    String surface(int from, int to) {
        StringBuilder sb = new StringBuilder();
        String last = null;
        for (int i = from; i < to; i++) {
            String s = words.get(i).surface();
            if (!s.equals(last)) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(s.endsWith("'s") ? s.substring(0, s.length() - 2) : s);
            }
            last = s;
        }
        return sb.toString();
    }
}
