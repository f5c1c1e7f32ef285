package io.linernotes.model;

import static io.linernotes.model.SongFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.linernotes.config.ModelConfig;
import io.linernotes.model.FakeModelServer.Recorded;
import io.linernotes.model.FakeModelServer.Step;
import io.linernotes.prompt.PromptBuilder;
import io.linernotes.prompt.PromptTemplates;
import io.linernotes.resilience.RetryPolicy;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Provider faults through the real langchain4j clients against {@link FakeModelServer}: which are retried
 * and how, what the asker gets, and how long it takes. Timings printed as "FAULT …" lines for the report.
 */
@DisplayName("A model provider that fails")
class ModelFaultsTest {

    static final String KEY_VARIABLE = "LN_FAULT_KEY";
    static final String KEY = "sk-fault-7d2e91-never-in-logs";
    private static final String QUESTION = "What does the Ichabod Crane line mean?";

    private FakeModelServer server;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stop() {
        root().detachAppender(logs);
        server.close();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    static GenerationRequest request() {
        PromptBuilder builder = new PromptBuilder(PromptTemplates.bundled());
        return new GenerationRequest(builder.build(QUESTION, LANTERN, List.of(), twoEssays(), List.of()), QUESTION,
                LANTERN, twoEssays());
    }

    /** Where the client is pointed: the fake, or a port nothing listens on. */
    enum Target { SERVER, CLOSED_PORT }

    record Fault(String name, String provider, boolean streaming, Target target, Supplier<Step> step,
            int attempts, long minGapMillis) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Every fault, and how many attempts it deserves with model.maxRetries 2 (3 = retried, 1 = not).
     * A malformed body is not retried: a provider or proxy that returns broken JSON for a request does so
     * again for the same request far more often than not (a gateway's HTML error page, a base URL that is
     * not an OpenAI server), and a second full generation would spend seconds of the asker's deadline on it.
     */
    static Stream<Fault> faults() {
        return Stream.of(
                new Fault("429 with retry-after 1", "openai", false, Target.SERVER, () -> Step.rateLimited("1"), 3, 1_000),
                new Fault("429 without retry-after", "openai", false, Target.SERVER, () -> Step.rateLimited(null), 3, 250),
                new Fault("500", "openai", false, Target.SERVER, () -> Step.fail(500), 3, 250),
                new Fault("503", "openai", false, Target.SERVER, () -> Step.fail(503), 3, 250),
                new Fault("503 while streaming", "openai", true, Target.SERVER, () -> Step.fail(503), 3, 250),
                new Fault("529 overloaded (Anthropic)", "anthropic", false, Target.SERVER, () -> Step.failWith(529, null,
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"), 3, 250),
                new Fault("read timeout", "openai", false, Target.SERVER, () -> Step.slow(3_000, "Too late [1]."), 3, 1_000),
                new Fault("read timeout while streaming", "openai", true, Target.SERVER,
                        () -> Step.slow(3_000, "Too late [1]."), 3, 1_000),
                new Fault("refused connection", "openai", false, Target.CLOSED_PORT, () -> null, 3, 250),
                new Fault("malformed JSON", "openai", false, Target.SERVER, Step::malformed, 1, 0),
                new Fault("stream cut mid-answer", "openai", true, Target.SERVER,
                        () -> Step.cut("Quill reads the line as fear of the chase [1] and Okafor", 4), 1, 0),
                new Fault("401 wrong key", "openai", false, Target.SERVER, () -> Step.fail(401), 1, 0),
                new Fault("400 context length exceeded", "openai", false, Target.SERVER, Step::contextLengthExceeded, 1, 0));
    }

    private String baseUrl(Target target) throws Exception {
        if (target == Target.SERVER) {
            return server.baseUrl();
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
    }

    private AnswerModel model(Fault fault) throws Exception {
        ModelConfig config = new ModelConfig(fault.provider(), baseUrl(fault.target()), "test-model", KEY_VARIABLE, 1,
                2, 0.1, 300, fault.streaming());
        return AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY)::get);
    }

    private long attemptsLogged() {
        return logs.list.stream().filter(e -> e.getLoggerName().equals(RetryPolicy.class.getName())
                && e.getFormattedMessage().contains("failed (attempt")).count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    @DisplayName("is retried only where a retry can help, then the labelled extractive answer stands in, in time")
    void fallsBackInTime(Fault fault) throws Exception {
        server.always(fault.step().get());
        List<String> partials = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();

        Generated answer = model(fault).generate(request(), partials::add);

        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("FAULT %-32s attempts %d, fallback after %5d ms%n", fault.name(),
                fault.target() == Target.SERVER ? server.requests().size() : attemptsLogged() + 1, millis);
        assertTrue(answer.fallback(), "labelled as a fallback");
        assertEquals("extractive", answer.generatedBy());
        assertTrue(answer.text().contains("[1]"), answer.text());
        assertTrue(millis < 12_000, "within the default 12 s deadline: " + millis + " ms");
        if (fault.target() == Target.SERVER) {
            List<Recorded> requests = server.requests();
            assertEquals(fault.attempts(), requests.size(), "attempts");
            for (int i = 1; i < requests.size(); i++) {
                long gap = (requests.get(i).atNanos() - requests.get(i - 1).atNanos()) / 1_000_000;
                assertTrue(gap >= fault.minGapMillis(), "waited before retry " + i + ": " + gap + " ms");
            }
        } else {
            // Nothing reaches a closed port: count the attempts the retry policy reported instead.
            assertEquals(fault.attempts() - 1, attemptsLogged(), "retries logged");
        }
        if (fault.attempts() == 1) {
            assertEquals(0, attemptsLogged(), "no retry of a failure a retry cannot fix");
        }
    }

    static Stream<Fault> passingFaults() {
        return faults().filter(f -> f.attempts() > 1 && f.target() == Target.SERVER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passingFaults")
    @DisplayName("that passes is answered by the model after one retry, unlabelled")
    void recoversAfterOneFault(Fault fault) throws Exception {
        server.then(fault.step().get()).always(Step.answer("Second time lucky [1]."));

        Generated answer = model(fault).generate(request(), s -> { });

        assertEquals(2, server.requests().size());
        assertFalse(answer.fallback());
        assertEquals("Second time lucky [1].", answer.text());
        assertEquals(fault.provider() + ":test-model", answer.generatedBy());
    }

    @Test
    @DisplayName("honours retry-after, jittered by at most a tenth, and never past the cap")
    void retryAfterHonouredAndCapped() {
        server.then(Step.rateLimited("1"), Step.rateLimited("30")).always(Step.answer("Finally [1]."));
        List<Long> waits = new CopyOnWriteArrayList<>();
        RetryPolicy recorded = new RetryPolicy(2, java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(400),
                wait -> {
                    waits.add(wait.toMillis());
                    Thread.sleep(wait.toMillis());
                });
        ModelConfig config = new ModelConfig("openai", server.baseUrl(), "test-model", KEY_VARIABLE, 5, 2, null, 0,
                false);
        LangchainAnswerModel model = AnswerModels.createLangchain(config, Map.of(KEY_VARIABLE, KEY)::get, recorded);

        Generated answer = model.generate(request(), s -> { });

        assertEquals("Finally [1].", answer.text());
        assertEquals(2, waits.size(), waits.toString());
        // retry-after 1 s, above the 400 ms cap: capped, plus at most a tenth of jitter
        assertTrue(waits.get(0) >= 400 && waits.get(0) <= 440, waits.toString());
        assertTrue(waits.get(1) >= 400 && waits.get(1) <= 440, waits.toString());
    }

    @Test
    @DisplayName("a retry-after longer than the time left ends the retries at once")
    void retryAfterBeyondTheDeadline() {
        server.always(Step.rateLimited("20"));
        ModelConfig config = new ModelConfig("openai", server.baseUrl(), "test-model", KEY_VARIABLE, 5, 3, null, 0,
                false).withLimits(3, 0, 0, 0);
        long started = System.nanoTime();

        Generated answer = AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY)::get).generate(request(), s -> { });

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(answer.fallback());
        assertEquals(1, server.requests().size());
        assertTrue(millis < 2_000, millis + " ms");
    }

    @ParameterizedTest(name = "streaming {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    @DisplayName("a server slower than the deadline is abandoned at the deadline, whatever the client timeout")
    void deadlineBoundsASlowServer(boolean streaming) {
        server.always(Step.slow(8_000, "Much too late [1]."));
        ModelConfig config = new ModelConfig("openai", server.baseUrl(), "test-model", KEY_VARIABLE, 30, 2, null, 0,
                streaming).withLimits(2, 0, 0, 0);
        long started = System.nanoTime();

        Generated answer = AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY)::get).generate(request(), s -> { });

        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("FAULT %-32s fallback after %5d ms (deadline 2 s, client timeout 30 s)%n",
                "slow server, streaming " + streaming, millis);
        assertTrue(answer.fallback());
        assertEquals(1, server.requests().size());
        assertTrue(millis >= 1_900 && millis < 3_000, millis + " ms");
    }

    @Test
    @DisplayName("the primary failing with 503, the secondary provider answers and is named")
    void secondaryAnswers() throws Exception {
        try (FakeModelServer backup = new FakeModelServer()) {
            server.always(Step.fail(503));
            backup.always(Step.answer("The backup reads it as fear [1]."));
            ModelConfig secondary = new ModelConfig("openai", backup.baseUrl(), "backup-model", "LN_BACKUP_KEY", 5, 1,
                    null, 0, false);
            ModelConfig config = new ModelConfig("openai", server.baseUrl(), "test-model", KEY_VARIABLE, 5, 2, null,
                    0, false).withSecondary(secondary);
            long started = System.nanoTime();

            Generated answer = AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY, "LN_BACKUP_KEY", "bk-2")::get)
                    .generate(request(), s -> { });

            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("FAULT %-32s secondary answered after %5d ms%n", "primary 503", millis);
            assertEquals("The backup reads it as fear [1].", answer.text());
            assertEquals("openai:backup-model", answer.generatedBy());
            assertFalse(answer.fallback());
            assertEquals(3, server.requests().size(), "the primary had its retries");
            assertEquals(1, backup.requests().size());
            assertEquals("Bearer bk-2", backup.requests().get(0).header("Authorization"));
        }
    }

