package io.linernotes.discord.emulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST side of the emulation on {@code /api/v10/}: records every request and answers the routes a bot
 * uses; {@code /files/} serves attachment bytes the test registered. Unknown routes get Discord's 404 shape.
 */
final class EmulatedRest {
    private static final Logger log = LoggerFactory.getLogger(EmulatedRest.class);
    private static final String API = "/api/v10/";

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Payloads payloads;
    private final String botId;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<RateLimit> rateLimits = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, BrokenFile> brokenFiles = new ConcurrentHashMap<>();
    private final List<Download> downloads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Long> slowFiles = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final AtomicLong order = new AtomicLong();
    /** The id of each message the bot created or edited, by the order of the request that did it. */
    private final Map<Long, String> messageIds = new ConcurrentHashMap<>();
    /** An interaction's original response keeps one id through all its edits, as on Discord. */
    private final Map<String, String> originalIds = new ConcurrentHashMap<>();
    /** What {@code GET gateway/bot} answers: the gateway's URL, the recommended shard count, max_concurrency. */
    private volatile String gatewayUrl = "";
    private volatile int recommendedShards = 1;
    private volatile java.util.function.IntSupplier maxConcurrency = () -> 1;

    /**
     * The next request matching {@code route} gets a 429 telling the client to wait {@code retryAfterSeconds}:
     * for its route (with {@code X-RateLimit-*} bucket headers) or, when {@code global}, for every route.
     */
    record RateLimit(Predicate<RecordedRequest> route, double retryAfterSeconds, boolean global) {
    }

    /** The next {@code times} requests matching {@code route} get {@code status} with {@code json} as body. */
    record Failure(Predicate<RecordedRequest> route, int status, String json, int[] times) {
    }


