package io.linernotes.retrieval;

import io.linernotes.config.ConfigException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a second source of vectors (an embedding server) computes the same vectors as the model a data
 * directory's index and embedding cache were built with. Equal names prove nothing (a server may serve
 * another model, or pool differently under the same name), so the check compares vectors: the dimension,
 * and the cosine between the server's vector of a fixed probe text and the one recorded for that model
 * identity in the embedding cache. The first source to embed the probe under an identity records it.
 */
public final class EmbeddingProbe {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingProbe.class);

    /** Written for this check: ordinary essay prose, long enough that pooling differences show. */
    public static final String TEXT = "The narrator drives out of town at night and keeps returning, in the chorus,"
            + " to the river behind his mother's house: the song is less about leaving than about what stays.";

    private EmbeddingProbe() {
    }

    /**
     * Verifies {@code remote} against the probe vector recorded for its identity in {@code cache}. When none is
     * recorded, {@code reference} may compute one (the in-process model, when the identity is its own); when it
     * gives none either, the remote vector is recorded as the reference for later starts.
     *
     * @return the cosine found, or empty when there was nothing to compare with yet
     * @throws ConfigException when the dimension differs or the cosine is under {@code minCosine}
     */
    public static Optional<Double> verify(RemoteEmbedder remote, CachingEmbedder cache,
            Supplier<Optional<float[]>> reference, double minCosine) {
        float[] server = remote.probeVector();
        Optional<float[]> recorded = cache.probe(remote.modelId());
        if (recorded.isEmpty()) {
            recorded = reference.get();
            recorded.ifPresent(v -> cache.recordProbe(remote.modelId(), v));
        }
        if (recorded.isEmpty()) {
            cache.recordProbe(remote.modelId(), server);
            log.info("No probe vector recorded for {} yet; the embedding server's is now the reference",
                    remote.modelId());
            return Optional.empty();
        }
        float[] expected = recorded.get();
        if (expected.length != server.length) {
            throw new ConfigException("embedding.provider openai: the embedding server " + remote.where()
                    + " returns " + server.length + "-dimension vectors, but this data directory's vectors ("
                    + remote.modelId() + ") have " + expected.length + " dimensions. Serve the same model, or set"
                    + " embedding.modelId to a new name to rebuild the index with the server's model.");
        }
        double cosine = cosine(expected, server);
        if (cosine < minCosine) {
            throw new ConfigException(String.format(java.util.Locale.ROOT,
                    "embedding.provider openai: the embedding server %s does not compute the vectors of %s: its"
                            + " vector of the probe text has a cosine of %.3f to the recorded one (at least %.3f"
                            + " is needed; embedding.minProbeCosine). It serves another model or pools"
                            + " differently. Serve the same model, or set embedding.modelId to a new name to"
                            + " rebuild the index with the server's model.",
                    remote.where(), remote.modelId(), cosine, minCosine));
        }
        log.info("Embedding server {} matches {} (probe cosine {})", remote.where(), remote.modelId(), cosine);
        return Optional.of(cosine);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
