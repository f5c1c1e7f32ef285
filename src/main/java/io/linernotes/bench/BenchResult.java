package io.linernotes.bench;

import java.util.List;

/**
 * The figures measured at one corpus size. Throughputs are per second of wall time; sizes in bytes; memory
 * in kB; latencies in milliseconds. {@code rawEmbeddingParagraphsPerSecond} is langchain4j's
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel.embedAll} on a sample of the same paragraphs in the same run: the floor
 * import cannot beat when it embeds every paragraph. {@code kinds} has, per kind of question, the engine's
 * answer latency (resolve + retrieve + extractive answer) and the baseline's retrieval latency with both
 * sides' recall on the same questions. Memory: {@code residentKb}/{@code peakResidentKb} of the bench JVM
 * (baseline included); {@code askPeakKb} of a one-shot {@code ask} in its own JVM; {@code botSteadyKb} and
 * {@code botPeakKb} of a long-running {@code console} (the bot's engine without Discord) after answering
 * {@code botQuestions} questions. {@code cache} is null when the answer-cache workload was not run.
 */
public record BenchResult(
        int essays,
        int paragraphs,
        String textSource,
        long importMillis,
        double importParagraphsPerSecond,
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
        Latency baselineAllKinds,
        long residentKb,
        long peakResidentKb,
        long askPeakKb,
        long botSteadyKb,
        long botPeakKb,
        int botQuestions,
        AnswerCacheBench.Figures cache) {
}
