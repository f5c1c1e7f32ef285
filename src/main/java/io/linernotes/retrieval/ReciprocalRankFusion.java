package io.linernotes.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal-rank fusion of a lexical and a vector ranking: each passage scores the sum over the rankings
 * it appears in of {@code 1 / (k + rank)} (rank from 1). Ranks, not raw scores, are fused because BM25 and
 * cosine scores live on unrelated scales; a larger {@code k} flattens the advantage of the very top ranks.
 */
public final class ReciprocalRankFusion {

    /** One fused entry; ranks are 1-based, 0 when absent from that list. */
    public record Fused(ScoredPassage hit, double score, int lexicalRank, int vectorRank, double lexicalScore) {
    }

    private final int k;

    public ReciprocalRankFusion(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive");
        }
        this.k = k;
    }

    /**
     * Fuses the two rankings (best first), identifying passages by {@link Passage#id()}. Ties are broken by
     * the better single rank, then in favour of the lexical list (an exact word match is easier to trust),
     * then by passage id, so the order is deterministic.
     */
    public List<Fused> fuse(List<ScoredPassage> lexical, List<ScoredPassage> vector) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (int i = 0; i < lexical.size(); i++) {
            Entry e = byId.computeIfAbsent(lexical.get(i).passage().id(), id -> new Entry());
            if (e.lexicalRank == 0) {
                e.hit = lexical.get(i);
                e.lexicalRank = i + 1;
                e.lexicalScore = lexical.get(i).score();
            }
        }
        for (int i = 0; i < vector.size(); i++) {
            Entry e = byId.computeIfAbsent(vector.get(i).passage().id(), id -> new Entry());
            if (e.vectorRank == 0) {
                if (e.hit == null) {
                    e.hit = vector.get(i);
                }
                e.vectorRank = i + 1;
            }
        }
        List<Fused> out = new ArrayList<>(byId.size());
        for (Entry e : byId.values()) {
            double score = (e.lexicalRank > 0 ? 1.0 / (k + e.lexicalRank) : 0)
                    + (e.vectorRank > 0 ? 1.0 / (k + e.vectorRank) : 0);
            out.add(new Fused(e.hit, score, e.lexicalRank, e.vectorRank, e.lexicalScore));
        }
        out.sort(Comparator.comparingDouble(Fused::score).reversed()
                .thenComparingInt(ReciprocalRankFusion::bestRank)
                .thenComparingInt(f -> f.lexicalRank() > 0 ? 0 : 1)
                .thenComparing(f -> f.hit().passage().id()));
        return out;
    }

    private static int bestRank(Fused f) {
        int best = Integer.MAX_VALUE;
        if (f.lexicalRank() > 0) {
            best = f.lexicalRank();
        }
        if (f.vectorRank() > 0) {
            best = Math.min(best, f.vectorRank());
        }
        return best;
    }

    private static final class Entry {
        ScoredPassage hit;
        int lexicalRank;
        int vectorRank;
        double lexicalScore;
    }
}
