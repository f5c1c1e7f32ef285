package io.linernotes.config;

/**
 * Retrieval settings. {@code passages}: how many passages an answer is given; {@code candidates}: how many
 * each ranking (BM25, vectors) contributes before fusion; {@code chunkMaxChars}: the size cap of a passage;
 * {@code rrfK}: the constant of reciprocal-rank fusion; {@code vectors}: whether semantic search is on
 * (off runs BM25 alone and loads no embedding model).
 */
public record RetrievalConfig(int passages, int candidates, int chunkMaxChars, int rrfK, Boolean vectors) {
    public RetrievalConfig {
        if (passages == 0) {
            passages = 5;
        }
        if (candidates == 0) {
            candidates = 40;
        }
        if (chunkMaxChars == 0) {
            chunkMaxChars = 1_200;
        }
        if (rrfK == 0) {
            rrfK = 60;
        }
        if (vectors == null) {
            vectors = Boolean.TRUE;
        }
        Checks.range("retrieval.passages", passages, 1, 20);
        Checks.range("retrieval.candidates", candidates, passages, 1_000);
        Checks.range("retrieval.chunkMaxChars", chunkMaxChars, 200, 10_000);
        Checks.positive("retrieval.rrfK", rrfK);
    }

    public static RetrievalConfig defaults() {
        return new RetrievalConfig(0, 0, 0, 0, null);
    }
}
