package io.linernotes.retrieval;

import io.linernotes.essay.Essay;

/**
 * A passage found for a question, with the essay it comes from. {@code score} is the fused score (higher is
 * better); {@code lexicalRank} and {@code vectorRank} are 1-based ranks in each list, or 0 when absent
 * from it. {@code lexicalScore} is the raw BM25 score (0 when absent).
 */
public record RetrievedPassage(
        Passage passage, Essay essay, double score, int lexicalRank, int vectorRank, double lexicalScore) {
}
