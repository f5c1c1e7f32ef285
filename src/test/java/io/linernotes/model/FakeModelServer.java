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
import java.util.function.Function;

/**
 * A model provider on 127.0.0.1 for tests, speaking enough of three real protocols for the real langchain4j
 * clients: OpenAI chat completions ({@code POST /v1/chat/completions}, plain JSON or SSE when the request
 * says {@code "stream": true}), Anthropic messages ({@code POST /v1/messages}) and Gemini
 * ({@code POST /v1/models/M:generateContent}, or {@code :streamGenerateContent?alt=sse}). Replies follow a
 * script of steps (a failure status with its headers and body, a delay, a malformed body, a stream cut short,
 * a text, a text made from the request), then the default reply; every request is recorded. Streams send a
 * word per event, {@link #chunkMillis} apart, running {@link #beforeChunk} first (tests move a clock there).
 */
public final class FakeModelServer implements AutoCloseable {

    /**
     * One scripted reply: HTTP status (200 = answer with {@code text}), after {@code delayMillis}; optionally
     * a {@code retry-after} header, a raw body sent as is (malformed JSON, a provider's error document), a
     * stream cut after {@code cutAfterChunks} chunks (no finish, no [DONE]), or a {@code responder} that
     * writes the text from the request (a model that obeys whatever it is told).
     */
    public record Step(int status, String text, long delayMillis, String retryAfter, String rawBody,
            int cutAfterChunks, Function<JsonNode, String> responder) {

        public static Step answer(String text) {
            return new Step(200, text, 0, null, null, -1, null);
        }

        static Step fail(int status) {
            return new Step(status, null, 0, null, null, -1, null);
        }

        static Step slow(long delayMillis, String text) {
            return new Step(200, text, delayMillis, null, null, -1, null);
        }

        /** 429 with the given {@code retry-after} value (null: none). */
        static Step rateLimited(String retryAfter) {
            return new Step(429, null, 0, retryAfter, null, -1, null);
        }

        /** A failure status with a header and body of its own, e.g. Anthropic's 529 overloaded. */
        static Step failWith(int status, String retryAfter, String body) {
            return new Step(status, null, 0, retryAfter, body, -1, null);
        }

        /** OpenAI's reply to a prompt longer than the model's context. */
        static Step contextLengthExceeded() {
            return failWith(400, null, "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens."
                    + " However, your messages resulted in 9100 tokens.\",\"type\":\"invalid_request_error\","
                    + "\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}");
        }

        /** 200 with a body that is not JSON to the end. */
        static Step malformed() {
            return new Step(200, null, 0, null, "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Half an ans", -1, null);
        }

        /** A stream that sends the first {@code chunks} word chunks of {@code text}, then ends. */
        static Step cut(String text, int chunks) {
            return new Step(200, text, 0, null, null, chunks, null);
        }

        /** A model that writes whatever {@code responder} makes of the request. */
        public static Step obey(Function<JsonNode, String> responder) {
            return new Step(200, null, 0, null, null, -1, responder);
        }

        String textFor(JsonNode request) {
            return responder == null ? text : responder.apply(request);
        }
    }

    /** What a client sent: path, headers (lower-case names), the parsed JSON body, and when (nanoTime). */
    public record Recorded(String path, Map<String, List<String>> headers, JsonNode body, long atNanos) {
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
    /** Pause between streamed chunks. */
    public volatile long chunkMillis = 15;
    /** Runs before each streamed chunk is sent. */
    public volatile Runnable beforeChunk = () -> { };

