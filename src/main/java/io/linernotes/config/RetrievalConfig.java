package io.linernotes.config;

/**
 * Retrieval settings. {@code passages}: how many passages an answer is given; {@code candidates}: how many
 * each ranking (BM25, vectors) contributes before fusion; {@code chunkMaxChars}: the size cap of a passage;
 * {@code rrfK}: the constant of reciprocal-rank fusion; {@code vectors}: whether semantic search is on
 * (off runs BM25 alone and loads no embedding model); {@code ranking}: how a chosen song's passages are
 * ordered for the question; {@code inference}: how a song is inferred from passages when a question describes
 * it without naming it.
 */
public record RetrievalConfig(int passages, int candidates, int chunkMaxChars, int rrfK, Boolean vectors,
        RankingConfig ranking, Integer chunkMinChars, InferenceConfig inference) {

    /** Default of {@code chunkMinChars}: short paragraphs are packed until a passage holds about this much. */
    public static final int DEFAULT_CHUNK_MIN_CHARS = 900;

    public RetrievalConfig(int passages, int candidates, int chunkMaxChars, int rrfK, Boolean vectors,
            RankingConfig ranking) {
        this(passages, candidates, chunkMaxChars, rrfK, vectors, ranking, null);
    }

    public RetrievalConfig(int passages, int candidates, int chunkMaxChars, int rrfK, Boolean vectors,
            RankingConfig ranking, Integer chunkMinChars) {
        this(passages, candidates, chunkMaxChars, rrfK, vectors, ranking, chunkMinChars, null);
    }

    public RetrievalConfig {
        if (ranking == null) {
            ranking = RankingConfig.defaults();
        }
        if (inference == null) {
            inference = InferenceConfig.defaults();
        }
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
        if (chunkMinChars == null) {
            chunkMinChars = Math.min(DEFAULT_CHUNK_MIN_CHARS, chunkMaxChars);
        }
        Checks.range("retrieval.chunkMinChars", chunkMinChars, 0, chunkMaxChars);
        Checks.positive("retrieval.rrfK", rrfK);
    }

    /** The settings with the default ranking weights. */
    public RetrievalConfig(int passages, int candidates, int chunkMaxChars, int rrfK, Boolean vectors) {
        this(passages, candidates, chunkMaxChars, rrfK, vectors, null);
    }

    public static RetrievalConfig defaults() {
        return new RetrievalConfig(0, 0, 0, 0, null, null);
    }
}
