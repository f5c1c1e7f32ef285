package io.linernotes.retrieval;

import io.linernotes.text.Folding;
import io.linernotes.text.StopWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What a question asks once the song's own names (title, artist, featured artists) are taken out of it.
 * Once the song is chosen, its names say nothing about which of its passages answers: every passage of the
 * song is about it, and the opening, which repeats the names, would win on them alone. What is left ("what
 * is it about", "the line about the mother polishing glass", "which chart") is what the ranking looks at.
 *
 * <p>Names are matched term by term after the index's own analysis (case, accents, possessives, plurals),
 * and with one typo allowed in words of four letters or more and two from eight ("Valence" for "Valance"),
 * since the resolver accepts names with typos too.
 */
public final class QuestionRemainder {

    /** Terms that say a question is about a song without saying what about it ({@link StopWords#SONG_QUESTION_SHAPE}). */
    static final Set<String> SHAPE_WORDS = StopWords.SONG_QUESTION_SHAPE;

    private QuestionRemainder() {
    }

    /** The analysed terms of {@code remainder} that ask something: question and shape words out, distinct. */
    static Set<String> askedTerms(Analyzer questions, String remainder) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String term : terms(questions, remainder)) {
            if (!SHAPE_WORDS.contains(term)) {
                out.add(term);
            }
        }
        return out;
    }

    /** {@code question} without the words that name the song; the words kept are kept as typed, in order. */
    public static String of(String question, List<String> songNames) {
        if (question == null || question.isBlank()) {
            return "";
        }
        try (Analyzer analyzer = PassageAnalyzer.forText()) {
            Set<String> names = new HashSet<>();
            for (String name : songNames) {
                if (name != null) {
                    names.addAll(terms(analyzer, name));
                    // Unstemmed too, so that a typo is compared with the word as written ("valence", "valance").
                    for (String word : name.split("[^\\p{L}\\p{N}]+")) {
                        names.add(fold(word));
                    }
                }
            }
            StringBuilder kept = new StringBuilder();
            for (String word : question.strip().split("\\s+")) {
                List<String> terms = terms(analyzer, word);
                if (!terms.isEmpty() && (terms.stream().allMatch(t -> isName(t, names)) || isName(fold(word), names))) {
                    continue;
                }
                if (kept.length() > 0) {
                    kept.append(' ');
                }
                kept.append(word);
            }
            return kept.toString();
        }
    }

    /** The analysed terms of {@code text} (as the index sees them). */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(PassageFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** One typed word as a single folded term: "Valance," and "valance" alike, "rock'n'roll" one word. */
    private static String fold(String word) {
        return Folding.key(word).replace(" ", "");
    }

    static boolean isName(String term, Set<String> names) {
        if (term.isEmpty()) {
            return false;
        }
        if (names.contains(term)) {
            return true;
        }
        int allowed = term.length() >= 8 ? 2 : term.length() >= 4 ? 1 : 0;
        if (allowed == 0) {
            return false;
        }
        for (String name : names) {
            if (Math.abs(name.length() - term.length()) <= allowed && distance(name, term) <= allowed) {
                return true;
            }
        }
        return false;
    }

    /** Edit distance where swapping two neighbouring letters is one edit ("lihgts" is one from "lights"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
