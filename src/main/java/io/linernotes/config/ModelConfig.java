package io.linernotes.config;

import java.util.Locale;
import java.util.Set;

/**
 * Which model writes answers. {@code provider}: {@code extractive} (default, no model), {@code openai}
 * (any OpenAI-compatible server: OpenAI, Ollama, vLLM, LM Studio), {@code anthropic} or {@code gemini}.
 * The API key is read from the environment variable named by {@code apiKeyEnv}, never from a file.
 */
public record ModelConfig(
        String provider,
        String baseUrl,
        String model,
        String apiKeyEnv,
        int timeoutSeconds,
        Integer maxRetries,
        Double temperature,
        int maxTokens,
        Boolean streaming) {

    public static final Set<String> PROVIDERS = Set.of("extractive", "openai", "anthropic", "gemini");

    public ModelConfig {
        provider = provider == null || provider.isBlank() ? "extractive" : provider.trim().toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new ConfigException("model.provider must be one of " + PROVIDERS + ", not '" + provider + "'");
        }
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) {
            apiKeyEnv = switch (provider) {
                case "openai" -> "OPENAI_API_KEY";
                case "anthropic" -> "ANTHROPIC_API_KEY";
                case "gemini" -> "GEMINI_API_KEY";
                default -> "";
            };
        }
        if (timeoutSeconds == 0) {
            timeoutSeconds = 30;
        }
        if (maxRetries == null) {
            maxRetries = 2;
        }
        if (temperature == null) {
            temperature = 0.2;
        }
        if (maxTokens == 0) {
            maxTokens = 600;
        }
        if (streaming == null) {
            streaming = Boolean.TRUE;
        }
        Checks.range("model.timeoutSeconds", timeoutSeconds, 1, 600);
        Checks.range("model.maxRetries", maxRetries, 0, 10);
        Checks.range("model.maxTokens", maxTokens, 16, 32_000);
        if (temperature < 0 || temperature > 2) {
            throw new ConfigException("model.temperature must be between 0 and 2, not " + temperature);
        }
        if (!provider.equals("extractive") && (model == null || model.isBlank())) {
            throw new ConfigException("model.model must name the model for provider '" + provider + "'");
        }
    }

    public static ModelConfig defaults() {
        return new ModelConfig(null, null, null, null, 0, null, null, 0, null);
    }

    public boolean isExtractive() {
        return provider.equals("extractive");
    }
}
