package io.linernotes.discord.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What Discord's {@code GET /gateway/bot} says about this bot: how many shards it recommends and how many
 * shards may IDENTIFY at once ({@code session_start_limit.max_concurrency}). Asked only when
 * {@code discord.shards.total} is {@code auto}; JDA asks again for itself when it connects.
 */
public record GatewayBot(int shards, int maxConcurrency) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    public GatewayBot {
        if (shards < 1 || maxConcurrency < 1) {
            throw new IllegalArgumentException("Discord answered shards=" + shards + ", max_concurrency="
                    + maxConcurrency);
        }
    }

    /** Asks {@code apiUrl} (ending with a slash) with the bot's token; a clear message if it cannot. */
    public static GatewayBot ask(String apiUrl, String token) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "gateway/bot")).timeout(TIMEOUT)
                .header("Authorization", "Bot " + token).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            throw new IOException("Discord refused the bot token (401) when asked for the recommended shard count");
        }
        if (response.statusCode() != 200) {
            throw new IOException("Discord answered " + response.statusCode() + " to GET gateway/bot; set "
                    + "discord.shards.total to a number to start without asking");
        }
        JsonNode body = JSON.readTree(response.body());
        if (!body.path("shards").canConvertToInt()) {
            throw new IOException("GET gateway/bot gave no shard count: " + abbreviate(response.body()));
        }
        return new GatewayBot(body.path("shards").asInt(),
                body.path("session_start_limit").path("max_concurrency").asInt(1));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
