package io.linernotes.discord.emulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;

/**
 * One REST request as the emulation received it: the decoded path (without {@code /api/v10/}), the raw
 * query, headers (lower-case names) and the JSON body (from {@code payload_json} for multipart uploads;
 * {@link MissingNode} when there is none), and when it arrived ({@link System#nanoTime()}).
 */
public record RecordedRequest(long order, String method, String path, String query, Map<String, List<String>> headers,
        JsonNode body, long atNanos) {

    public boolean is(String wantedMethod, String pathPrefix) {
        return method.equals(wantedMethod) && path.startsWith(pathPrefix);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether this request carries a message (content, embeds or components) that Discord would show. */
    public boolean carriesMessage() {
        JsonNode message = messageBody();
        return message.has("content") || message.has("embeds") || message.has("components");
    }

    /** The message part of the body: {@code data} for interaction callbacks, the body itself otherwise. */
    public JsonNode messageBody() {
        if (path.startsWith("interactions/")) {
            return body.path("data");
        }
        return body;
    }

    /** Every embed description, title and field text of the message, joined. */
    public String visibleText() {
        JsonNode message = messageBody();
        StringBuilder sb = new StringBuilder(message.path("content").asText(""));
        for (JsonNode embed : message.path("embeds")) {
            sb.append('\n').append(embed.path("title").asText("")).append('\n')
                    .append(embed.path("description").asText(""));
            for (JsonNode field : embed.path("fields")) {
                sb.append('\n').append(field.path("name").asText("")).append('\n')
                        .append(field.path("value").asText(""));
            }
            sb.append('\n').append(embed.path("footer").path("text").asText(""));
        }
        return sb.toString();
    }

    /** Method, path and the start of the body: enough to read a failure message. */
    @Override
    public String toString() {
        String b = body.toString();
        return method + " " + path + " " + (b.length() > 160 ? b.substring(0, 160) + "…" : b);
    }
}
