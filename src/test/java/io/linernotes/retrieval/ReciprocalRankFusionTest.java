package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linernotes.core.Scope;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    private static ScoredPassage hit(int essay, float score) {
        return new ScoredPassage(new Passage(essay, 1, 1, Scope.GLOBAL, 0, "p" + essay), score);
    }

    private static List<String> ids(List<ReciprocalRankFusion.Fused> fused) {
        return fused.stream().map(f -> f.hit().passage().id()).toList();
    }

    @Test
    @DisplayName("a passage found by both rankings beats one found high by only one of them")
    void agreementWins() {
        // lexical: 1, 2, 3, 5   vector: 3, 4, 2
        List<ScoredPassage> lexical = List.of(hit(1, 9f), hit(2, 7f), hit(3, 5f), hit(5, 1f));
        List<ScoredPassage> vector = List.of(hit(3, .9f), hit(4, .8f), hit(2, .7f));

        List<ReciprocalRankFusion.Fused> fused = new ReciprocalRankFusion(60).fuse(lexical, vector);

        // 3: 1/63+1/61, 2: 1/62+1/63, 1: 1/61, 4: 1/62, 5: 1/64
        assertEquals(List.of("3:0", "2:0", "1:0", "4:0", "5:0"), ids(fused));
        ReciprocalRankFusion.Fused top = fused.get(0);
        assertEquals(1.0 / 63 + 1.0 / 61, top.score(), 1e-12);
        assertEquals(3, top.lexicalRank());
        assertEquals(1, top.vectorRank());
        assertEquals(5.0, top.lexicalScore(), 1e-6);
        ReciprocalRankFusion.Fused vectorOnly = fused.get(3);
        assertEquals(0, vectorOnly.lexicalRank());
        assertEquals(2, vectorOnly.vectorRank());
        assertEquals(0.0, vectorOnly.lexicalScore());
    }

    @Test
    @DisplayName("k decides between one top rank and two middling ones")
    void kChangesTheOrder() {
        // 1 is first lexically only; 9 is fourth in both lists.
        List<ScoredPassage> lexical = List.of(hit(1, 9f), hit(2, 8f), hit(3, 7f), hit(9, 6f));
        List<ScoredPassage> vector = List.of(hit(4, .9f), hit(5, .8f), hit(6, .7f), hit(9, .6f));

        // k = 1: 1 scores 1/2, 9 scores 2/5.   k = 60: 1 scores 1/61, 9 scores 2/64.
        assertEquals("1:0", ids(new ReciprocalRankFusion(1).fuse(lexical, vector)).get(0));
        assertEquals("9:0", ids(new ReciprocalRankFusion(60).fuse(lexical, vector)).get(0));
    }

    @Test
    @DisplayName("equal fused scores put the lexical hit first, deterministically")
    void tiesFavourLexical() {
        List<ReciprocalRankFusion.Fused> fused =
                new ReciprocalRankFusion(60).fuse(List.of(hit(1, 3f)), List.of(hit(2, .5f)));

        assertEquals(List.of("1:0", "2:0"), ids(fused));
    }

    @Test
    @DisplayName("one empty ranking leaves the other's order unchanged")
    void oneSidedFusion() {
        List<ScoredPassage> lexical = List.of(hit(3, 3f), hit(1, 2f), hit(2, 1f));

        assertEquals(List.of("3:0", "1:0", "2:0"), ids(new ReciprocalRankFusion(60).fuse(lexical, List.of())));
        assertEquals(List.of("3:0", "1:0", "2:0"), ids(new ReciprocalRankFusion(60).fuse(List.of(), lexical)));
    }
}
