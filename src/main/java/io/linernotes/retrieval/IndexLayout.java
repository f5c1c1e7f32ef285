package io.linernotes.retrieval;

import io.linernotes.config.RetrievalConfig;

/**
 * Everything besides the essays that decides what the index holds: the embedding model (null when vectors
 * are off), its dimension, and the passage size cap and packing size. The index records it at each commit; an index built
 * under another layout is rebuilt rather than mixed with new passages.
 */
public record IndexLayout(String modelId, int dimension, int chunkMaxChars, int chunkMinChars) {

    /** A layout with one passage per paragraph (no packing). */
    public IndexLayout(String modelId, int dimension, int chunkMaxChars) {
        this(modelId, dimension, chunkMaxChars, 0);
    }

    /** Bumped when field names or analysis change, so old indexes are rebuilt. */
    static final int SCHEMA = 1;

    public IndexLayout {
        if (modelId != null && dimension <= 0) {
            throw new IllegalArgumentException("a vector model needs a positive dimension");
        }
        if (modelId == null) {
            dimension = 0;
        }
    }

    /** The layout for {@code config}; {@code embedder} is ignored (and may be null) when vectors are off. */
    public static IndexLayout of(RetrievalConfig config, Embedder embedder) {
        if (!config.vectors()) {
            return new IndexLayout(null, 0, config.chunkMaxChars(), config.chunkMinChars());
        }
        return new IndexLayout(embedder.modelId(), embedder.dimension(), config.chunkMaxChars(),
                config.chunkMinChars());
    }

    public boolean vectors() {
        return modelId != null;
    }

    /** The stable text form stored in the index's commit data. */
    public String signature() {
        return "schema=" + SCHEMA + ";model=" + (modelId == null ? "none" : modelId) + ";dim=" + dimension
                + ";chunk=" + chunkMaxChars + (chunkMinChars == 0 ? "" : ";pack=" + chunkMinChars);
    }
}
