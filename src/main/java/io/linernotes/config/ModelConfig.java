package io.linernotes.config;

import java.util.Locale;
import java.util.Set;

/**
 * Which model writes answers. {@code provider}: {@code extractive} (default, no model), {@code openai}
 * (any OpenAI-compatible server: OpenAI, Ollama, vLLM, LM Studio), {@code anthropic} or {@code gemini}.
 * The API key is read from the environment variable named by {@code apiKeyEnv}, never from a file.
 *
 * <p>Resilience: {@code secondary} is an optional second provider (same keys; only the provider settings are
 * read) tried when the first fails; {@code deadlineSeconds} bounds one answer across every provider, retry
 * and wait before the extractive answer stands in; after {@code breakerFailures} consecutive failures a
 * provider is skipped for {@code breakerCooldownSeconds}; {@code maxAnswerChars} caps a written answer.
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
        Boolean streaming,
        ModelConfig secondary,
        int deadlineSeconds,
        int breakerFailures,
        int breakerCooldownSeconds,
        int maxAnswerChars) {

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
        if (!apiKeyEnv.isEmpty() && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            // Never echo the value: what was pasted here is most likely the key itself.
            throw new ConfigException("model.apiKeyEnv must be the NAME of an environment variable (letters, digits"
                    + " and _), not the key; put the key in that variable");
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
        if (deadlineSeconds == 0) {
            deadlineSeconds = 12;
        }
        if (breakerFailures == 0) {
            breakerFailures = 5;
        }
        if (breakerCooldownSeconds == 0) {
            breakerCooldownSeconds = 30;
        }
        if (maxAnswerChars == 0) {
            maxAnswerChars = 3_500;
        }
        Checks.range("model.deadlineSeconds", deadlineSeconds, 1, 600);
        Checks.range("model.breakerFailures", breakerFailures, 1, 100);
        Checks.range("model.breakerCooldownSeconds", breakerCooldownSeconds, 1, 3_600);
        Checks.range("model.maxAnswerChars", maxAnswerChars, 200, 20_000);
        if (secondary != null) {
            if (provider.equals("extractive")) {
                throw new ConfigException("model.secondary is set but model.provider is extractive: "
                        + "configure the first provider, or remove the secondary");
            }
            if (secondary.isExtractive()) {
                throw new ConfigException("model.secondary.provider must name a language model "
                        + "(openai, anthropic or gemini); the extractive answer is always the last resort");
            }
            if (secondary.secondary() != null) {
                throw new ConfigException("model.secondary cannot have a secondary of its own");
            }
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

    /** The provider settings alone, with no secondary and default resilience settings. */
    public ModelConfig(String provider, String baseUrl, String model, String apiKeyEnv, int timeoutSeconds,
            Integer maxRetries, Double temperature, int maxTokens, Boolean streaming) {
        this(provider, baseUrl, model, apiKeyEnv, timeoutSeconds, maxRetries, temperature, maxTokens, streaming,
                null, 0, 0, 0, 0);
    }

    public static ModelConfig defaults() {
        return new ModelConfig(null, null, null, null, 0, null, null, 0, null);
    }

    /** This configuration with {@code newSecondary} as its second provider. */
    public ModelConfig withSecondary(ModelConfig newSecondary) {
        return new ModelConfig(provider, baseUrl, model, apiKeyEnv, timeoutSeconds, maxRetries, temperature,
                maxTokens, streaming, newSecondary, deadlineSeconds, breakerFailures, breakerCooldownSeconds,
                maxAnswerChars);
    }

    /** This configuration with other resilience settings (0 = the default). */
    public ModelConfig withLimits(int newDeadlineSeconds, int newBreakerFailures, int newBreakerCooldownSeconds,
            int newMaxAnswerChars) {
        return new ModelConfig(provider, baseUrl, model, apiKeyEnv, timeoutSeconds, maxRetries, temperature,
                maxTokens, streaming, secondary, newDeadlineSeconds, newBreakerFailures, newBreakerCooldownSeconds,
                newMaxAnswerChars);
    }

    public boolean isExtractive() {
        return provider.equals("extractive");
    }
}
