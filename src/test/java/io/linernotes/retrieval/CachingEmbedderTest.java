package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingEmbedderTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("vectors survive a reopen of the SQLite file, so the second run computes nothing")
    void vectorsPersistAcrossReopen() {
        FakeEmbedder model = new FakeEmbedder("fake-1");
        List<float[]> first;
        try (CachingEmbedder cache = CachingEmbedder.open(model, dataDir)) {
            first = cache.embedAll(List.of("alpha", "beta", "gamma"));
            assertEquals(3, cache.computedCount());
        }
        assertTrue(Files.exists(dataDir.resolve("embeddings.sqlite")));

        try (CachingEmbedder cache = CachingEmbedder.open(model, dataDir)) {
            List<float[]> again = cache.embedAll(List.of("gamma", "alpha", "beta"));
            assertEquals(0, cache.computedCount());
            assertEquals(3, cache.hitCount());
            assertArrayEquals(first.get(2), again.get(0));
            assertArrayEquals(first.get(0), again.get(1));
        }
        assertEquals(1, model.calls.size(), "the model was called by the first run only");
    }

    @Test
    @DisplayName("only the misses go to the model, each distinct text once, in batches")
    void missesOnlyDistinctAndBatched() {
        FakeEmbedder model = new FakeEmbedder("fake-1");
        try (CachingEmbedder cache = CachingEmbedder.open(model, dataDir)) {
            cache.embed("known");
            List<String> texts = IntStream.range(0, 150).mapToObj(i -> "text " + (i % 140)).toList();

            List<float[]> vectors = cache.embedAll(concat("known", texts));

            assertEquals(151, vectors.size());
            assertEquals(1 + 140, cache.computedCount(), "140 distinct new texts, the known one cached");
            assertArrayEquals(vectors.get(1), vectors.get(141), "a repeated text gets the same vector");
            model.calls.subList(1, model.calls.size())
                    .forEach(call -> assertTrue(call.size() <= CachingEmbedder.BATCH, "batch of " + call.size()));
            assertEquals(3, model.calls.size() - 1, "140 misses in batches of 64");
        }
    }

    @Test
    @DisplayName("another model id never reads the first model's vectors")
    void keyIncludesModel() {
        try (CachingEmbedder a = CachingEmbedder.open(new FakeEmbedder("model-a"), dataDir)) {
            a.embed("same text");
        }
        try (CachingEmbedder b = CachingEmbedder.open(new FakeEmbedder("model-b"), dataDir)) {
            b.embed("same text");
            assertEquals(1, b.computedCount());
        }
    }

    @Test
    @DisplayName("a float vector round-trips through its blob exactly")
    void blobRoundTrip() {
        float[] v = {0f, -1.5f, 3.25e-7f, Float.MAX_VALUE};
        assertArrayEquals(v, CachingEmbedder.decode(CachingEmbedder.encode(v)));
    }

    private static List<String> concat(String head, List<String> tail) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(head), tail.stream()).toList();
    }
}
