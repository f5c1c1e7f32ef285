package io.linernotes.bench;

import java.util.List;

/**
 * The figures measured at one corpus size. Throughputs are per second of wall time; sizes in bytes; memory
 * in kB; latencies in milliseconds. {@code importMillis} is the time spent importing summed over the
 * {@code importSessions} runs that did it (an interrupted bench resumes), during which {@code importEmbedded}
 * texts were embedded (fewer than the paragraphs when an earlier run's vectors were cached).
 * {@code rawEmbeddingParagraphsPerSecond} is the import's own embedder (the bundled model, one ONNX thread per
 * worker, a worker per core), fresh and without cache, on a sample of the same paragraphs in the same run: the
 * ceiling import approaches when it embeds every paragraph. {@code baselineIndexMillis} is the baseline's
 * splitting and embedding, of which {@code baselineEmbedded} segments were embedded in this run (the rest
 * came from its cache in the work directory). {@code kinds} has, per kind of question, the engine's
 * answer latency (resolve + retrieve + extractive answer) and the baseline's retrieval latency with both
 * sides' recall on the same questions. Memory: {@code residentKb}/{@code peakResidentKb} of the bench JVM
 * (baseline included); {@code askPeakKb} of a one-shot {@code ask} in its own JVM; {@code botSteadyKb} and
 * {@code botPeakKb} of a long-running {@code console} (the bot's engine without Discord) after answering
 * {@code botQuestions} questions. {@code cache} is null when the answer-cache workload was not run.
 * {@code load} is the machine's one-minute load average read after the import, the raw embedding and the
 * questions.
 */
public record BenchResult(
        int essays,
        int paragraphs,
        String textSource,
        long importMillis,
        double importParagraphsPerSecond,
        long importEmbedded,
        int importSessions,
        int rawEmbeddingSample,
        double rawEmbeddingParagraphsPerSecond,
        long indexBytes,
        long dataDirBytes,
        long coldStartMillis,
        long embeddingsComputedAtColdStart,
        List<KindFigures> kinds,
        Latency answerAllKinds,
        Latency autocomplete,
        int baselineSegments,
        long baselineIndexMillis,
        long baselineEmbedded,
        Latency baselineAllKinds,
        long residentKb,
        long peakResidentKb,
        long askPeakKb,
        long botSteadyKb,
        long botPeakKb,
        int botQuestions,
        AnswerCacheBench.Figures cache,
        Load load) {

    /** One-minute load averages of the machine (-1: not readable). */
    public record Load(double afterImport, double afterRawEmbedding, double afterQuestions) {
    }
}
