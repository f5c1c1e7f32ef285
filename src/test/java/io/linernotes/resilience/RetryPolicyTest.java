package io.linernotes.resilience;

import static org.junit.jupiter.api.Assertions.*;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The retry policy")
class RetryPolicyTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a 500 mapped by langchain4j", new InternalServerException("boom"), true),
                Arguments.of("a 429", new RateLimitException("slow down"), true),
                Arguments.of("a timeout", new TimeoutException("request timed out"), true),
                Arguments.of("a raw 502", new HttpException(502, "bad gateway"), true),
                Arguments.of("a raw 408", new HttpException(408, "request timeout"), true),
                Arguments.of("a refused connection, wrapped", new LangChain4jException(new ConnectException("refused")), true),
                Arguments.of("an HTTP client timeout, wrapped", new RuntimeException(new HttpTimeoutException("t")), true),
                Arguments.of("a 401", new AuthenticationException("bad key"), false),
                Arguments.of("a 400", new InvalidRequestException("bad request"), false),
                Arguments.of("a raw 404", new HttpException(404, "no such model"), false),
                Arguments.of("a bug of ours", new IllegalStateException("oops"), false));
    }

    @ParameterizedTest(name = "{0}: retryable {2}")
    @MethodSource("failures")
    @DisplayName("retries only what may pass on a second try")
    void classifies(String what, RuntimeException failure, boolean retryable) {
        assertEquals(retryable, RetryPolicy.isRetryable(failure));
    }

    @Test
    @DisplayName("stops after the configured number of retries and rethrows the last failure")
    void bounded() {
        RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(4));
        AtomicInteger calls = new AtomicInteger();

        RuntimeException e = assertThrows(InternalServerException.class, () -> policy.run("test", () -> {
            throw new InternalServerException("attempt " + calls.incrementAndGet());
        }));

        assertEquals(3, calls.get());
        assertEquals("attempt 3", e.getMessage());
    }

    @Test
    @DisplayName("waits between half and all of the doubled delay, never past the cap")
    void jitteredBackoff() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300));
        for (int i = 0; i < 200; i++) {
            long first = policy.delay(0).toMillis();
            long second = policy.delay(1).toMillis();
            long capped = policy.delay(4).toMillis();
            assertTrue(first >= 50 && first <= 100, "first " + first);
            assertTrue(second >= 100 && second <= 200, "second " + second);
            assertTrue(capped >= 150 && capped <= 300, "capped " + capped);
        }
    }
}
