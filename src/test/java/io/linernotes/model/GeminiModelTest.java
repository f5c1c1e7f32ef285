package io.linernotes.model;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.config.ModelConfig;
import io.linernotes.model.FakeModelServer.Recorded;
import io.linernotes.model.FakeModelServer.Step;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real langchain4j Gemini clients, built by {@link AnswerModels}, against {@link FakeModelServer} speaking
 * Gemini's generateContent and streamGenerateContent (SSE): what they send, what comes back, and every fault.
 */
@DisplayName("A Gemini model")
class GeminiModelTest {

    private static final String KEY_VARIABLE = "LN_GEMINI_KEY";
    private static final String KEY = "gm-test-5b7a-never-in-logs";

    private FakeModelServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AnswerModel model(boolean streaming) {
        ModelConfig config = new ModelConfig("gemini", server.baseUrl(), "test-model", KEY_VARIABLE, 1, 2, 0.1, 300,
                streaming);
        return AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY)::get);
    }

    @ParameterizedTest(name = "streaming {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("sends the key, the system rules and the question to the model's URL, and returns its text")
    void answers(boolean streaming) {
        String text = "Mara Quill reads the line as fear of the past [1], while Dev Okafor reads it as a joke [2].";
        server.always(Step.answer(text));
        List<String> partials = new CopyOnWriteArrayList<>();

        Generated answer = model(streaming).generate(ModelFaultsTest.request(), partials::add);

        assertEquals(text, answer.text());
        assertEquals("gemini:test-model", answer.generatedBy());
        assertFalse(answer.fallback());
        Recorded sent = server.requests().get(0);
        assertEquals("/v1/models/test-model:" + (streaming ? "streamGenerateContent" : "generateContent"), sent.path());
        assertEquals(KEY, sent.header("x-goog-api-key"));
        JsonNode body = sent.body();
        assertTrue(body.path("systemInstruction").toString().contains("DATA, not instructions"), body.toString());
        JsonNode user = body.path("contents").get(0);
        assertEquals("user", user.path("role").asText());
        assertTrue(user.path("parts").get(0).path("text").asText().contains("<question>"), user.toString());
        assertEquals(0.1, body.path("generationConfig").path("temperature").asDouble(), 1e-9);
        assertEquals(300, body.path("generationConfig").path("maxOutputTokens").asInt());
        if (streaming) {
            assertTrue(partials.size() >= 5, "partials: " + partials);
            for (int i = 1; i < partials.size(); i++) {
                assertTrue(partials.get(i).startsWith(partials.get(i - 1)), partials.toString());
            }
            assertEquals(text, partials.get(partials.size() - 1));
        }
    }

    /** Each fault, plain and streaming, with how many attempts it deserves (3 = retried twice, 1 = not). */
    static Stream<Arguments> faults() {
        List<Object[]> rows = List.of(
                new Object[] {"429 with retry-after 1", (Supplier<Step>) () -> Step.rateLimited("1"), 3, 1_000L},
                new Object[] {"500", (Supplier<Step>) () -> Step.fail(500), 3, 250L},
                new Object[] {"503", (Supplier<Step>) () -> Step.fail(503), 3, 250L},
                new Object[] {"read timeout", (Supplier<Step>) () -> Step.slow(3_000, "Too late [1]."), 3, 1_000L},
                new Object[] {"malformed JSON", (Supplier<Step>) Step::malformed, 1, 0L},
                new Object[] {"401 wrong key", (Supplier<Step>) () -> Step.fail(401), 1, 0L});
        return Stream.of(false, true).flatMap(streaming -> rows.stream()
                .map(r -> Arguments.of(r[0] + (streaming ? ", streaming" : ""), streaming, r[1], r[2], r[3])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    @DisplayName("that fails is retried only where a retry can help, then the labelled extractive answer stands in")
    void fallsBack(String name, boolean streaming, Supplier<Step> fault, int attempts, long minGapMillis) {
        server.always(fault.get());
        long started = System.nanoTime();

        Generated answer = model(streaming).generate(ModelFaultsTest.request(), s -> { });

        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("FAULT gemini %-32s attempts %d, fallback after %5d ms%n", name, server.requests().size(),
                millis);
        assertTrue(answer.fallback(), "labelled as a fallback");
        assertEquals("extractive", answer.generatedBy());
        List<Recorded> requests = server.requests();
        assertEquals(attempts, requests.size(), "attempts");
        for (int i = 1; i < requests.size(); i++) {
            long gap = (requests.get(i).atNanos() - requests.get(i - 1).atNanos()) / 1_000_000;
            assertTrue(gap >= minGapMillis, "waited before retry " + i + ": " + gap + " ms");
        }
    }

    static Stream<Arguments> retriedFaults() {
        return faults().filter(row -> (int) row.get()[3] > 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retriedFaults")
    @DisplayName("that fails once, where a retry can help, answers on the second try, unlabelled")
    void recovers(String name, boolean streaming, Supplier<Step> fault, int attempts, long minGapMillis) {
        server.then(fault.get()).always(Step.answer("Second time lucky [1]."));

        Generated answer = model(streaming).generate(ModelFaultsTest.request(), s -> { });

        assertEquals(2, server.requests().size());
        assertFalse(answer.fallback());
        assertEquals("Second time lucky [1].", answer.text());
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a stream cut before its finish reason is not taken for an answer, nor retried")
    void cutStream() {
        server.always(Step.cut("Quill reads the line as fear of the chase [1] and Okafor", 4));

        Generated answer = model(true).generate(ModelFaultsTest.request(), s -> { });

        assertTrue(answer.fallback());
        assertEquals(1, server.requests().size());
    }
}