    public FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::openAi);
        server.createContext("/v1/messages", this::anthropic);
        server.createContext("/v1/models/", this::gemini);
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
        requests.add(new Recorded(exchange.getRequestURI().getPath(), headers, body, System.nanoTime()));
        return body;
    }

    /** What differs between the protocols: the error document, and how a text is answered. */
    private interface Protocol {
        String error(int status);

        void answer(HttpExchange exchange, JsonNode request, String text, int cutAfter) throws IOException;
    }

    /**
     * What every protocol shares: record the request, take the next step, wait, then send its failure, its raw
     * body (as JSON, or as one event of a stream), or its text the protocol's way.
     */
    private void serve(HttpExchange exchange, Protocol protocol) throws IOException {
        try (exchange) {
            JsonNode body = record(exchange);
            Step step = next();
            pause(step.delayMillis());
            if (step.retryAfter() != null) {
                exchange.getResponseHeaders().add("retry-after", step.retryAfter());
            }
            boolean streamed = body.path("stream").asBoolean(false)
                    || exchange.getRequestURI().getPath().endsWith(":streamGenerateContent");
            if (step.status() != 200 || (step.rawBody() != null && !streamed)) {
                sendJson(exchange, step.status(), step.rawBody() != null ? step.rawBody() : protocol.error(step.status()));
            } else if (step.rawBody() != null) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                event(exchange.getResponseBody(), step.rawBody());
            } else {
                protocol.answer(exchange, body, step.textFor(body), step.cutAfterChunks());
            }
        }
    }

    private void openAi(HttpExchange exchange) throws IOException {
        serve(exchange, new Protocol() {
            @Override
            public String error(int status) {
                return "{\"error\":{\"message\":\"scripted failure " + status + "\",\"type\":\"fake_error\",\"code\":null}}";
            }

            @Override
            public void answer(HttpExchange exchange, JsonNode request, String text, int cutAfter) throws IOException {
                String model = request.path("model").asText("fake");
                if (request.path("stream").asBoolean(false)) {
                    streamOpenAi(exchange, model, text, cutAfter);
                    return;
                }
                ObjectNode reply = chunkHead(model).put("object", "chat.completion");
                ObjectNode choice = reply.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", text);
                usage(reply.putObject("usage"));
                sendJson(exchange, 200, JSON.writeValueAsString(reply));
            }
        });
    }

    /**
     * The text in word-sized chunks, one SSE event each, then a usage-only chunk, then [DONE]; or, when
     * {@code cutAfter} is not negative, only that many chunks and then the end of the body.
     */
    private void streamOpenAi(HttpExchange exchange, String model, String text, int cutAfter) throws IOException {
        OutputStream out = streamWords(exchange, text, cutAfter, (piece, last) -> {
            ObjectNode chunk = chunkHead(model);
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0).putNull("finish_reason");
            choice.putObject("delta").put("content", piece);
            return chunk;
        });
        if (cutAfter >= 0) {
            return;
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

    /** Sends the words of {@code text} (the first {@code cutAfter} only, when not negative) as SSE events. */
    private OutputStream streamWords(HttpExchange exchange, String text, int cutAfter,
            java.util.function.BiFunction<String, Boolean, ObjectNode> event) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<String> pieces = chunks(text);
        int sent = cutAfter >= 0 ? Math.min(cutAfter, pieces.size()) : pieces.size();
        for (int i = 0; i < sent; i++) {
            beforeChunk.run();
            event(out, JSON.writeValueAsString(event.apply(pieces.get(i), i == pieces.size() - 1)));
            pause(chunkMillis);
        }
        return out;
    }

    public static List<String> chunks(String text) {
        List<String> pieces = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+\\s*|\\s+").matcher(text);
        while (m.find()) {
            pieces.add(m.group());
        }
        return pieces;
    }

    private void anthropic(HttpExchange exchange) throws IOException {
        serve(exchange, new Protocol() {
            @Override
            public String error(int status) {
                return "{\"type\":\"error\",\"error\":{\"type\":\"fake_error\",\"message\":\"scripted failure\"}}";
            }

            @Override
            public void answer(HttpExchange exchange, JsonNode request, String text, int cutAfter) throws IOException {
                ObjectNode reply = JSON.createObjectNode();
                reply.put("id", "msg_fake").put("type", "message").put("role", "assistant")
                        .put("model", request.path("model").asText("fake"));
                ArrayNode content = reply.putArray("content");
                content.addObject().put("type", "text").put("text", text);
                reply.put("stop_reason", "end_turn").putNull("stop_sequence");
                reply.putObject("usage").put("input_tokens", 120).put("output_tokens", 30);
                sendJson(exchange, 200, JSON.writeValueAsString(reply));
            }
        });
    }

    /**
     * Gemini's generateContent: the model is in the path, the key in {@code x-goog-api-key}; streamed
     * ({@code :streamGenerateContent?alt=sse}) as one candidate per event, the last with its finish reason.
     */
    private void gemini(HttpExchange exchange) throws IOException {
        serve(exchange, new Protocol() {
            @Override
            public String error(int status) {
                return "{\"error\":{\"code\":" + status + ",\"message\":\"scripted failure\",\"status\":\"UNAVAILABLE\"}}";
            }

            @Override
            public void answer(HttpExchange exchange, JsonNode request, String text, int cutAfter) throws IOException {
                if (exchange.getRequestURI().getPath().endsWith(":streamGenerateContent")) {
                    streamWords(exchange, text, cutAfter, (piece, last) -> geminiChunk(piece, last ? "STOP" : null));
                } else {
                    sendJson(exchange, 200, JSON.writeValueAsString(geminiChunk(text, "STOP")));
                }
            }
        });
    }

    private static ObjectNode geminiChunk(String text, String finishReason) {
        ObjectNode reply = JSON.createObjectNode();
        ObjectNode candidate = reply.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content").put("role", "model");
        content.putArray("parts").addObject().put("text", text);
        candidate.put("index", 0);
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
        }
        reply.putObject("usageMetadata").put("promptTokenCount", 120).put("candidatesTokenCount", 30)
                .put("totalTokenCount", 150);
        return reply.put("modelVersion", "fake");
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
