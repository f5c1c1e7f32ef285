package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.SqlEssayStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures on the real 312-article corpus (skipped without it): rebuild time and index size, embedding
 * throughput, a restart that embeds nothing, and query latency. Prints what it measures.
 */
class WikipediaCorpusTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpora", "wikipedia-songs", "songs.jsonl");
    private static final RetrievalConfig CONFIG = RetrievalConfig.defaults();

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("the whole corpus indexes, restarts without embedding, and answers title questions quickly")
    void corpusFigures() throws IOException {
        Assumptions.assumeTrue(Files.exists(CORPUS), "wikipedia-songs corpus absent at " + CORPUS);
        SqlEssayStore store = SqlEssayStore.open(dataDir.resolve("essays.db"));
        List<Essay> essays = new ArrayList<>();
        for (EssayDraft draft : readCorpus()) {
            essays.add(store.add(draft, Scope.GLOBAL).essay());
        }
        SharedModel.get().embed("warm up: load the model before timing");

        int passages;
        long cpuBefore = processCpuNanos();
        try (CachingEmbedder cache = CachingEmbedder.open(SharedModel.get(), dataDir);
                LuceneIndex index = LuceneIndex.open(dataDir.resolve("index"), IndexLayout.of(CONFIG, cache))) {
            IndexMaintainer maintainer = new IndexMaintainer(index, Chunker.of(CONFIG), cache);
            IndexMaintainer.SyncResult built = maintainer.syncWith(store);
            passages = built.passages();
            double seconds = built.took().toMillis() / 1000.0;
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            System.out.printf(Locale.ROOT, "CORPUS rebuild: %d essays, %d passages, %d embedded in %.1f s wall, "
                            + "%.1f s CPU (%.1f passages/s wall, %.1f per CPU-second, incl. indexing); "
                            + "index %.1f MB, cache %.1f MB%n",
                    built.essays(), passages, built.embedded(), seconds, cpuSeconds, passages / seconds,
                    passages / cpuSeconds,
                    index.sizeOnDisk() / 1e6, Files.size(dataDir.resolve("embeddings.sqlite")) / 1e6);
            assertEquals(essays.size(), built.essays());
            assertEquals(passages, index.passageCount());

            measureQueries(new HybridRetriever(index, cache, store, CONFIG), essays);
        }

        MiniLmEmbedder fresh = new MiniLmEmbedder(2);
        try (CachingEmbedder cache = CachingEmbedder.open(fresh, dataDir);
                LuceneIndex index = LuceneIndex.open(dataDir.resolve("index"), IndexLayout.of(CONFIG, cache))) {
            IndexMaintainer.SyncResult again =
                    new IndexMaintainer(index, Chunker.of(CONFIG), cache).syncWith(store);
            System.out.printf(Locale.ROOT, "CORPUS restart: rebuilt=%s, %d embedded, checked in %d ms%n",
                    again.rebuilt(), cache.computedCount(), again.took().toMillis());
            assertFalse(again.rebuilt());
            assertFalse(fresh.isLoaded());
            assertEquals(passages, index.passageCount());
        }
    }

    private static void measureQueries(HybridRetriever retriever, List<Essay> essays) {
        int asked = 0;
        int songInTop5 = 0;
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < essays.size(); i += 3) {
            Essay essay = essays.get(i);
            String question = "What is the song " + essay.song().title() + " about?";
            long start = System.nanoTime();
            List<RetrievedPassage> found = retriever.retrieve(question, Set.of(), Scope.GLOBAL, 5);
            micros.add((System.nanoTime() - start) / 1_000);
            asked++;
            if (found.stream().anyMatch(r -> r.passage().songId() == essay.song().id())) {
                songInTop5++;
            }
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "CORPUS queries: %d asked, p50 %.1f ms, p99 %.1f ms (question embedding "
                        + "included); the asked-about song in the top 5 for %d (%.0f%%)%n",
                asked, sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0,
                songInTop5, 100.0 * songInTop5 / asked);
        assertTrue(songInTop5 >= asked * 0.8, "titles should find their own articles: " + songInTop5 + "/" + asked);
    }

    @Test
    @DisplayName("two workers with one ONNX thread each embed faster than the library's default constructor")
    void embeddingThroughput() throws IOException {
        Assumptions.assumeTrue(Files.exists(CORPUS), "wikipedia-songs corpus absent at " + CORPUS);
        Chunker chunker = Chunker.of(CONFIG);
        List<String> sample = new ArrayList<>();
        for (EssayDraft draft : readCorpus()) {
            sample.addAll(chunker.chunkText(draft.body()));
        }
        sample = sample.subList(0, 160);
        int chars = sample.stream().mapToInt(String::length).sum();

        SharedModel.get().embedAll(sample.subList(0, 8));
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        SharedModel.get().embedAll(sample);
        double ours = sample.size() / ((System.nanoTime() - start) / 1e9);
        double oursCpu = sample.size() / ((processCpuNanos() - cpu) / 1e9);

        AllMiniLmL6V2QuantizedEmbeddingModel library = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<TextSegment> segments = sample.stream().map(TextSegment::from).toList();
        library.embedAll(segments.subList(0, 8));
        start = System.nanoTime();
        cpu = processCpuNanos();
        library.embedAll(segments);
        double theirs = sample.size() / ((System.nanoTime() - start) / 1e9);
        double theirsCpu = sample.size() / ((processCpuNanos() - cpu) / 1e9);

        System.out.printf(Locale.ROOT, "EMBED %d passages (avg %d chars), load average %.1f: "
                        + "MiniLmEmbedder(2 workers x 1 thread) %.1f/s wall, %.1f per CPU-second; "
                        + "AllMiniLmL6V2QuantizedEmbeddingModel() %.1f/s wall, %.1f per CPU-second%n",
                sample.size(), chars / sample.size(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), ours, oursCpu, theirs, theirsCpu);
        assertTrue(ours > 0 && theirs > 0);
    }

    /** CPU time of this JVM: under a loaded machine, throughput per CPU-second is the comparable figure. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<EssayDraft> readCorpus() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<EssayDraft> drafts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(CORPUS, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode n = json.readTree(line);
                String artist = n.path("artist").isTextual() ? n.get("artist").asText() : "Unknown artist";
                Integer year = n.path("year").isInt() ? n.get("year").asInt() : null;
                drafts.add(new EssayDraft(n.get("title").asText(), artist, List.of(), year, null, null,
                        "Wikipedia", n.get("text").asText()));
            }
        }
        return drafts;
    }

}
