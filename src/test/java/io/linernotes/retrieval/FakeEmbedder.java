package io.linernotes.retrieval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stand-in model for testing the cache's bookkeeping (not retrieval quality, which the
 * real MiniLM tests cover): the vector is derived from the text's bytes, and every call is recorded.
 */
final class FakeEmbedder implements Embedder {

    final List<List<String>> calls = new ArrayList<>();
    private final String modelId;

    FakeEmbedder(String modelId) {
        this.modelId = modelId;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public synchronized List<float[]> embedAll(List<String> texts) {
        calls.add(List.copyOf(texts));
        List<float[]> out = new ArrayList<>();
        for (String t : texts) {
            float[] v = new float[4];
            byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                v[i % 4] += bytes[i];
            }
            v[3] += 1;
            out.add(v);
        }
        return out;
    }

    int textsSeen() {
        return calls.stream().mapToInt(List::size).sum();
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return 4;
    }
}
