package io.linernotes.model;

import static io.linernotes.model.ModelFaultsTest.KEY;
import static io.linernotes.model.ModelFaultsTest.KEY_VARIABLE;
import static org.junit.jupiter.api.Assertions.*;

import io.linernotes.config.ModelConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.linernotes.model.FakeModelServer.Step;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The breaker as the model builds it, on its own and through the real client against a failing fake provider; time is moved, not slept. */
@DisplayName("The circuit breaker")
class CircuitBreakerTest {

    private final ManualClock clock = new ManualClock();

    private static void fail(CircuitBreaker breaker) {
        breaker.onError(0, TimeUnit.NANOSECONDS, new dev.langchain4j.exception.InternalServerException("down"));
    }

    @Test
    @DisplayName("opens after the threshold of consecutive failures, and a success in between resets the count")
    void opensAfterConsecutiveFailures() {
        CircuitBreaker breaker = AnswerModels.breaker("p", 3, Duration.ofSeconds(30), clock);
        for (int i = 0; i < 2; i++) {
            assertTrue(breaker.tryAcquirePermission());
            fail(breaker);
        }
        breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        for (int i = 0; i < 2; i++) {
            assertTrue(breaker.tryAcquirePermission());
            fail(breaker);
        }
        assertEquals(State.CLOSED, breaker.getState(), "two in a row after the success");
        assertTrue(breaker.tryAcquirePermission());
        fail(breaker);
        assertEquals(State.OPEN, breaker.getState());
        assertFalse(breaker.tryAcquirePermission());
    }

    @Test
    @DisplayName("after the cool-down lets exactly one trial through; its outcome closes or reopens the circuit")
    void halfOpenTrial() {
        CircuitBreaker breaker = AnswerModels.breaker("p", 1, Duration.ofSeconds(30), clock);
        breaker.tryAcquirePermission();
        fail(breaker);
        clock.advance(Duration.ofSeconds(29));
        assertFalse(breaker.tryAcquirePermission(), "still cooling down");
        clock.advance(Duration.ofMillis(1_001)); // the trial comes once the 30 s have passed
        assertTrue(breaker.tryAcquirePermission(), "the trial");
        assertEquals(State.HALF_OPEN, breaker.getState());
        assertFalse(breaker.tryAcquirePermission(), "only one trial at a time");
        fail(breaker);
        assertEquals(State.OPEN, breaker.getState());
        assertFalse(breaker.tryAcquirePermission(), "a failed trial starts a new cool-down");
        clock.advance(Duration.ofSeconds(31));
        assertTrue(breaker.tryAcquirePermission());
        breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        assertEquals(State.CLOSED, breaker.getState());
        assertTrue(breaker.tryAcquirePermission());
        assertTrue(breaker.tryAcquirePermission());
    }

    @Test
    @DisplayName("skips a provider that keeps failing, straight to the extractive answer, then tries it again")
    void skipsAFailingProvider() throws Exception {
        try (FakeModelServer server = new FakeModelServer()) {
            server.always(Step.fail(503));
            ModelConfig config = new ModelConfig("openai", server.baseUrl(), "test-model", KEY_VARIABLE, 5, 0, null, 0,
                    false).withLimits(0, 3, 30, 0);
            AnswerModel model = AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY)::get, clock);

            for (int i = 0; i < 3; i++) {
                assertTrue(model.generate(ModelFaultsTest.request(), s -> { }).fallback());
            }
            assertEquals(3, server.requests().size());

            long started = System.nanoTime();
            Generated skipped = model.generate(ModelFaultsTest.request(), s -> { });
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("FAULT %-32s extractive after %5d ms%n", "circuit open", millis);
            assertTrue(skipped.fallback());
            assertEquals("extractive", skipped.generatedBy());
            assertEquals(3, server.requests().size(), "open: no call");

            clock.advance(Duration.ofSeconds(31));
            assertTrue(model.generate(ModelFaultsTest.request(), s -> { }).fallback());
            assertEquals(4, server.requests().size(), "half-open: one trial");
            model.generate(ModelFaultsTest.request(), s -> { });
            assertEquals(4, server.requests().size(), "the failed trial reopened it");

            server.always(Step.answer("Back again [1]."));
            clock.advance(Duration.ofSeconds(31));
            Generated back = model.generate(ModelFaultsTest.request(), s -> { });
            assertFalse(back.fallback());
            assertEquals("Back again [1].", back.text());
            model.generate(ModelFaultsTest.request(), s -> { });
            assertEquals(6, server.requests().size(), "closed again: every call goes through");
        }
    }

    @Test
    @DisplayName("with the primary's circuit open, the secondary answers at once")
    void openCircuitGoesToTheSecondary() throws Exception {
        try (FakeModelServer primary = new FakeModelServer(); FakeModelServer backup = new FakeModelServer()) {
            primary.always(Step.fail(500));
            backup.always(Step.answer("Backup [1]."));
            ModelConfig config = new ModelConfig("openai", primary.baseUrl(), "test-model", KEY_VARIABLE, 5, 0, null,
                    0, false).withLimits(0, 2, 30, 0).withSecondary(new ModelConfig("openai", backup.baseUrl(),
                    "backup-model", null, 5, 0, null, 0, false));
            AnswerModel model = AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY)::get, clock);

            for (int i = 0; i < 4; i++) {
                Generated answer = model.generate(ModelFaultsTest.request(), s -> { });
                assertEquals("openai:backup-model", answer.generatedBy());
            }

            assertEquals(2, primary.requests().size(), "skipped once open");
            assertEquals(4, backup.requests().size());
        }
    }

    @Test
    @DisplayName("a request the provider rejects as too long does not count against it")
    void requestFaultsDoNotOpenIt() throws Exception {
        try (FakeModelServer server = new FakeModelServer()) {
            server.always(Step.contextLengthExceeded());
            ModelConfig config = new ModelConfig("openai", server.baseUrl(), "test-model", KEY_VARIABLE, 5, 0, null, 0,
                    false).withLimits(0, 2, 30, 0);
            AnswerModel model = AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY)::get, clock);

            for (int i = 0; i < 4; i++) {
                model.generate(ModelFaultsTest.request(), s -> { });
            }

            assertEquals(4, server.requests().size());
        }
    }
}
