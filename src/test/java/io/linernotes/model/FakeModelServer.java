package io.linernotes.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A model provider on 127.0.0.1 for tests, speaking enough of two real protocols for the real langchain4j
 * clients: OpenAI chat completions ({@code POST /v1/chat/completions}, plain JSON or SSE when the request
 * says {@code "stream": true}) and Anthropic messages ({@code POST /v1/messages}). Replies follow a script
 * of steps (a failure status, a delay, a text), then the default reply; every request is recorded.
 */
public final class FakeModelServer implements AutoCloseable {

    /** One scripted reply: HTTP status (200 = answer with {@code text}), after {@code delayMillis}. */
    public record Step(int status, String text, long delayMillis) {
        public static Step answer(String text) {
            return new Step(200, text, 0);
        }

        static Step fail(int status) {
            return new Step(status, null, 0);
        }

        static Step slow(long delayMillis, String text) {
            return new Step(200, text, delayMillis);
        }
    }

    /** What a client sent: path, headers (lower-case names), and the parsed JSON body. */
    public record Recorded(String path, Map<String, List<String>> headers, JsonNode body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Step> script = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Step standing = Step.answer("A default answer from the fake model [1].");

    public FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::openAi);
        server.createContext("/v1/messages", this::anthropic);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Replies with these steps, in order, before falling back to the standing reply. */
    FakeModelServer then(Step... steps) {
        script.addAll(List.of(steps));
        return this;
    }

    /** The reply for every request once the script is used up. */
    public FakeModelServer always(Step step) {
        standing = step;
        return this;
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private Step next() {
        Step step = script.pollFirst();
        return step == null ? standing : step;
    }

    private JsonNode record(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Map<String, List<String>> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
        requests.add(new Recorded(exchange.getRequestURI().getPath(), headers, body));
        return body;
    }

    private void openAi(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = record(exchange);
            Step step = next();
            pause(step.delayMillis());
            if (step.status() != 200) {
                sendJson(exchange, step.status(), "{\"error\":{\"message\":\"scripted failure " + step.status()
                        + "\",\"type\":\"fake_error\",\"code\":null}}");
                return;
            }
            String model = body.path("model").asText("fake");
            if (body.path("stream").asBoolean(false)) {
                streamOpenAi(exchange, model, step.text());
            } else {
                ObjectNode reply = JSON.createObjectNode();
                reply.put("id", "chatcmpl-fake").put("object", "chat.completion")
                        .put("created", System.currentTimeMillis() / 1000).put("model", model);
                ObjectNode choice = reply.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", step.text());
                usage(reply.putObject("usage"));
                sendJson(exchange, 200, JSON.writeValueAsString(reply));
            }
        }
    }

    /** The text in word-sized chunks, one SSE event each, then a usage-only chunk, then [DONE]. */
    private void streamOpenAi(HttpExchange exchange, String model, String text) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String piece : chunks(text)) {
            ObjectNode chunk = chunkHead(model);
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0).putNull("finish_reason");
            choice.putObject("delta").put("content", piece);
            event(out, JSON.writeValueAsString(chunk));
            pause(15);
        }
        ObjectNode last = chunkHead(model);
        ObjectNode stop = last.putArray("choices").addObject();
        stop.put("index", 0).put("finish_reason", "stop");
        stop.putObject("delta");
        event(out, JSON.writeValueAsString(last));
        ObjectNode usage = chunkHead(model);
        usage.putArray("choices");
        usage(usage.putObject("usage"));
        event(out, JSON.writeValueAsString(usage));
        event(out, "[DONE]");
    }

    static List<String> chunks(String text) {
        List<String> pieces = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+\\s*|\\s+").matcher(text);
        while (m.find()) {
            pieces.add(m.group());
        }
        return pieces;
    }

    private void anthropic(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = record(exchange);
            Step step = next();
            pause(step.delayMillis());
            if (step.status() != 200) {
                sendJson(exchange, step.status(), "{\"type\":\"error\",\"error\":{\"type\":\"fake_error\","
                        + "\"message\":\"scripted failure\"}}");
                return;
            }
            ObjectNode reply = JSON.createObjectNode();
            reply.put("id", "msg_fake").put("type", "message").put("role", "assistant")
                    .put("model", body.path("model").asText("fake"));
            ArrayNode content = reply.putArray("content");
            content.addObject().put("type", "text").put("text", step.text());
            reply.put("stop_reason", "end_turn").putNull("stop_sequence");
            reply.putObject("usage").put("input_tokens", 120).put("output_tokens", 30);
            sendJson(exchange, 200, JSON.writeValueAsString(reply));
        }
    }

    private static ObjectNode chunkHead(String model) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", System.currentTimeMillis() / 1000).put("model", model);
        return chunk;
    }

    private static void usage(ObjectNode usage) {
        usage.put("prompt_tokens", 120).put("completion_tokens", 30).put("total_tokens", 150);
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
