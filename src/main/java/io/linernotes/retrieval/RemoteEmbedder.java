package io.linernotes.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.linernotes.config.ConfigException;
import io.linernotes.config.EmbeddingConfig;
import io.linernotes.resilience.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors from a server speaking OpenAI's {@code /v1/embeddings} (Ollama, text-embeddings-inference, vLLM)
 * through langchain4j's {@link OpenAiEmbeddingModel}. Texts go in requests of {@code embedding.batchSize};
 * a request that fails with a retryable error (5xx, 429, timeout, refused connection) is tried again with
 * backoff, up to {@code embedding.maxRetries} times, by the same {@link RetryPolicy} the answer models use
 * (the client's own retries are off, so there is one loop).
 *
 * <p>The dimension is learnt from the server at {@link #connect}, by embedding the probe text; every later
 * vector must have it, or the batch fails (a server that changed its model under a running process).
 */
public final class RemoteEmbedder implements Embedder {

    private static final Logger log = LoggerFactory.getLogger(RemoteEmbedder.class);
    /** Servers that check no key still make the client send one. */
    private static final String NO_KEY = "not-needed";

    private final OpenAiEmbeddingModel client;
    private final String modelId;
    private final String where;
    private final int batchSize;
    private final RetryPolicy retry;
    private final float[] probe;

    private RemoteEmbedder(OpenAiEmbeddingModel client, String modelId, String where, int batchSize,
            RetryPolicy retry, float[] probe) {
        this.client = client;
        this.modelId = modelId;
        this.where = where;
        this.batchSize = batchSize;
        this.retry = retry;
        this.probe = probe;
    }

    /**
     * Builds the client and embeds the probe text once, which both checks that the server answers and
     * learns the dimension of its vectors.
     *
     * @param defaultModelId the identity of the vectors when {@code embedding.modelId} is not set
     * @param env            reads environment variables (the API key, if {@code embedding.apiKeyEnv} is set)
     * @throws ConfigException when the server cannot be reached or answers with no usable vector
     */
    public static RemoteEmbedder connect(EmbeddingConfig config, String defaultModelId, Function<String, String> env) {
        return connect(config, defaultModelId, env, RetryPolicy.standard(config.maxRetries()));
    }

    static RemoteEmbedder connect(EmbeddingConfig config, String defaultModelId, Function<String, String> env,
            RetryPolicy retry) {
        String key = config.apiKeyEnv().isEmpty() ? null : env.apply(config.apiKeyEnv());
        if (!config.apiKeyEnv().isEmpty() && (key == null || key.isBlank())) {
            throw new ConfigException("embedding.apiKeyEnv: the environment variable " + config.apiKeyEnv()
                    + " is not set");
        }
        OpenAiEmbeddingModel client = OpenAiEmbeddingModel.builder()
                .baseUrl(config.baseUrl())
                .apiKey(key == null || key.isBlank() ? NO_KEY : key.strip())
                .modelName(config.model())
                .maxSegmentsPerBatch(config.batchSize())
                .timeout(Duration.ofSeconds(config.timeoutSeconds()))
                .maxRetries(0)
                .build();
        String where = "'" + config.model() + "' at " + config.baseUrl();
        String id = config.modelId() == null ? defaultModelId : config.modelId();
        float[] probe;
        try {
            probe = retry.run("embedding server", () -> embedBatch(client, List.of(EmbeddingProbe.TEXT))).get(0);
        } catch (RuntimeException e) {
            throw new ConfigException("embedding.provider openai: the embedding server " + where
                    + " did not embed the probe text: " + e.getMessage(), e);
        }
        if (probe.length == 0) {
            throw new ConfigException("embedding.provider openai: the embedding server " + where
                    + " returned an empty vector");
        }
        log.info("Embedding server {} answers with {}-dimension vectors (identity {}, batches of {}, {} retries)",
                where, probe.length, id, config.batchSize(), config.maxRetries());
        return new RemoteEmbedder(client, id, where, config.batchSize(), retry, probe);
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
            List<float[]> vectors = retry.run("embedding server", () -> embedBatch(client, batch));
            if (vectors.size() != batch.size()) {
                throw new IllegalStateException("the embedding server " + where + " returned " + vectors.size()
                        + " vectors for " + batch.size() + " texts");
            }
            for (float[] v : vectors) {
                if (v.length != probe.length) {
                    throw new IllegalStateException("the embedding server " + where + " returned a " + v.length
                            + "-dimension vector after " + probe.length + "-dimension ones; was its model changed?");
                }
            }
            out.addAll(vectors);
        }
        return out;
    }

    private static List<float[]> embedBatch(OpenAiEmbeddingModel client, List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(text));
        }
        List<Embedding> embeddings = client.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(e.vector());
        }
        return out;
    }

    /** The server's vector of {@link EmbeddingProbe#TEXT}, taken at {@link #connect}. */
    public float[] probeVector() {
        return probe.clone();
    }

    /** The model and URL, for messages. */
    public String where() {
        return where;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return probe.length;
    }
}
