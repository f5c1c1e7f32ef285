package io.linernotes.model;

import io.linernotes.text.StopWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content terms of a text for the extractive answerer: lower-cased words without stop words (including
 * the words every question about a song carries, like "mean" or "line"), lightly stemmed so "dreams" meets
 * "dream". Deliberately small: it ranks a dozen passages, it is not a search engine.
 */
final class Terms {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    /** The words the extractive answerer does not count (see {@link StopWords#SENTENCE_SCORING}). */
    private static final Set<String> STOP = StopWords.SENTENCE_SCORING;

    private Terms() {
    }

    /** Content terms in text order (duplicates kept, so adjacency can be checked). */
    static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            if (!STOP.contains(word)) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    /** Content terms the asker wrote capitalised mid-sentence: names such as "Ichabod Crane". */
    static Set<String> names(String text) {
        Set<String> names = new java.util.HashSet<>();
        Matcher m = WORD.matcher(text);
        boolean sentenceStart = true;
        int last = 0;
        while (m.find()) {
            String between = text.substring(last, m.start());
            if (between.matches(".*[.!?]\\s*")) {
                sentenceStart = true;
            }
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
            if (!sentenceStart && Character.isUpperCase(word.charAt(0)) && !STOP.contains(lower)) {
                names.add(stem(lower));
            }
            sentenceStart = false;
            last = m.end();
        }
        return names;
    }

    static String stem(String word) {
        String w = word;
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 4 && w.endsWith("ly")) {
            w = w.substring(0, w.length() - 2);
        }
        return w;
    }
}
