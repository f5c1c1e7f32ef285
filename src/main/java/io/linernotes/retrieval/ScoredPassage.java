package io.linernotes.retrieval;

/** A passage found by one ranking, with that ranking's raw score (BM25, or cosine-derived for vectors). */
public record ScoredPassage(Passage passage, float score) {
}
