package io.linernotes.discord;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads an essay file a moderator attached. The URL comes inside the interaction, so it is not trusted:
 * only {@code https} on Discord's attachment hosts (or the origins configured in {@code discord.attachmentHosts}),
 * redirects only to an allowed place again, at most {@code maxBytes}, and one deadline for the whole download,
 * headers and body together: a server that drips the body a byte at a time is cut off at the deadline.
 */
public final class AttachmentDownloader {
    private static final Logger log = LoggerFactory.getLogger(AttachmentDownloader.class);
    private static final int MAX_REDIRECTS = 3;

    /** How a download ended. */
    public sealed interface Result permits Done, TooLarge, Refused, Failed {
    }

    public record Done(byte[] bytes) implements Result {
    }

    public record TooLarge() implements Result {
    }

    /** The URL (or a redirect) points somewhere the bot does not download from; nothing was fetched from it. */
    public record Refused(String reason) implements Result {
    }

    /** Not found, a server error, a cut connection or the deadline. */
    public record Failed(String reason) implements Result {
    }

    private final List<String> allowed;
    private final Duration deadline;
    private final HttpClient client;

    /**
     * {@code allowed}: host names (fetched over https only) or whole origins such as {@code http://127.0.0.1:8080}
     * (scheme, host and port must all match; meant for tests and local proxies).
     */
    public AttachmentDownloader(List<String> allowed, Duration deadline) {
        this.allowed = allowed.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
        this.deadline = deadline;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(deadline).build();
    }

    /** Whether {@code url} may be downloaded from. */
    boolean allows(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || url.getRawUserInfo() != null) {
            return false;
        }
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        for (String entry : allowed) {
            if (entry.contains("://")) {
                URI origin = URI.create(entry);
                int originPort = origin.getPort() != -1 ? origin.getPort()
                        : origin.getScheme().equals("https") ? 443 : 80;
                if (origin.getScheme().equals(scheme) && host.equals(origin.getHost()) && port == originPort) {
                    return true;
                }
            } else if (scheme.equals("https") && host.equals(entry) && port == 443) {
                return true;
            }
        }
        return false;
    }

    /** Fetches {@code url}, at most {@code maxBytes}, within the deadline. */
    public Result fetch(String url, long maxBytes) {
        long endNanos = System.nanoTime() + deadline.toNanos();
        URI at;
        try {
            at = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return new Refused("not a URL");
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!allows(at)) {
                return new Refused(hop == 0 ? "not a Discord attachment address" : "redirected to another host");
            }
            long left = endNanos - System.nanoTime();
            if (left <= 0) {
                return new Failed("deadline");
            }
            Capped body = new Capped(maxBytes);
            HttpRequest request = HttpRequest.newBuilder(at).timeout(Duration.ofNanos(left)).GET().build();
            CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> body);
            HttpResponse<byte[]> response;
            try {
                response = pending.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true);
                body.cancel();
                log.warn("attachment download passed its {} s deadline; cut off", deadline.toSeconds());
                return new Failed("deadline");
            } catch (InterruptedException e) {
                pending.cancel(true);
                body.cancel();
                Thread.currentThread().interrupt();
                return new Failed("interrupted");
            } catch (ExecutionException e) {
                log.warn("could not download an attachment: {}", e.getCause() == null ? e : e.getCause().toString());
                return new Failed("connection");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    return new Failed("redirect without a location");
                }
                try {
                    at = at.resolve(new URI(location));
                } catch (URISyntaxException e) {
                    return new Refused("redirected to a malformed address");
                }
                continue;
            }
            if (status != 200) {
                return new Failed("status " + status);
            }
            return response.body() == null ? new TooLarge() : new Done(response.body());
        }
        return new Failed("too many redirects");
    }

    /**
     * Collects the body up to {@code max} bytes; past that it stops reading and yields null (too large), so a
     * file larger than announced never fills memory.
     */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;

        Capped(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (out.size() + (long) item.remaining() > max) {
                    cancel();
                    result.complete(null);
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
