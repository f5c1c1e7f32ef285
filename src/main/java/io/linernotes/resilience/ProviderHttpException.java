package io.linernotes.resilience;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider's non-2xx reply that also keeps what langchain4j's own exception drops: the
 * {@code retry-after} header, which rate limits (429) and overload replies (503, Anthropic's 529) carry.
 */
public final class ProviderHttpException extends HttpException {

    private final Duration retryAfter;

    public ProviderHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The first {@link ProviderHttpException} in the cause chain of {@code failure}, if any. */
    static Optional<ProviderHttpException> in(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 12; depth++, t = t.getCause()) {
            if (t instanceof ProviderHttpException p) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a {@code retry-after} value: seconds (possibly fractional, as some gateways send) or an HTTP
     * date. Anything unreadable or negative counts as not given.
     */
    public static Duration parseRetryAfter(String value, java.time.Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 || Double.isNaN(seconds) ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(v,
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
