package io.linernotes.model;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.linernotes.config.ConfigException;
import io.linernotes.config.ModelConfig;
import io.linernotes.resilience.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the answer model the configuration asks for: the extractive one, or a langchain4j model (OpenAI
 * protocol, Anthropic, Gemini), optionally a secondary one, wrapped in {@link FallbackAnswerModel} so a
 * failing model still yields an answer. Every client runs on {@link RetryAfterHttpClient}, so that a
 * provider's {@code retry-after} is honoured. Missing keys are start-up errors that name the variable, never a
 * value.
 */
public final class AnswerModels {

    private static final Logger log = LoggerFactory.getLogger(AnswerModels.class);
    /** Local OpenAI-compatible servers (Ollama, vLLM, LM Studio) ignore the key but the client wants one. */
    static final String LOCAL_KEY_PLACEHOLDER = "not-needed";

    private AnswerModels() {
    }

    /**
     * @param config the model settings
     * @param env    reads environment variables (System::getenv in production)
     * @throws ConfigException when a needed API key is not set
     */
    public static AnswerModel create(ModelConfig config, Function<String, String> env) {
        return create(config, env, Clock.systemUTC());
    }

    /**
     * As {@link #create(ModelConfig, Function)}, with the clock the circuit breakers read (tests move it).
     * The chain is: the model, then {@code model.secondary} when set, then the extractive answer, all within
     * {@code model.deadlineSeconds}; each provider has its own breaker.
     */
    public static AnswerModel create(ModelConfig config, Function<String, String> env, Clock clock) {
        if (config.isExtractive()) {
            log.info("Answers are extractive (no model configured)");
            return new ExtractiveAnswerModel();
        }
        List<FallbackAnswerModel.Provider> providers = new ArrayList<>();
        providers.add(provider(config, config, env, clock));
        if (config.secondary() != null) {
            providers.add(provider(config.secondary(), config, env, clock));
        }
        log.info("Answer deadline {} s; circuit opens after {} failures for {} s; answers capped at {} chars",
                config.deadlineSeconds(), config.breakerFailures(), config.breakerCooldownSeconds(),
                config.maxAnswerChars());
        return new FallbackAnswerModel(providers, new ExtractiveAnswerModel(),
                Duration.ofSeconds(config.deadlineSeconds()), new OutputPolicy(config.maxAnswerChars()));
    }

    private static FallbackAnswerModel.Provider provider(ModelConfig settings, ModelConfig limits,
            Function<String, String> env, Clock clock) {
        LangchainAnswerModel model = createLangchain(settings, env);
        return new FallbackAnswerModel.Provider(model, breaker(model.name(), limits.breakerFailures(),
                Duration.ofSeconds(limits.breakerCooldownSeconds()), clock));
    }

    /**
     * The breaker that skips a provider which keeps failing. After {@code failures} consecutive failed calls
     * (a count window of that size, all failed) the circuit opens and every call is refused at once for
     * {@code coolDown}, so answers go straight to the next provider or the extractive answer; then one trial
     * call is let through: success closes the circuit, failure opens it for another cool-down. A request
     * fault ({@link RetryPolicy#isRequestFault}) counts as a success: the provider answered. The clock is
     * injectable so tests move time instead of sleeping.
     */
    static CircuitBreaker breaker(String name, int failures, Duration coolDown, Clock clock) {
        CircuitBreaker breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindow(failures, failures, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(coolDown)
                .recordException(failure -> !RetryPolicy.isRequestFault(failure))
                .clock(clock)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> log.info("Circuit for {}: {}", name,
                event.getStateTransition()));
        return breaker;
    }

    /** The language model alone, without the extractive fallback. */
    public static LangchainAnswerModel createLangchain(ModelConfig config, Function<String, String> env) {
        return createLangchain(config, env, RetryPolicy.standard(config.maxRetries()));
    }

    /** As above with a given retry policy (tests use short waits or record them). */
    static LangchainAnswerModel createLangchain(ModelConfig config, Function<String, String> env, RetryPolicy retry) {
        String key = apiKey(config, env);
        Duration timeout = Duration.ofSeconds(config.timeoutSeconds());
        boolean stream = Boolean.TRUE.equals(config.streaming());
        String name = config.provider() + ":" + config.model();
        // Every client runs on RetryAfterHttpClient with no retries of its own: RetryPolicy is the only loop.
        HttpClientBuilder http = RetryAfterHttpClient.builder();
        ChatRequestParameters params = ChatRequestParameters.builder().modelName(config.model())
                .temperature(config.temperature()).maxOutputTokens(config.maxTokens()).build();
        String url = config.baseUrl();
        Object client = switch (config.provider() + (stream ? "/streaming" : "")) {
            case "openai" -> OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(url).apiKey(key)
                    .defaultRequestParameters(params).timeout(timeout).maxRetries(0).build();
            case "openai/streaming" -> OpenAiStreamingChatModel.builder().httpClientBuilder(http).baseUrl(url)
                    .apiKey(key).defaultRequestParameters(params).timeout(timeout).build();
            case "anthropic" -> AnthropicChatModel.builder().httpClientBuilder(http).baseUrl(url).apiKey(key)
                    .defaultRequestParameters(params).timeout(timeout).maxRetries(0).build();
            case "anthropic/streaming" -> AnthropicStreamingChatModel.builder().httpClientBuilder(http).baseUrl(url)
                    .apiKey(key).defaultRequestParameters(params).timeout(timeout).build();
            case "gemini" -> GoogleAiGeminiChatModel.builder().httpClientBuilder(http).baseUrl(url).apiKey(key)
                    .defaultRequestParameters(params).timeout(timeout).maxRetries(0).build();
            case "gemini/streaming" -> GoogleAiGeminiStreamingChatModel.builder().httpClientBuilder(http)
                    .baseUrl(url).apiKey(key).defaultRequestParameters(params).timeout(timeout).build();
            default -> throw new ConfigException("model.provider '" + config.provider() + "' has no language model");
        };
        ChatModel chat = client instanceof ChatModel c ? c : null;
        StreamingChatModel streaming = client instanceof StreamingChatModel s ? s : null;
        log.info("Answers by {} at {} (streaming {}, timeout {} s, retries {})", name,
                config.baseUrl() == null ? "the provider's default URL" : config.baseUrl(), stream,
                config.timeoutSeconds(), config.maxRetries());
        return new LangchainAnswerModel(name, chat, streaming, timeout, retry);
    }

    private static String apiKey(ModelConfig config, Function<String, String> env) {
        String variable = config.apiKeyEnv();
        String key = variable == null || variable.isBlank() ? null : env.apply(variable);
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        if (config.provider().equals("openai") && isLocal(config.baseUrl())) {
            log.info("No API key in {}; assuming the OpenAI-compatible server at {} needs none", variable,
                    config.baseUrl());
            return LOCAL_KEY_PLACEHOLDER;
        }
        throw new ConfigException("model.apiKeyEnv: the environment variable " + variable
                + " is not set, and provider '" + config.provider() + "' needs an API key");
    }

    /** Any base URL other than OpenAI's own is taken as a server that may not check keys. */
    private static boolean isLocal(String baseUrl) {
        return baseUrl != null && !baseUrl.isBlank() && !baseUrl.contains("api.openai.com");
    }
}
