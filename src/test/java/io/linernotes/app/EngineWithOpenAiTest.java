package io.linernotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.config.AppConfig;
import io.linernotes.config.ModelConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.model.FakeModelServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole answer path with a language model: the real langchain4j OpenAI client, streaming, over HTTP to a
 * local server that speaks chat completions.
 */
class EngineWithOpenAiTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("the model gets the system rules, numbered passages and the question; no essay means no call")
    void answersThroughTheModel() throws Exception {
        try (FakeModelServer server = new FakeModelServer()) {
            server.always(FakeModelServer.Step.answer("Kanye tells her to leave before he hurts her [1]."));
            ModelConfig model = new ModelConfig("openai", server.baseUrl(), "test-model", "LINERNOTES_TEST_KEY", 10, 0,
                    null, 0, true);
            AppConfig config = AppConfig.defaults().withDataDir(dataDir.toString()).withModel(model)
                    .withRetrieval(new RetrievalConfig(0, 0, 0, 0, false));
            Map<String, String> env = Map.of("LINERNOTES_TEST_KEY", "sk-test-not-a-secret");
            try (Engine engine = Engine.open(config, Path.of("prompts"), env::get)) {
                List<String> partials = new ArrayList<>();
                Answer answer = engine.answers().answer(
                        AnswerRequest.meaning("Runaway", "what is the hook warning about?", Scope.GLOBAL), partials::add);

                assertEquals(Answer.Status.ANSWERED, answer.status());
                // The model's answer did not name the song first, so the engine's opening sentence stands before it.
                assertEquals("\u201CRunaway\u201D is a 2010 song by Kanye West featuring Pusha T. "
                        + "Kanye tells her to leave before he hurts her [1].", answer.text());
                assertTrue(answer.generatedBy().startsWith("openai:"), answer.generatedBy());
                assertFalse(partials.isEmpty(), "the streamed answer arrived in parts");
                assertEquals(1, server.requests().size());
                FakeModelServer.Recorded request = server.requests().get(0);
                assertEquals("Bearer sk-test-not-a-secret", request.header("authorization"));
                assertTrue(request.body().path("stream").asBoolean(), "streaming was asked for");
                JsonNode messages = request.body().path("messages");
                assertEquals("system", messages.get(0).path("role").asText());
                assertTrue(messages.get(0).path("content").asText().contains("not instructions"));
                String user = messages.get(1).path("content").asText();
                assertTrue(user.contains("what is the hook warning about?"), user);
                assertTrue(user.contains("<passage id=\"1\"") && user.contains(answer.sources().get(0).passage()),
                        "the first numbered passage is the first source: " + user);

                Answer unknown = engine.answers().answer(AnswerRequest.meaning("Bohemian Rhapsody", null, Scope.GLOBAL));
                assertEquals(Answer.Status.NO_COMMENTARY, unknown.status());
                assertEquals(1, server.requests().size(), "no model call without an essay");
            }
        }
    }
}
