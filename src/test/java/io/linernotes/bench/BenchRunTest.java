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
    @DisplayName("a bench of 60 essays reports every figure: per kind, memory of its child processes, the answer cache")
    void tinyBenchReportsEverything(@TempDir Path dir) throws Exception {
        List<String> progress = new ArrayList<>();
        List<BenchResult> results = BenchRun.run(new BenchRun.Options(List.of(60), 6, 1, dir, AppConfig.defaults(),
                null, 4, 40, List.of("-Xmx512m")), progress::add);

        assertEquals(1, results.size());
        BenchResult r = results.get(0);
        assertEquals(60, r.essays());
        assertTrue(r.paragraphs() >= 60, "paragraphs " + r.paragraphs());
        assertTrue(r.importMillis() > 0 && r.importParagraphsPerSecond() > 0);
        assertTrue(r.rawEmbeddingSample() > 0 && r.rawEmbeddingParagraphsPerSecond() > 0);
        assertTrue(r.indexBytes() > 0 && r.dataDirBytes() >= r.indexBytes(), "index " + r.indexBytes());
        assertTrue(r.coldStartMillis() > 0);
        assertEquals(0, r.embeddingsComputedAtColdStart(), "a restart on a persisted index embeds nothing");
        assertEquals(BenchQuestions.KINDS, r.kinds().stream().map(KindFigures::kind).toList());
        for (KindFigures k : r.kinds()) {
            assertEquals(6, k.count(), k.kind());
            for (Latency l : List.of(k.engine(), k.baseline())) {
                assertTrue(l.p50Ms() > 0 && l.p99Ms() >= l.p50Ms(), k.kind() + " " + l);
            }
            assertTrue(k.engineSongTop1() >= 0 && k.engineSongTop1() <= 1);
            boolean hasEvidence = k.kind().equals("content") || k.kind().equals("line");
            assertEquals(hasEvidence, k.engineEvidenceAt5() >= 0, k.kind());
            assertEquals(hasEvidence, k.baselineEvidenceAt5() >= 0, k.kind());
        }
        assertEquals(24, r.answerAllKinds().count());
        assertTrue(r.autocomplete().count() > 0 && r.autocomplete().p99Ms() >= r.autocomplete().p50Ms());
        assertTrue(r.baselineSegments() >= 60 && r.baselineIndexMillis() > 0);
        assertTrue(r.residentKb() > 0 && r.peakResidentKb() >= r.residentKb());
        assertTrue(r.askPeakKb() > 50_000, "a one-shot ask was measured: " + r.askPeakKb());
        assertTrue(r.botSteadyKb() > 50_000 && r.botPeakKb() >= r.botSteadyKb(), "the console was measured");

        AnswerCacheBench.Figures cache = r.cache();
        assertEquals(40, cache.questions());
        assertEquals(20, cache.songs());
        assertTrue(cache.answeredByModel() > 20, "most questions answered by the model path: " + cache);
        assertTrue(cache.modelCalls() < cache.answeredByModel(), "repeats were served from the cache: " + cache);
        assertEquals(cache.answeredByModel() - cache.modelCalls(), cache.hits(), cache.toString());

        assertTrue(BenchTable.json(results).contains("\"engineSongTop1\""));
        String table = BenchTable.row(r);
        assertTrue(table.contains("answer cache") && table.contains("absent") && table.contains("console after"), table);
        assertTrue(progress.stream().anyMatch(line -> line.contains("answer cache")));
    }
}
