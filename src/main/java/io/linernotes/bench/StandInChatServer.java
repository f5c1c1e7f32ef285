package io.linernotes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A benchmark stand-in for a language model, on 127.0.0.1 only: it answers OpenAI's
 * {@code POST /v1/chat/completions} (not streamed) with a fixed sentence citing [1] after a fixed delay, and
 * counts the calls. It exists so that the answer-cache benchmark goes through the real OpenAI-protocol client;
 * it writes nothing worth reading and is never used outside {@code bench}.
 */
final class StandInChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicInteger calls = new AtomicInteger();
    private final long delayMillis;

    StandInChatServer(long delayMillis) throws IOException {
        this.delayMillis = delayMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            int n = calls.incrementAndGet();
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            ObjectNode reply = JSON.createObjectNode();
            reply.put("id", "stand-in-" + n);
            reply.put("object", "chat.completion");
            reply.put("created", 0);
            reply.put("model", request.path("model").asText());
            ObjectNode choice = reply.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            message.put("content", "A stand-in answer written for the benchmark [1].");
            choice.put("finish_reason", "stop");
            ObjectNode usage = reply.putObject("usage");
            usage.put("prompt_tokens", 600);
            usage.put("completion_tokens", 12);
            usage.put("total_tokens", 612);
            byte[] body = JSON.writeValueAsBytes(reply);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
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
