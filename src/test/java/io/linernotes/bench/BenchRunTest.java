package io.linernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.AppConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the benchmark at a tiny size to check that it measures everything; it asserts no speed. */
class BenchRunTest {

    @Test
    @DisplayName("a bench of 50 essays reports every figure, each present and positive")
    void tinyBenchReportsEverything(@TempDir Path dir) throws Exception {
        List<String> progress = new ArrayList<>();
        List<BenchResult> results = BenchRun.run(new BenchRun.Options(List.of(50), 20, 1, dir, AppConfig.defaults()),
                progress::add);

        assertEquals(1, results.size());
        BenchResult r = results.get(0);
        assertEquals(50, r.essays());
        assertTrue(r.paragraphs() >= 200 && r.paragraphs() <= 400, "paragraphs " + r.paragraphs());
        assertTrue(r.importMillis() > 0 && r.importParagraphsPerSecond() > 0);
        assertTrue(r.rawEmbeddingSample() > 0 && r.rawEmbeddingParagraphsPerSecond() > 0);
        assertTrue(r.indexBytes() > 0 && r.dataDirBytes() >= r.indexBytes(), "index " + r.indexBytes());
        assertTrue(r.coldStartMillis() > 0);
        assertEquals(0, r.embeddingsComputedAtColdStart(), "a restart on a persisted index embeds nothing");
        for (Latency l : List.of(r.answer(), r.autocomplete(), r.baselineRetrieve())) {
            assertEquals(20, l.count());
            assertTrue(l.p50Ms() > 0 && l.p99Ms() >= l.p50Ms() && l.maxMs() >= l.p99Ms(), l.toString());
        }
        assertTrue(r.baselineSegments() >= 50 && r.baselineIndexMillis() > 0);
        assertTrue(r.residentKb() > 0 && r.peakResidentKb() >= r.residentKb());
        assertTrue(BenchTable.json(results).contains("\"importParagraphsPerSecond\""));
        assertTrue(progress.stream().anyMatch(line -> line.contains("autocomplete")));
    }
}
