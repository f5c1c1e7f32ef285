package io.linernotes.retrieval;

import java.util.List;

/**
 * Turns text into a vector for semantic search. Vectors of different {@link #modelId()}s are not comparable:
 * the index records the model it was built with and is rebuilt when that changes.
 */
public interface Embedder {

    float[] embed(String text);

    /** Vectors for {@code texts}, in the same order. */
    List<float[]> embedAll(List<String> texts);

    /** A stable name of the model (and of anything that changes its vectors). */
    String modelId();

    int dimension();
}
