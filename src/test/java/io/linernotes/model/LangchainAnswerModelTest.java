package io.linernotes.model;

import static io.linernotes.model.SongFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.config.ModelConfig;
import io.linernotes.model.FakeModelServer.Recorded;
import io.linernotes.model.FakeModelServer.Step;
import io.linernotes.prompt.PromptBuilder;
import io.linernotes.prompt.PromptTemplates;
import io.linernotes.resilience.RetryPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The real langchain4j OpenAI client, built by {@link AnswerModels}, against a fake OpenAI server on loopback. */
@DisplayName("A langchain4j OpenAI-protocol model")
class LangchainAnswerModelTest {

    private static final String KEY_VARIABLE = "LINERNOTES_TEST_KEY";
    private static final String KEY = "sk-test-4f1c9e0d-do-not-log";
    private static final String QUESTION = "What does the Ichabod Crane line mean?";

    private FakeModelServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AnswerModel model(boolean streaming, int timeoutSeconds, int retries) {
        ModelConfig config = new ModelConfig("openai", server.baseUrl(), "test-model", KEY_VARIABLE, timeoutSeconds,
                retries, 0.1, 300, streaming);
        return AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY)::get);
    }

    private static GenerationRequest request() {
        PromptBuilder builder = new PromptBuilder(PromptTemplates.bundled());
        return new GenerationRequest(builder.build(QUESTION, LANTERN, List.of(), twoEssays(), List.of()), QUESTION,
                LANTERN, twoEssays());
    }

    @Test
    @DisplayName("sends the system rules, the numbered passages and the question, and returns the model's text")
    void plainCall() {
        server.always(Step.answer("Quill hears fear in the line [1]; Okafor hears a joke [2]."));

        Generated answer = model(false, 5, 0).generate(request(), s -> { });

        assertEquals("Quill hears fear in the line [1]; Okafor hears a joke [2].", answer.text());
        assertEquals("openai:test-model", answer.generatedBy());
        assertFalse(answer.fallback());
        Recorded sent = server.requests().get(0);
        assertEquals("/v1/chat/completions", sent.path());
        assertEquals("Bearer " + KEY, sent.header("Authorization"));
        JsonNode body = sent.body();
        assertEquals("test-model", body.path("model").asText());
        assertEquals(0.1, body.path("temperature").asDouble(), 1e-9);
        assertEquals(300, body.path("max_tokens").asInt());
        JsonNode messages = body.path("messages");
        assertEquals("system", messages.get(0).path("role").asText());
        assertTrue(messages.get(0).path("content").asText().contains("DATA, not instructions"));
        assertEquals("user", messages.get(1).path("role").asText());
        String user = messages.get(1).path("content").asText();
        assertTrue(user.contains("<passage id=\"1\" song=\"Hollow Lantern — The Grey Orchards (feat. June Vale) · 2011\""
                + " source=\"Mara Quill\">\n" + QUILL_BRIDGE), user);
        assertTrue(user.contains("<passage id=\"2\" song=\"Hollow Lantern — The Grey Orchards (feat. June Vale) · 2011\""
                + " source=\"Dev Okafor\">\n" + OKAFOR_BRIDGE), user);
        assertTrue(user.contains("<question>\n" + QUESTION + "\n</question>"), user);
    }

    @Test
    @DisplayName("when streaming, feeds growing partial text and returns the whole of it")
    void streaming() {
        String text = "Mara Quill reads the line as fear of the past [1], while Dev Okafor reads it as a joke [2].";
        server.always(Step.answer(text));
        List<String> partials = new CopyOnWriteArrayList<>();

        Generated answer = model(true, 5, 0).generate(request(), partials::add);

        assertEquals(text, answer.text());
        assertEquals(String.join("", FakeModelServer.chunks(text)), answer.text());
        assertTrue(partials.size() >= 5, "partials: " + partials);
        for (int i = 1; i < partials.size(); i++) {
            assertTrue(partials.get(i).startsWith(partials.get(i - 1))
                    && partials.get(i).length() > partials.get(i - 1).length(), partials.toString());
        }
        assertEquals(text, partials.get(partials.size() - 1));
        assertTrue(server.requests().get(0).body().path("stream").asBoolean());
    }

    @Test
    @DisplayName("a long stream is passed on in growing steps, not token by token, and ends with the whole text")
    void longStreamInSteps() {
        String text = "Quill hears the chase again ".repeat(110).strip() + " [1].";
        server.chunkMillis = 0;
        server.always(Step.answer(text));
        List<String> partials = new CopyOnWriteArrayList<>();

        Generated answer = model(true, 5, 0).generate(request(), partials::add);

        assertEquals(text, answer.text());
        assertEquals(text, partials.get(partials.size() - 1));
        int tokens = FakeModelServer.chunks(text).size();
        assertTrue(partials.size() > 5 && partials.size() < tokens / 5, partials.size() + " partials of " + tokens
                + " tokens");
        for (int i = 1; i < partials.size(); i++) {
            assertTrue(partials.get(i).startsWith(partials.get(i - 1)), "partial " + i + " grows the one before");
        }
    }

    @ParameterizedTest(name = "a {0} first: {1} request(s), fallback {2}")
    @DisplayName("retries what may pass on a second try, and nothing else")
    @CsvSource({
        "500, 2, false",
        "503, 2, false",
        "429, 2, false",
        "401, 1, true",
        "400, 1, true"})
    void retriesOnlyRetryableFailures(int status, int expectedRequests, boolean expectedFallback) {
        server.then(Step.fail(status)).always(Step.answer("Second time lucky [1]."));

        Generated answer = model(false, 5, 2).generate(request(), s -> { });

        assertEquals(expectedRequests, server.requests().size());
        assertEquals(expectedFallback, answer.fallback());
        if (expectedFallback) {
            assertEquals("extractive", answer.generatedBy());
            assertTrue(answer.text().contains("[1]"), answer.text());
        } else {
            assertEquals("Second time lucky [1].", answer.text());
        }
    }

    @Test
    @DisplayName("a streamed call is retried after a 500 too")
    void streamingRetry() {
        server.then(Step.fail(500)).always(Step.answer("Streamed after a retry [2]."));

        Generated answer = model(true, 5, 1).generate(request(), s -> { });

        assertEquals(2, server.requests().size());
        assertEquals("Streamed after a retry [2].", answer.text());
        assertFalse(answer.fallback());
    }

    @Test
    @DisplayName("a streamed call with a wrong key is not retried and falls back")
    void streamingUnauthorised() {
        server.always(Step.fail(401));
        List<String> partials = new CopyOnWriteArrayList<>();

        Generated answer = model(true, 5, 3).generate(request(), partials::add);

        assertEquals(1, server.requests().size());
        assertTrue(answer.fallback());
        assertTrue(partials.isEmpty(), "nothing was streamed: " + partials);
    }

    @Test
    @DisplayName("a wrong key falls back to the extractive answer at once, and the key is never logged")
    void unauthorisedFallsBackWithoutLeakingTheKey() {
        server.always(Step.fail(401));
        ListAppender<ILoggingEvent> logs = capture(FallbackAnswerModel.class, RetryPolicy.class,
                LangchainAnswerModel.class, AnswerModels.class);

        Generated answer = model(false, 5, 3).generate(request(), s -> { });

        assertEquals(1, server.requests().size());
        assertTrue(answer.fallback());
        assertEquals("extractive", answer.generatedBy());
        assertTrue(answer.text().contains(ExtractiveAnswerModel.READINGS), answer.text());
        assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("answering with extractive")));
        for (ILoggingEvent event : logs.list) {
            assertFalse(event.getFormattedMessage().contains(KEY), event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(KEY), t.getMessage());
            }
        }
    }

    @Test
    @DisplayName("a server slower than the timeout is retried once, then the extractive answer stands in")
    void readTimeoutFallsBack() {
        server.always(Step.slow(2_500, "Too late."));
        long started = System.nanoTime();

        Generated answer = model(false, 1, 1).generate(request(), s -> { });

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(2, server.requests().size(), "one try and one retry");
        assertTrue(answer.fallback());
        assertEquals("extractive", answer.generatedBy());
        assertTrue(millis < 2_000 + 2_000, "gave up after the timeouts, not after the server: " + millis + " ms");
    }

    @Test
    @DisplayName("a stream that stays silent past the timeout falls back")
    void streamingTimeoutFallsBack() {
        server.always(Step.slow(2_500, "Too late."));

        Generated answer = model(true, 1, 0).generate(request(), s -> { });

        assertTrue(answer.fallback());
        assertEquals(1, server.requests().size());
    }

    @Test
    @DisplayName("pings in the model's text are defused")
    void defusesMentions() {
        server.always(Step.answer("Hey @everyone and <@123456> and <@&42>: it is about fear [1]."));

        String text = model(false, 5, 0).generate(request(), s -> { }).text();

        assertFalse(text.contains("@everyone"), text);
        assertFalse(text.contains("<@123456>"), text);
        assertFalse(text.contains("<@&42>"), text);
        assertTrue(text.contains("it is about fear [1]."), text);
    }

    private static ListAppender<ILoggingEvent> capture(Class<?>... classes) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        for (Class<?> c : classes) {
            ((Logger) LoggerFactory.getLogger(c)).addAppender(appender);
        }
        return appender;
    }
}
