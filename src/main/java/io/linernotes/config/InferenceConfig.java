package io.linernotes.config;

/**
 * How a song is inferred from passages when a question describes it without naming it
 * ({@code retrieval.inference}). The songs of the first {@code candidatePassages} retrieved passages are the
 * candidates; each is scored by the share of the question's rarity-weighted content words that its best
 * retrieved passage (with the song's title, artist and featured artists) holds. {@code minCoverage}: the share
 * the best song needs; {@code minCoverageWhenAgreed}: the share it needs when BM25 and the vectors both rank its
 * passage first, or the question names an artist the catalogue knows; {@code minMargin}: how far ahead of the
 * runner-up it must be, unless retrieval also ranked it first. {@code maxTitleWords}: most content words the title
 * a refusal understood may hold for a question that says nothing else to be answered as a song we lack rather than
 * searched in the passages (a longer run is words around a title).
 */
public record InferenceConfig(Double minCoverage, Double minCoverageWhenAgreed, Double minMargin,
        Integer candidatePassages, Integer maxTitleWords) {

    public InferenceConfig {
        minCoverage = minCoverage == null ? 0.55 : minCoverage;
        minCoverageWhenAgreed = minCoverageWhenAgreed == null ? 0.35 : minCoverageWhenAgreed;
        minMargin = minMargin == null ? 0.05 : minMargin;
        candidatePassages = candidatePassages == null ? 10 : candidatePassages;
        maxTitleWords = maxTitleWords == null ? 6 : maxTitleWords;
        Checks.range("retrieval.inference.minCoverage", minCoverage, 0, 1);
        Checks.range("retrieval.inference.minCoverageWhenAgreed", minCoverageWhenAgreed, 0, 1);
        Checks.range("retrieval.inference.minMargin", minMargin, 0, 1);
        Checks.range("retrieval.inference.candidatePassages", candidatePassages, 1, 100);
        Checks.range("retrieval.inference.maxTitleWords", maxTitleWords, 1, 50);
    }

    public static InferenceConfig defaults() {
        return new InferenceConfig(null, null, null, null, null);
    }
}