    @Test
    @DisplayName("both providers down: the extractive answer, labelled, within the deadline")
    void bothProvidersDown() throws Exception {
        try (FakeModelServer backup = new FakeModelServer()) {
            server.always(Step.fail(503));
            backup.always(Step.slow(5_000, "late"));
            ModelConfig secondary = new ModelConfig("openai", backup.baseUrl(), "backup-model", null, 1, 2, null, 0,
                    false);
            ModelConfig config = new ModelConfig("openai", server.baseUrl(), "test-model", KEY_VARIABLE, 5, 2, null,
                    0, false).withSecondary(secondary).withLimits(4, 0, 0, 0);
            long started = System.nanoTime();

            Generated answer = AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY)::get).generate(request(), s -> { });

            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("FAULT %-32s extractive after %5d ms (deadline 4 s)%n", "primary 503, backup slow", millis);
            assertTrue(answer.fallback());
            assertEquals("extractive", answer.generatedBy());
            assertTrue(millis < 4_800, millis + " ms");
            assertTrue(backup.requests().size() >= 1, "the secondary was tried");
        }
    }

    @Test
    @DisplayName("a 401 run logs the failure but never the key, the canary or the prompt")
    void unauthorisedLogsNoSecrets() throws Exception {
        server.always(Step.fail(401));
        GenerationRequest request = request();

        Generated answer = model(new Fault("401", "openai", true, Target.SERVER, () -> null, 1, 0))
                .generate(request, s -> { });

        assertTrue(answer.fallback());
        assertFalse(logs.list.isEmpty(), "the failure is logged");
        List<String> everything = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            everything.add(event.getFormattedMessage());
            for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                everything.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        String all = String.join("\n", everything);
        assertTrue(all.contains("401") || all.contains("Authentication"), all);
        assertFalse(all.contains(KEY), "key logged");
        assertFalse(all.contains(io.linernotes.prompt.Canary.token()), "canary logged");
        assertFalse(all.contains("DATA, not instructions"), "system prompt logged");
        assertFalse(all.contains(QUILL_CRANE_SENTENCE), "passages logged");
    }
}
