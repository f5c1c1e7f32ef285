package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Lucene index on its own: analysis, filters, phrases and commit data (vectors off, no model). */
class LuceneIndexTest {

    @TempDir
    Path dir;

    private LuceneIndex index;

    @BeforeEach
    void open() {
        index = LuceneIndex.open(dir, new IndexLayout(null, 0, 1200));
        index.replaceEssay(1, List.of(
                new Passage(1, 1, 10, Scope.GLOBAL, 0, "The Ichabod Crane line? That’s Pusha spitting about a headless ride."),
                new Passage(1, 1, 10, Scope.GLOBAL, 1, "Beyoncé’s verses were recorded in Houston.")), null);
        index.replaceEssay(2, List.of(
                new Passage(2, 1, 20, Scope.guild("7"), 0, "A guild note about Crane Lake and its summer songs.")), null);
        index.commit(5);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @ParameterizedTest(name = "\"{0}\" finds passage {1}")
    @CsvSource(delimiter = '|', value = {
        "what is the Ichabod Crane line about?|1:0",
        "ICHABOD|1:0",
        "beyonce verse|1:1",
        "Beyoncé's VERSES|1:1",
        "headless rides|1:0",
    })
    @DisplayName("questions match passages through case, accents, possessives and inflection")
    void analysisMatches(String question, String expectedId) {
        List<ScoredPassage> hits = index.searchText(question, PassageFilter.visibleTo(Scope.GLOBAL), 5);

        assertEquals(expectedId, hits.get(0).passage().id());
    }

    @Test
    @DisplayName("a question of nothing but question words matches nothing instead of everything")
    void questionWordsAlone() {
        assertTrue(index.searchText("what is it about?", PassageFilter.visibleTo(Scope.guild("7")), 5).isEmpty());
    }

    @Test
    @DisplayName("filters by scope and by song")
    void filters() {
        assertEquals(List.of("1:0"), ids(index.searchText("crane", PassageFilter.visibleTo(Scope.GLOBAL), 5)));
        assertEquals(Set.of("1:0", "2:0"),
                Set.copyOf(ids(index.searchText("crane", PassageFilter.visibleTo(Scope.guild("7")), 5))));
        assertEquals(List.of("2:0"),
                ids(index.searchText("crane", new PassageFilter(Set.of(20L), Scope.guild("7")), 5)));
        assertTrue(index.searchText("crane", new PassageFilter(Set.of(20L), Scope.guild("8")), 5).isEmpty());
    }

    @Test
    @DisplayName("phrases match whole, in order, whatever the quote style")
    void phrases() {
        PassageFilter all = PassageFilter.visibleTo(Scope.GLOBAL);
        assertEquals(List.of("1:0"), ids(index.searchPhrase("\"That's Pusha spitting\"", all, 5)));
        assertEquals(List.of("1:0"), ids(index.searchPhrase("that’s pusha SPITTING", all, 5)));
        assertTrue(index.searchPhrase("pusha that's spitting", all, 5).isEmpty());
    }

    @Test
    @DisplayName("stored fields come back as the passage that was indexed")
    void passageRoundTrip() {
        Passage p = index.searchText("summer", PassageFilter.visibleTo(Scope.guild("7")), 1).get(0).passage();

        assertEquals(new Passage(2, 1, 20, Scope.guild("7"), 0, "A guild note about Crane Lake and its summer songs."), p);
    }

    @Test
    @DisplayName("commit data survives a reopen; uncommitted changes do not")
    void commitData() {
        index.removeEssay(1);
        index.close();

        index = LuceneIndex.open(dir, new IndexLayout(null, 0, 1200));
        assertEquals(LuceneIndex.Found.EXISTING, index.found());
        assertEquals(OptionalLong.of(5), index.indexedChangeCounter());
        assertEquals(Optional.of("none"), index.indexedModelId());
        assertEquals(Optional.of("schema=1;model=none;dim=0;chunk=1200"), index.indexedLayout());
        assertEquals(3, index.passageCount(), "the removal was never committed");
        assertTrue(index.sizeOnDisk() > 0);
    }

    @Test
    @DisplayName("replacing an essay needs one vector per passage when the layout has vectors")
    void vectorsRequired() {
        try (LuceneIndex withVectors = LuceneIndex.open(dir.resolve("v"), new IndexLayout("m", 4, 1200))) {
            List<Passage> one = List.of(new Passage(1, 1, 1, Scope.GLOBAL, 0, "text"));
            assertThrows(IllegalArgumentException.class, () -> withVectors.replaceEssay(1, one, List.of()));
            withVectors.replaceEssay(1, one, List.of(new float[] {1, 0, 0, 0}));
            withVectors.commit(1);
            assertEquals(List.of("1:0"), ids(withVectors.searchVector(new float[] {1, .1f, 0, 0},
                    PassageFilter.visibleTo(Scope.GLOBAL), 3)));
        }
    }

    private static List<String> ids(List<ScoredPassage> hits) {
        return hits.stream().map(h -> h.passage().id()).toList();
    }
}
