package io.linernotes.discord;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language model on 127.0.0.1 speaking the OpenAI chat-completions protocol, streamed as server-sent
 * events (one word per event, {@code wordMillis} apart), so the engine's real langchain4j client streams into
 * the bot. It answers every request with {@link #reply} and keeps every request body.
 */
final class OpenAiCompatibleServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    volatile String reply = "An answer [1].";
    volatile long wordMillis;
    /** When set, writes the reply from the request body instead of {@link #reply}: a model that obeys its input. */
    volatile java.util.function.Function<JsonNode, String> responder;

    OpenAiCompatibleServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::complete);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void complete(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(body);
            String model = body.path("model").asText("test-model");
            java.util.function.Function<JsonNode, String> r = responder;
            String text = r == null ? reply : r.apply(body);
            if (!body.path("stream").asBoolean(false)) {
                ObjectNode out = head(model, "chat.completion");
                ObjectNode choice = out.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", text);
                byte[] bytes = JSON.writeValueAsBytes(out);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            Matcher words = Pattern.compile("\\S+\\s*|\\s+").matcher(text);
            while (words.find()) {
                ObjectNode chunk = head(model, "chat.completion.chunk");
                ObjectNode choice = chunk.putArray("choices").addObject();
                choice.put("index", 0).putNull("finish_reason");
                choice.putObject("delta").put("content", words.group());
                event(out, JSON.writeValueAsString(chunk));
                pause();
            }
            ObjectNode last = head(model, "chat.completion.chunk");
            ObjectNode stop = last.putArray("choices").addObject();
            stop.put("index", 0).put("finish_reason", "stop");
            stop.putObject("delta");
            event(out, JSON.writeValueAsString(last));
            event(out, "[DONE]");
        }
    }

    private void pause() {
        try {
            Thread.sleep(wordMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObjectNode head(String model, String object) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "chatcmpl-test").put("object", object).put("created", System.currentTimeMillis() / 1000)
                .put("model", model);
        return node;
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
