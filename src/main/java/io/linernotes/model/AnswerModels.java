package io.linernotes.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.linernotes.config.ConfigException;
import io.linernotes.config.ModelConfig;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the answer model the configuration asks for: the extractive one, or a langchain4j model (OpenAI
 * protocol, Anthropic, Gemini) wrapped in {@link FallbackAnswerModel} so a failing model still yields an
 * extractive answer. Missing keys are start-up errors that name the variable, never a value.
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
        if (config.isExtractive()) {
            log.info("Answers are extractive (no model configured)");
            return new ExtractiveAnswerModel();
        }
        return new FallbackAnswerModel(createLangchain(config, env), new ExtractiveAnswerModel());
    }

    /** The language model alone, without the extractive fallback. */
    public static LangchainAnswerModel createLangchain(ModelConfig config, Function<String, String> env) {
        String key = apiKey(config, env);
        Duration timeout = Duration.ofSeconds(config.timeoutSeconds());
        boolean stream = Boolean.TRUE.equals(config.streaming());
        String name = config.provider() + ":" + config.model();
        ChatModel chat = null;
        StreamingChatModel streaming = null;
        if (config.provider().equals("openai")) {
            if (stream) {
                streaming = OpenAiStreamingChatModel.builder().baseUrl(config.baseUrl()).apiKey(key)
                        .modelName(config.model()).temperature(config.temperature()).maxTokens(config.maxTokens())
                        .timeout(timeout).build();
            } else {
                chat = OpenAiChatModel.builder().baseUrl(config.baseUrl()).apiKey(key)
                        .modelName(config.model()).temperature(config.temperature()).maxTokens(config.maxTokens())
                        .timeout(timeout).maxRetries(0).build();
            }
        } else if (config.provider().equals("anthropic")) {
            if (stream) {
                streaming = AnthropicStreamingChatModel.builder().baseUrl(config.baseUrl()).apiKey(key)
                        .modelName(config.model()).temperature(config.temperature()).maxTokens(config.maxTokens())
                        .timeout(timeout).build();
            } else {
                chat = AnthropicChatModel.builder().baseUrl(config.baseUrl()).apiKey(key)
                        .modelName(config.model()).temperature(config.temperature()).maxTokens(config.maxTokens())
                        .timeout(timeout).maxRetries(0).build();
            }
        } else if (config.provider().equals("gemini")) {
            if (stream) {
                streaming = GoogleAiGeminiStreamingChatModel.builder().baseUrl(config.baseUrl()).apiKey(key)
                        .modelName(config.model()).temperature(config.temperature())
                        .maxOutputTokens(config.maxTokens()).timeout(timeout).build();
            } else {
                chat = GoogleAiGeminiChatModel.builder().baseUrl(config.baseUrl()).apiKey(key)
                        .modelName(config.model()).temperature(config.temperature())
                        .maxOutputTokens(config.maxTokens()).timeout(timeout).maxRetries(0).build();
            }
        } else {
            throw new ConfigException("model.provider '" + config.provider() + "' has no language model");
        }
        log.info("Answers by {} at {} (streaming {}, timeout {} s, retries {})", name,
                config.baseUrl() == null ? "the provider's default URL" : config.baseUrl(), stream,
                config.timeoutSeconds(), config.maxRetries());
        return new LangchainAnswerModel(name, chat, streaming, timeout, RetryPolicy.standard(config.maxRetries()));
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
