package io.linernotes.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("StopWords: every word list of the project, each named for its job")
class StopWordsTest {

    /** Every public list of {@link StopWords}, by name. */
    private static Map<String, Set<String>> lists() throws IllegalAccessException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Field f : StopWords.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Set.class.isAssignableFrom(f.getType())) {
                @SuppressWarnings("unchecked")
                Set<String> words = (Set<String>) f.get(null);
                out.put(f.getName(), words);
            }
        }
        return out;
    }

    @Test
    @DisplayName("every list is non-empty, unmodifiable, lower case and free of blanks")
    void wellFormed() throws IllegalAccessException {
        Map<String, Set<String>> lists = lists();
        assertTrue(lists.size() >= 12, "lists found: " + lists.keySet());
        lists.forEach((name, words) -> {
            assertFalse(words.isEmpty(), name);
            for (String w : words) {
                assertEquals(w.strip().toLowerCase(Locale.ROOT), w, name + " holds '" + w + "'");
                assertFalse(w.isEmpty(), name);
            }
            try {
                words.add("x-new");
                throw new AssertionError(name + " can be changed");
            } catch (UnsupportedOperationException expected) {
                // as it should be
            }
        });
    }

    @Test
    @DisplayName("the search question list is Lucene's English stop set and the question words the passage analyzer dropped before")
    void searchQuestionIsWhatTheAnalyzerDropped() {
        Set<String> before = new HashSet<>();
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(o -> before.add(new String((char[]) o)));
        before.addAll(Set.of("what", "which", "who", "whom", "whose", "why", "how", "when", "where",
                "is", "are", "was", "were", "be", "been", "do", "does", "did", "can", "could", "would", "should",
                "about", "from", "has", "have", "had", "i", "me", "my", "you", "your", "he", "him", "his",
                "she", "her", "its", "we", "our", "them", "mean", "meaning", "tell", "explain"));
        assertEquals(before, StopWords.SEARCH_QUESTION);
    }

    @Test
    @DisplayName("featured artists: prose adds 'features' to the folded markers; as written, the abbreviations keep their dot")
    void featuringMarkers() {
        assertTrue(StopWords.FEATURING_IN_PROSE.containsAll(StopWords.FEATURING));
        assertEquals(Set.of("features"), difference(StopWords.FEATURING_IN_PROSE, StopWords.FEATURING));
        for (String written : StopWords.FEATURING_AS_WRITTEN) {
            assertTrue(StopWords.FEATURING.contains(TextNormalizer.fold(written)),
                    written + " folds to a marker of the folded list");
        }
        assertFalse(StopWords.FEATURING_AS_WRITTEN.contains("feat"), "'a rare feat' introduces nobody");
        assertFalse(StopWords.FEATURING_AS_WRITTEN.contains("ft"), "'six ft' introduces nobody");
    }

    @Test
    @DisplayName("words that frame a song question are dropped from what the ranker and the answerer weigh")
    void shapeWordsAreNotContent() {
        for (String w : Set.of("song", "lyrics", "meaning", "mean")) {
            assertTrue(StopWords.SONG_QUESTION_SHAPE.contains(w), w);
            assertTrue(StopWords.SENTENCE_SCORING.contains(w), w);
            assertTrue(StopWords.QUESTION_FRAME.contains(w), w);
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.removeAll(b);
        return out;
    }
}
