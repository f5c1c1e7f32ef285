package io.linernotes.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Renders benchmark results as text lines and as JSON. */
public final class BenchTable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchTable() {
    }

    /** A readable block for one size. */
    public static String row(BenchResult r) {
        return String.format(Locale.ROOT, """
                %d essays (%d paragraphs)
                  import              %.1f paragraphs/s (%d ms); raw embedding %.1f paragraphs/s (sample %d)
                  on disk             index %.1f MB, data dir %.1f MB
                  cold start          %d ms (embeddings computed at start: %d)
                  answer (extractive) p50 %.1f ms, p99 %.1f ms (n=%d)
                  autocomplete        p50 %.2f ms, p99 %.2f ms (n=%d)
                  baseline retrieve   p50 %.1f ms, p99 %.1f ms (%d segments, indexed in %d ms)
                  resident memory     %d MB now, %d MB peak""",
                r.essays(), r.paragraphs(), r.importParagraphsPerSecond(), r.importMillis(),
                r.rawEmbeddingParagraphsPerSecond(), r.rawEmbeddingSample(), r.indexBytes() / 1e6,
                r.dataDirBytes() / 1e6, r.coldStartMillis(), r.embeddingsComputedAtColdStart(), r.answer().p50Ms(),
                r.answer().p99Ms(), r.answer().count(), r.autocomplete().p50Ms(), r.autocomplete().p99Ms(),
                r.autocomplete().count(), r.baselineRetrieve().p50Ms(), r.baselineRetrieve().p99Ms(),
                r.baselineSegments(), r.baselineIndexMillis(), r.residentKb() / 1024, r.peakResidentKb() / 1024);
    }

    public static String json(List<BenchResult> results) throws IOException {
        return JSON.writeValueAsString(java.util.Map.of("results", results));
    }

    public static void write(List<BenchResult> results, Path file) throws IOException {
        Files.writeString(file, json(results));
    }
}
