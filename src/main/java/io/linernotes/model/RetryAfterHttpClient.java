package io.linernotes.model;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.linernotes.resilience.ProviderHttpException;
import io.linernotes.resilience.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * The HTTP client under the langchain4j model clients: plain JSON requests and server-sent-event streams
 * over {@code java.net.http}, like langchain4j's own JDK client, except that a failed reply becomes a
 * {@link ProviderHttpException} carrying the provider's {@code retry-after}, so {@link RetryPolicy} can
 * honour it. Only JSON bodies are supported: chat requests never send form data.
 */
final class RetryAfterHttpClient implements HttpClient {

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;

    private RetryAfterHttpClient(Builder builder) {
        java.net.http.HttpClient.Builder b = java.net.http.HttpClient.newBuilder();
        if (builder.connectTimeout != null) {
            b.connectTimeout(builder.connectTimeout);
        }
        this.http = b.build();
        this.readTimeout = builder.readTimeout;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(toJdk(request), HttpResponse.BodyHandlers.ofByteArray());
            if (!ok(response.statusCode())) {
                throw failure(response, new String(response.body(), StandardCharsets.UTF_8));
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(response.body()).build();
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        http.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    if (!ok(response.statusCode())) {
                        quietly(() -> listener.onError(failure(response, drain(response.body()))));
                        return;
                    }
                    quietly(() -> listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                            .headers(response.headers().map()).build()));
                    try (InputStream body = response.body()) {
                        parser.parse(body, listener);
                        // Like langchain4j's own client: the end of the body closes the stream for the listener,
                        // which is how a stream cut short (no [DONE]) becomes visible to the model client.
                        quietly(listener::onClose);
                    } catch (IOException | RuntimeException e) {
                        quietly(() -> listener.onError(e));
                    }
                })
                .exceptionally(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    Throwable reported = cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause;
                    quietly(() -> listener.onError(reported));
                    return null;
                });
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("form data is not used by chat requests");
        }
        b.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            b.timeout(readTimeout);
        }
        return b.build();
    }

    private static HttpException failure(HttpResponse<?> response, String body) {
        Duration retryAfter = ProviderHttpException.parseRetryAfter(
                response.headers().firstValue("retry-after").orElse(null), Clock.systemUTC());
        return new ProviderHttpException(response.statusCode(), body, retryAfter);
    }

    private static String drain(InputStream body) {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable body: " + e.getMessage() + ")";
        }
    }

    private static boolean ok(int status) {
        return status >= 200 && status < 300;
    }

    /** A listener that throws must not break the client's own bookkeeping. */
    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // the listener's failure is its own concern
        }
    }

    /** The builder langchain4j's model builders accept. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new RetryAfterHttpClient(this);
        }
    }
}
