package io.linernotes.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Featuring: which forms introduce a featured artist, in a credit and in prose")
class FeaturingTest {

    @Test
    @DisplayName("a credit takes every marker as written and each abbreviation without its dot, longest first")
    void creditForms() {
        assertEquals(Set.of("featuring", "feat.", "feat", "ft.", "ft"), Set.copyOf(Featuring.IN_CREDIT));
        assertEquals(Featuring.IN_CREDIT.size(), Set.copyOf(Featuring.IN_CREDIT).size(), "no form twice");
        for (int i = 1; i < Featuring.IN_CREDIT.size(); i++) {
            assertTrue(Featuring.IN_CREDIT.get(i - 1).length() >= Featuring.IN_CREDIT.get(i).length(),
                    "longest first: " + Featuring.IN_CREDIT);
        }
        assertTrue(Featuring.IN_CREDIT.indexOf("feat.") < Featuring.IN_CREDIT.indexOf("feat"));
        assertTrue(Featuring.IN_CREDIT.indexOf("ft.") < Featuring.IN_CREDIT.indexOf("ft"));
        for (String form : Featuring.IN_CREDIT) {
            assertTrue(StopWords.FEATURING.contains(TextNormalizer.fold(form)),
                    form + " folds to a marker the song matcher knows");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Ada Vale feat. Tomo Reyes     | Ada Vale | Tomo Reyes",
            "Ada Vale ft. Tomo Reyes       | Ada Vale | Tomo Reyes",
            "Ada Vale featuring Tomo Reyes | Ada Vale | Tomo Reyes",
            "Ada Vale feat Tomo Reyes      | Ada Vale | Tomo Reyes",
            "Ada Vale ft Tomo Reyes        | Ada Vale | Tomo Reyes",
            "Ada Vale FEAT. Tomo Reyes     | Ada Vale | Tomo Reyes",
            "Ada Vale Ft Tomo Reyes        | Ada Vale | Tomo Reyes",
            "'Ada Vale  \t feat.   Tomo'   | Ada Vale | Tomo"})
    @DisplayName("in a credit, the full word and both abbreviations, dotted or not, in any case, split two names")
    void creditSplits(String credit, String main, String guest) {
        assertArrayEquals(new String[] {main, guest}, Featuring.BETWEEN_NAMES.split(credit, 2));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ada Vale featured Tomo", "Ada Vale features Tomo", "Ada Vale feats Tomo",
            "Ada Valefeat. Tomo", "Ada Vale feat.Tomo", "Defeat Tomo", "feat. Tomo", "Ada Vale & Tomo",
            "Ada Vale with Tomo", "Ada Vale fit Tomo"})
    @DisplayName("in a credit, nothing else is a featuring marker, and a marker needs white space on both sides")
    void creditKeepsOtherWords(String credit) {
        assertFalse(Featuring.BETWEEN_NAMES.matcher(credit).find(), credit);
    }

    @Test
    @DisplayName("the marker group fits inside a caller's own pattern: its comma and bracket stay the caller's")
    void markerComposes() {
        java.util.regex.Pattern withBracket = java.util.regex.Pattern.compile(
                "\\s+\\(" + Featuring.MARKER + "\\s+", java.util.regex.Pattern.CASE_INSENSITIVE);
        Matcher m = withBracket.matcher("Inés (Feat Joaquín Almar)");
        assertTrue(m.find());
        assertEquals(" (Feat ", m.group());
        assertEquals(0, withBracket.matcher("").groupCount(), "no capturing group to shift the caller's groups");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "featuring | true", "Featuring | true", "feat.  | true", "FEAT. | true", "ft.   | true",
            "feat      | false", "ft     | false", "Feat  | false", "features | false", "featured | false",
            "defeat.   | false", "''     | false"})
    @DisplayName("in prose, only the full word and the dotted abbreviations count: 'a rare feat' and 'six ft' introduce nobody")
    void prose(String word, boolean marker) {
        assertEquals(marker, Featuring.inProse(word), word);
    }

    @Test
    @DisplayName("folded words cannot tell 'feat.' from 'feat': their prose list keeps 'feat' and adds 'features'")
    void foldedProse() {
        assertEquals(TextNormalizer.fold("feat."), TextNormalizer.fold("feat"));
        assertTrue(StopWords.FEATURING_IN_PROSE.containsAll(List.of("feat", "ft", "featuring", "features")));
        assertFalse(Featuring.inProse(null));
    }
}
