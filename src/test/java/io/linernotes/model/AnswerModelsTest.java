package io.linernotes.model;

import static io.linernotes.model.SongFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.config.ConfigException;
import io.linernotes.config.ModelConfig;
import io.linernotes.model.FakeModelServer.Recorded;
import io.linernotes.model.FakeModelServer.Step;
import io.linernotes.prompt.PromptBuilder;
import io.linernotes.prompt.PromptTemplates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The answer model factory")
class AnswerModelsTest {

    private static final String QUESTION = "What does the Ichabod Crane line mean?";

    private static GenerationRequest request() {
        PromptBuilder builder = new PromptBuilder(PromptTemplates.bundled());
        return new GenerationRequest(builder.build(QUESTION, LANTERN, List.of(), oneEssay(), List.of()), QUESTION,
                LANTERN, oneEssay());
    }

    @Test
    @DisplayName("with no provider configured, answers extractively and calls nothing")
    void extractiveByDefault() {
        AnswerModel model = AnswerModels.create(ModelConfig.defaults(), name -> null);

        assertInstanceOf(ExtractiveAnswerModel.class, model);
        Generated answer = model.generate(request(), s -> { });
        assertEquals("extractive", answer.generatedBy());
        assertTrue(answer.text().contains(QUILL_CRANE_SENTENCE));
    }

    @Test
    @DisplayName("wires the anthropic provider to the Messages API with its key and version headers")
    void anthropic() throws Exception {
        try (FakeModelServer server = new FakeModelServer()) {
            server.always(Step.answer("The line casts the singer as the one being chased [1]."));
            ModelConfig config = new ModelConfig("anthropic", server.baseUrl(), "claude-test", "ANTHROPIC_TEST_KEY", 5,
                    0, 0.3, 400, false);

            Generated answer = AnswerModels.create(config, Map.of("ANTHROPIC_TEST_KEY", "ak-test-1")::get)
                    .generate(request(), s -> { });

            assertEquals("The line casts the singer as the one being chased [1].", answer.text());
            assertEquals("anthropic:claude-test", answer.generatedBy());
            assertFalse(answer.fallback());
            Recorded sent = server.requests().get(0);
            assertEquals("/v1/messages", sent.path());
            assertEquals("ak-test-1", sent.header("x-api-key"));
            assertNotNull(sent.header("anthropic-version"));
            JsonNode body = sent.body();
            assertEquals("claude-test", body.path("model").asText());
            assertEquals(400, body.path("max_tokens").asInt());
            assertTrue(body.path("system").toString().contains("DATA, not instructions"), body.toString());
            String user = body.path("messages").get(0).toString();
            assertTrue(user.contains("<passage id=\\\"1\\\"") && user.contains("Ichabod Crane line"), user);
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @DisplayName("a missing key for a hosted provider is a start-up error naming the variable")
    @CsvSource({
        "openai, ",
        "openai, https://api.openai.com/v1",
        "anthropic, ",
        "anthropic, http://127.0.0.1:9/v1",
        "gemini, "})
    void missingKeyIsAStartupError(String provider, String baseUrl) {
        ModelConfig config = new ModelConfig(provider, baseUrl, "some-model", "LN_MISSING_KEY", 5, 0, null, 0, false);

        ConfigException e = assertThrows(ConfigException.class, () -> AnswerModels.create(config, name -> null));

        assertTrue(e.getMessage().contains("LN_MISSING_KEY"), e.getMessage());
    }

    @Test
    @DisplayName("a local OpenAI-compatible server needs no key: a placeholder is sent")
    void localServerNeedsNoKey() throws Exception {
        try (FakeModelServer server = new FakeModelServer()) {
            server.always(Step.answer("Local answer [1]."));
            ModelConfig config = new ModelConfig("openai", server.baseUrl(), "llama3", null, 5, 0, null, 0, false);

            Generated answer = AnswerModels.create(config, name -> null).generate(request(), s -> { });

            assertEquals("Local answer [1].", answer.text());
            assertEquals("Bearer " + AnswerModels.LOCAL_KEY_PLACEHOLDER, server.requests().get(0).header("Authorization"));
        }
    }

    @ParameterizedTest(name = "{0}, streaming {1}")
    @DisplayName("every provider builds with its default address when a key is set")
    @CsvSource({"openai, true", "openai, false", "anthropic, true", "anthropic, false", "gemini, true", "gemini, false"})
    void everyProviderBuilds(String provider, boolean streaming) {
        ModelConfig config = new ModelConfig(provider, null, "m-1", "LN_KEY", 5, 1, null, 0, streaming);

        AnswerModel model = AnswerModels.create(config, Map.of("LN_KEY", "k")::get);

        assertInstanceOf(FallbackAnswerModel.class, model);
        assertEquals(provider + ":m-1", model.name());
    }
}
