package io.linernotes.bench;

/**
 * The figures measured at one corpus size. Throughputs are per second of wall time; sizes in bytes; memory
 * in kB; latencies in milliseconds. {@code rawEmbeddingParagraphsPerSecond} is langchain4j's
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel.embedAll} on a sample of the same paragraphs in the same run: the floor
 * import cannot beat when it embeds every paragraph.
 */
public record BenchResult(
        int essays,
        int paragraphs,
        long importMillis,
        double importParagraphsPerSecond,
        int rawEmbeddingSample,
        double rawEmbeddingParagraphsPerSecond,
        long indexBytes,
        long dataDirBytes,
        long coldStartMillis,
        long embeddingsComputedAtColdStart,
        Latency answer,
        Latency autocomplete,
        int baselineSegments,
        long baselineIndexMillis,
        Latency baselineRetrieve,
        long residentKb,
        long peakResidentKb) {
}