    EmulatedRest(Payloads payloads, String botId) throws IOException {
        this.payloads = payloads;
        this.botId = botId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    void gatewayBot(String url, java.util.function.IntSupplier concurrency) {
        gatewayUrl = url;
        maxConcurrency = concurrency;
    }

    void recommendShards(int shards) {
        recommendedShards = shards;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    String serveFile(String name, byte[] content) {
        String key = Payloads.nextId() + "/" + name;
        files.put(key, content);
        return "http://127.0.0.1:" + port() + "/files/" + key;
    }

    String serveBroken(String name, BrokenFile how) {
        String key = Payloads.nextId() + "/" + name;
        brokenFiles.put(key, how);
        return "http://127.0.0.1:" + port() + "/files/" + key;
    }

    /** Serves {@code content} in two halves with {@code holdMillis} between them: a download that takes time. */
    String serveSlowly(String name, byte[] content, long holdMillis) {
        String url = serveFile(name, content);
        slowFiles.put(url.substring(url.indexOf("/files/") + "/files/".length()), holdMillis);
        return url;
    }

    /** Answers with a 302 to {@code location}. */
    String serveRedirect(String name, String location) {
        String key = Payloads.nextId() + "/" + name;
        redirects.put(key, location);
        return "http://127.0.0.1:" + port() + "/files/" + key;
    }

    private synchronized void noteMessageId(RecordedRequest request, String messageId) {
        messageIds.put(request.order(), messageId);
        notifyAll();
    }

    /** The id Discord gave the message {@code request} created or edited, waiting (bounded) for it; or null. */
    synchronized String messageIdOf(RecordedRequest request, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!messageIds.containsKey(request.order())) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return messageIds.get(request.order());
    }

    List<Download> downloads() {
        return List.copyOf(downloads);
    }

    synchronized void rateLimitNext(Predicate<RecordedRequest> route, double retryAfterSeconds, boolean global) {
        rateLimits.add(new RateLimit(route, retryAfterSeconds, global));
    }

    synchronized void failNext(Predicate<RecordedRequest> route, int status, String json, int times) {
        failures.add(new Failure(route, status, json, new int[] {times}));
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Waits (bounded) for the n-th request (counting from 1) that matches. */
    synchronized RecordedRequest await(Predicate<RecordedRequest> wanted, int nth, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            int seen = 0;
            for (RecordedRequest r : requests) {
                if (wanted.test(r) && ++seen == nth) {
                    return r;
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String fullPath = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (fullPath.startsWith("/files/")) {
                serveFile(exchange, fullPath.substring("/files/".length()));
                return;
            }
            if (!fullPath.startsWith(API)) {
                respondJson(exchange, 404, "{\"message\":\"404: Not Found\",\"code\":0}");
                return;
            }
            RecordedRequest request = new RecordedRequest(order.incrementAndGet(), exchange.getRequestMethod(),
                    fullPath.substring(API.length()), exchange.getRequestURI().getRawQuery(),
                    headers(exchange), parseBody(exchange.getRequestHeaders().getFirst("Content-Type"), raw),
                    System.nanoTime());
            RateLimit limit = takeRateLimit(request);
            Failure failure = limit == null ? takeFailure(request) : null;
            synchronized (this) {
                requests.add(request);
                notifyAll();
            }
            if (limit != null) {
                tooManyRequests(exchange, limit);
                return;
            }
            if (failure != null) {
                respondJson(exchange, failure.status(), failure.json());
                return;
            }
            route(exchange, request);
        } catch (RuntimeException e) {
            log.error("emulation failed on {}", exchange.getRequestURI(), e);
            respondJson(exchange, 500, "{\"message\":\"emulation error\",\"code\":0}");
        }
    }

    private void serveFile(HttpExchange exchange, String key) throws IOException {
        downloads.add(new Download(key, System.nanoTime()));
        BrokenFile broken = brokenFiles.get(key);
        if (redirects.containsKey(key)) {
            exchange.getResponseHeaders().add("Location", redirects.get(key));
            respond(exchange, 302, new byte[0], "text/plain");
            return;
        }
        if (slowFiles.containsKey(key)) {
            byte[] file = files.get(key);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, file.length);
            OutputStream out = exchange.getResponseBody();
            out.write(file, 0, file.length / 2);
            out.flush();
            sleep(slowFiles.get(key));
            out.write(file, file.length / 2, file.length - file.length / 2);
            out.close();
            return;
        }
        if (broken == BrokenFile.SLOW_DRIP) {
            // Headers at once, then one byte a second for a minute: only a deadline on the whole body ends it.
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 60; i++) {
                out.write('M');
                out.flush();
                sleep(1_000);
            }
            out.close();
            return;
        }
        if (broken == BrokenFile.NOT_FOUND) {
            respond(exchange, 404, "404: Not Found".getBytes(StandardCharsets.UTF_8), "text/plain");
        } else if (broken == BrokenFile.SERVER_ERROR) {
            respond(exchange, 500, "upstream error".getBytes(StandardCharsets.UTF_8), "text/plain");
        } else if (broken == BrokenFile.CUT_SHORT) {
            // Promise 4,096 bytes, send 10, hang up: the client sees the body end early.
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 4_096);
            OutputStream out = exchange.getResponseBody();
            out.write("Meaning of".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("emulated connection cut");
        } else {
            byte[] file = files.get(key);
            respond(exchange, file == null ? 404 : 200, file == null ? new byte[0] : file, "text/plain");
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Discord's 429: the body's {@code retry_after} in seconds, and headers naming the bucket or the global limit. */
    private static void tooManyRequests(HttpExchange exchange, RateLimit limit) throws IOException {
        var h = exchange.getResponseHeaders();
        h.add("Retry-After", Long.toString((long) Math.ceil(limit.retryAfterSeconds())));
        if (limit.global()) {
            h.add("X-RateLimit-Global", "true");
            h.add("X-RateLimit-Scope", "global");
        } else {
            double resetAt = System.currentTimeMillis() / 1000.0 + limit.retryAfterSeconds();
            h.add("X-RateLimit-Limit", "5");
            h.add("X-RateLimit-Remaining", "0");
            h.add("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", resetAt));
            h.add("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", limit.retryAfterSeconds()));
            h.add("X-RateLimit-Bucket", "emulated-bucket");
            h.add("X-RateLimit-Scope", "user");
        }
        respondJson(exchange, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":"
                + limit.retryAfterSeconds() + ",\"global\":" + limit.global() + "}");
    }

    private synchronized Failure takeFailure(RecordedRequest request) {
        for (int i = 0; i < failures.size(); i++) {
            Failure f = failures.get(i);
            if (f.route().test(request)) {
                if (--f.times()[0] <= 0) {
                    failures.remove(i);
                }
                return f;
            }
        }
        return null;
    }

    private synchronized RateLimit takeRateLimit(RecordedRequest request) {
        for (int i = 0; i < rateLimits.size(); i++) {
            if (rateLimits.get(i).route().test(request)) {
                return rateLimits.remove(i);
            }
        }
        return null;
    }

    private void route(HttpExchange exchange, RecordedRequest r) throws IOException {
        String[] parts = r.path().split("/");
        String m = r.method();
        if (m.equals("GET") && r.path().equals("users/@me")) {
            respondJson(exchange, 200, payloads.botUser().toString());
        } else if (m.equals("GET") && r.path().equals("gateway/bot")) {
            ObjectNode gateway = Payloads.JSON.createObjectNode();
            gateway.put("url", gatewayUrl).put("shards", recommendedShards);
            gateway.putObject("session_start_limit").put("total", 1000).put("remaining", 999)
                    .put("reset_after", 86_400_000).put("max_concurrency", maxConcurrency.getAsInt());
            respondJson(exchange, 200, gateway.toString());
        } else if (m.equals("PUT") && parts[0].equals("applications") && r.path().endsWith("/commands")) {
            ArrayNode echoed = Payloads.JSON.createArrayNode();
            for (JsonNode command : r.body()) {
                ObjectNode c = command.deepCopy();
                c.put("id", Payloads.nextId()).put("application_id", botId).put("version", Payloads.nextId());
                if (parts.length > 3 && parts[2].equals("guilds")) {
                    c.put("guild_id", parts[3]);
                }
                echoed.add(c);
            }
            respondJson(exchange, 200, echoed.toString());
        } else if (m.equals("POST") && parts[0].equals("interactions")) {
            respond(exchange, 204, new byte[0], null);
        } else if (parts[0].equals("webhooks") && (m.equals("PATCH") || m.equals("POST"))) {
            String messageId;
            if (parts.length >= 5 && parts[4].equals("@original")) {
                messageId = originalIds.computeIfAbsent(parts[2], token -> Payloads.nextId());
            } else {
                messageId = parts.length >= 5 ? parts[4] : Payloads.nextId();
            }
            noteMessageId(r, messageId);
            respondJson(exchange, 200, payloads.message("1", r.body(), messageId).toString());
        } else if (m.equals("POST") && parts[0].equals("channels") && parts.length == 3 && parts[2].equals("messages")) {
            String messageId = Payloads.nextId();
            noteMessageId(r, messageId);
            respondJson(exchange, 200, payloads.message(parts[1], r.body(), messageId).toString());
        } else if (m.equals("POST") && parts[0].equals("channels") && r.path().endsWith("/typing")) {
            respond(exchange, 204, new byte[0], null);
        } else {
            log.warn("emulation has no route for {} {}", m, r.path());
            respondJson(exchange, 404, "{\"message\":\"Unknown route\",\"code\":0}");
        }
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return headers;
    }

    /** JSON bodies as they are; multipart uploads by their {@code payload_json} part. */
    private static JsonNode parseBody(String contentType, byte[] raw) throws IOException {
        if (raw.length == 0) {
            return MissingNode.getInstance();
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        if (contentType != null && contentType.startsWith("multipart/")) {
            int name = text.indexOf("name=\"payload_json\"");
            if (name < 0) {
                return MissingNode.getInstance();
            }
            int start = text.indexOf("\r\n\r\n", name) + 4;
            int end = text.indexOf("\r\n--", start);
            text = text.substring(start, end);
        }
        return Payloads.JSON.readTree(text);
    }

    private static void respondJson(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
