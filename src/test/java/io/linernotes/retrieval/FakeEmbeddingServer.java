package io.linernotes.retrieval;

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
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An embedding server on 127.0.0.1 speaking OpenAI's {@code POST /v1/embeddings}, as Ollama,
 * text-embeddings-inference and vLLM do, for the real langchain4j {@code OpenAiEmbeddingModel}. Vectors come
 * from a function of the text (a real model, or a deterministic stand-in); failures can be scripted (the next
 * N requests answer a status), or set to start after a number of successful requests. Every request's
 * inputs are recorded.
 */
public final class FakeEmbeddingServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private volatile Function<String, float[]> vectors;
    private final ConcurrentLinkedQueue<Integer> scriptedFailures = new ConcurrentLinkedQueue<>();
    private volatile int failAfter = Integer.MAX_VALUE;
    private final AtomicInteger succeeded = new AtomicInteger();
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();

    public FakeEmbeddingServer(Function<String, float[]> vectors) throws IOException {
        this.vectors = vectors;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/embeddings", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A deterministic stand-in model: {@code dimension} values from a hash of each word, seeded. */
    public static Function<String, float[]> hashModel(int dimension, int seed) {
        return text -> {
            float[] v = new float[dimension];
            for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
                int h = (seed + "/" + word).hashCode();
                v[Math.floorMod(h, dimension)] += 1f;
                v[Math.floorMod(h * 17 + 7, dimension)] += 0.5f;
            }
            v[0] += 0.01f;
            return v;
        };
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The next {@code statuses.length} requests fail with these statuses, in order. */
    public void failNext(int... statuses) {
        for (int status : statuses) {
            scriptedFailures.add(status);
        }
    }

    /** After {@code successes} more successful requests, every request fails with 500 (a server gone bad). */
    public void failAfter(int successes) {
        failAfter = succeeded.get() + successes;
    }

    public void heal() {
        failAfter = Integer.MAX_VALUE;
        scriptedFailures.clear();
    }

    public void serve(Function<String, float[]> newVectors) {
        this.vectors = newVectors;
    }

    /** Every request's inputs, failed ones included. */
    public List<List<String>> requests() {
        return List.copyOf(requests);
    }

    /** Texts embedded in successful requests, in order. */
    public List<String> embeddedTexts() {
        return List.copyOf(embedded);
    }

    private final List<String> embedded = new CopyOnWriteArrayList<>();

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            List<String> inputs = new ArrayList<>();
            JsonNode input = body.get("input");
            if (input != null && input.isArray()) {
                input.forEach(n -> inputs.add(n.asText()));
            } else if (input != null) {
                inputs.add(input.asText());
            }
            requests.add(List.copyOf(inputs));
            Integer status = scriptedFailures.poll();
            if (status == null && succeeded.get() >= failAfter) {
                status = 500;
            }
            if (status != null) {
                send(exchange, status, "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}");
                return;
            }
            ObjectNode reply = JSON.createObjectNode();
            reply.put("object", "list");
            ArrayNode data = reply.putArray("data");
            for (int i = 0; i < inputs.size(); i++) {
                ObjectNode item = data.addObject();
                item.put("object", "embedding");
                item.put("index", i);
                ArrayNode vector = item.putArray("embedding");
                for (float f : vectors.apply(inputs.get(i))) {
                    vector.add(f);
                }
            }
            reply.put("model", body.path("model").asText());
            ObjectNode usage = reply.putObject("usage");
            usage.put("prompt_tokens", inputs.size());
            usage.put("total_tokens", inputs.size());
            succeeded.incrementAndGet();
            embedded.addAll(inputs);
            send(exchange, 200, JSON.writeValueAsString(reply));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
