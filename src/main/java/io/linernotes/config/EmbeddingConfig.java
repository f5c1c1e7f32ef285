package io.linernotes.config;

import java.util.Locale;
import java.util.Set;

/**
 * Where passage and question vectors are computed. {@code provider}: {@code in-process} (default: the bundled
 * ONNX model, no network) or {@code openai}: any server speaking OpenAI's {@code /v1/embeddings} (Ollama,
 * text-embeddings-inference, vLLM), useful to import a large corpus on a machine with more cores or a GPU.
 *
 * <p>For {@code openai}: {@code baseUrl} (e.g. {@code http://localhost:8080/v1}) and {@code model} (the server's
 * name for the model) are required; {@code apiKeyEnv} names the environment variable holding a key, if the
 * server wants one; {@code batchSize} texts go in one request; a failed request (5xx, 429, timeout, refused
 * connection) is retried {@code maxRetries} times with backoff; {@code timeoutSeconds} bounds one request.
 * {@code modelId} is the identity of the vectors the server computes: by default the in-process model's, so
 * that a server running the same model fills the same index and embedding cache. At start the server's
 * vector of a fixed probe text is compared with the one recorded for that identity: a different dimension is
 * refused, and so is a cosine under {@code minProbeCosine} (a different model, or different pooling).
 */
public record EmbeddingConfig(String provider, String baseUrl, String model, String apiKeyEnv, String modelId,
        int batchSize, Integer maxRetries, int timeoutSeconds, Double minProbeCosine) {

    public static final String IN_PROCESS = "in-process";
    public static final String OPENAI = "openai";
    public static final Set<String> PROVIDERS = Set.of(IN_PROCESS, OPENAI);

    public EmbeddingConfig {
        provider = provider == null || provider.isBlank() ? IN_PROCESS : provider.trim().toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new ConfigException("embedding.provider must be one of " + PROVIDERS + ", not '" + provider + "'");
        }
        if (apiKeyEnv == null) {
            apiKeyEnv = "";
        }
        if (!apiKeyEnv.isEmpty() && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            throw new ConfigException("embedding.apiKeyEnv must be the NAME of an environment variable (letters,"
                    + " digits and _), not the key; put the key in that variable");
        }
        if (batchSize == 0) {
            batchSize = 32;
        }
        if (maxRetries == null) {
            maxRetries = 3;
        }
        if (timeoutSeconds == 0) {
            timeoutSeconds = 60;
        }
        if (minProbeCosine == null) {
            minProbeCosine = 0.97;
        }
        Checks.range("embedding.batchSize", batchSize, 1, 2_048);
        Checks.range("embedding.maxRetries", maxRetries, 0, 10);
        Checks.range("embedding.timeoutSeconds", timeoutSeconds, 1, 600);
        if (minProbeCosine <= 0 || minProbeCosine > 1) {
            throw new ConfigException("embedding.minProbeCosine must be above 0 and at most 1, not " + minProbeCosine);
        }
        if (provider.equals(OPENAI)) {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new ConfigException("embedding.baseUrl must give the embedding server's URL"
                        + " (e.g. http://localhost:8080/v1) for provider 'openai'");
            }
            if (model == null || model.isBlank()) {
                throw new ConfigException("embedding.model must name the model on the embedding server"
                        + " (e.g. all-minilm or sentence-transformers/all-MiniLM-L6-v2) for provider 'openai'");
            }
        }
        if (modelId != null && modelId.isBlank()) {
            modelId = null;
        }
    }

    public static EmbeddingConfig defaults() {
        return new EmbeddingConfig(null, null, null, null, null, 0, null, 0, null);
    }

    /** A remote OpenAI-compatible server with default batching, retries and probe threshold. */
    public static EmbeddingConfig remote(String baseUrl, String model, String modelId) {
        return new EmbeddingConfig(OPENAI, baseUrl, model, null, modelId, 0, null, 0, null);
    }

    public boolean inProcess() {
        return provider.equals(IN_PROCESS);
    }
}
