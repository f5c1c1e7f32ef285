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
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, """
                %d essays (%d paragraphs; prose from %s)
                  import              %.1f paragraphs/s (%d ms, %d texts embedded, %d session(s)); raw embedding %.1f paragraphs/s (sample %d)
                  on disk             index %.1f MB, data dir %.1f MB
                  cold start          %d ms (embeddings computed at start: %d)
                  autocomplete        p50 %.2f ms, p99 %.2f ms (n=%d)
                  answer, all kinds   p50 %.1f ms, p99 %.1f ms (n=%d); baseline retrieve p50 %.1f ms, p99 %.1f ms
                  baseline            %d segments, indexed in %d ms (%d embedded in this run)
                  load average        %.2f after import, %.2f after raw embedding, %.2f after the questions
                """, r.essays(), r.paragraphs(), r.textSource(), r.importParagraphsPerSecond(), r.importMillis(),
                r.importEmbedded(), r.importSessions(), r.rawEmbeddingParagraphsPerSecond(), r.rawEmbeddingSample(), r.indexBytes() / 1e6,
                r.dataDirBytes() / 1e6, r.coldStartMillis(), r.embeddingsComputedAtColdStart(), r.autocomplete().p50Ms(),
                r.autocomplete().p99Ms(), r.autocomplete().count(), r.answerAllKinds().p50Ms(),
                r.answerAllKinds().p99Ms(), r.answerAllKinds().count(), r.baselineAllKinds().p50Ms(),
                r.baselineAllKinds().p99Ms(), r.baselineSegments(), r.baselineIndexMillis(), r.baselineEmbedded(),
                r.load().afterImport(), r.load().afterRawEmbedding(), r.load().afterQuestions()));
        sb.append("  per kind            engine p50/p99 ms, song@1, evidence@5 | baseline p50/p99 ms, song@1, evidence@5"
                + " (absent: share refused)\n");
        for (KindFigures k : r.kinds()) {
            sb.append(String.format(Locale.ROOT, "    %-8s n=%-4d engine %6.1f / %6.1f  %5.3f  %5s | baseline %6.1f / %6.1f"
                    + "  %5.3f  %5s%n", k.kind(), k.count(), k.engine().p50Ms(), k.engine().p99Ms(), k.engineSongTop1(),
                    share(k.engineEvidenceAt5()), k.baseline().p50Ms(), k.baseline().p99Ms(), k.baselineSongTop1(),
                    share(k.baselineEvidenceAt5())));
        }
        sb.append(String.format(Locale.ROOT, "  resident memory     ask (one-shot JVM) peak %s; console after %d questions"
                + " %s (peak %s); bench JVM %d MB (peak %d MB)%n", mb(r.askPeakKb()), r.botQuestions(),
                mb(r.botSteadyKb()), mb(r.botPeakKb()), r.residentKb() / 1024, r.peakResidentKb() / 1024));
        AnswerCacheBench.Figures c = r.cache();
        if (c != null) {
            sb.append(String.format(Locale.ROOT, "  answer cache        %d questions over %d songs: %d answered by the model"
                    + " path, %d model calls, %d served from the cache (hit rate %.3f, %d calls saved); hit p50 %.1f ms,"
                    + " miss p50 %.1f ms%n", c.questions(), c.songs(), c.answeredByModel(), c.modelCalls(), c.hits(),
                    c.hitRate(), c.answeredByModel() - c.modelCalls(), c.hitLatency().p50Ms(), c.missLatency().p50Ms()));
        }
        return sb.toString().stripTrailing();
    }

    private static String share(double value) {
        return value < 0 ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String mb(long kb) {
        return kb < 0 ? "not measured" : (kb / 1024) + " MB";
    }

    public static String json(List<BenchResult> results) throws IOException {
        return JSON.writeValueAsString(java.util.Map.of("results", results));
    }

    public static void write(List<BenchResult> results, Path file) throws IOException {
        Files.writeString(file, json(results));
    }
}
