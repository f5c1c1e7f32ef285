package io.linernotes.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenes for the screenshot tool ({@code tools/discord-screens}): what a user did (a slash command, a message, a
 * reply) and the messages the bot really sent to the Discord emulation in answer, exactly as sent (content,
 * embeds, components, flags), written as one JSON file per scene.
 */
final class Gallery {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    Gallery(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    Scene scene(String name, String title, String caption) {
        return new Scene(name, title, caption);
    }

    final class Scene {
        private final ObjectNode root = JSON.createObjectNode();
        private final ArrayNode events;

        private Scene(String name, String title, String caption) {
            root.put("name", name).put("title", title).put("caption", caption);
            events = root.putArray("events");
        }

        /** A member used a slash command; the bot's messages for it follow as {@link #interaction}. */
        Scene command(Actor actor, String command, Map<String, String> options) {
            ObjectNode e = events.addObject().put("type", "command").put("user", actor.userName())
                    .put("command", command);
            ObjectNode o = e.putObject("options");
            options.forEach(o::put);
            return this;
        }

        /** A member pressed the button {@code label} under the bot's message {@code under} (its title or text). */
        Scene button(Actor actor, String label, String under) {
            events.addObject().put("type", "button").put("user", actor.userName()).put("label", label)
                    .put("under", under);
            return this;
        }

        /** A message the user wrote; {@code replyTo} is the index of the event it replies to, or -1. */
        Scene user(Actor actor, String content, int replyTo) {
            ObjectNode e = events.addObject().put("type", "user").put("user", actor.userName()).put("content", content);
            if (replyTo >= 0) {
                e.put("replyTo", replyTo);
            }
            return this;
        }

        /** Everything the bot sent for {@code interaction}: its callback, the final original response, follow-ups. */
        Scene interaction(DiscordEmulator discord, Interaction interaction, int commandEvent) {
            RecordedRequest callback = discord.awaitCallback(interaction);
            JsonNode cb = callback.body();
            int type = cb.path("type").asInt();
            if (type == 9) {
                events.addObject().put("type", "modal").set("modal", cb.path("data"));
                return this;
            }
            boolean ephemeral = (cb.path("data").path("flags").asInt() & 64) != 0;
            List<JsonNode> messages = new ArrayList<>();
            if (type == 4) {
                messages.add(cb.path("data"));
            }
            JsonNode original = null;
            for (RecordedRequest r : discord.requests(r -> r.path().startsWith(
                    "webhooks/" + DiscordEmulator.BOT_ID + "/" + interaction.token()))) {
                if (r.method().equals("PATCH") && r.path().endsWith("/messages/@original")) {
                    original = r.body();
                } else if (r.method().equals("POST")) {
                    messages.add(r.body());
                }
            }
            if (original != null) {
                messages.add(0, original);
            }
            assertFalse(messages.isEmpty(), "the bot sent something for " + interaction);
            for (JsonNode m : messages) {
                bot(m, ephemeral || (m.path("flags").asInt() & 64) != 0, commandEvent);
            }
            return this;
        }

        /** A message the bot sent; {@code replyTo} is the index of the event it answers, or -1. */
        Scene bot(JsonNode message, boolean ephemeral, int replyTo) {
            ObjectNode e = events.addObject().put("type", "bot").put("ephemeral", ephemeral);
            if (replyTo >= 0) {
                e.put("replyTo", replyTo);
            }
            ObjectNode m = e.putObject("message");
            for (String field : List.of("content", "embeds", "components", "flags")) {
                if (message.has(field)) {
                    m.set(field, message.get(field));
                }
            }
            return this;
        }

        int size() {
            return events.size();
        }

        Path write() throws IOException {
            Path file = dir.resolve(root.path("name").asText() + ".json");
            JSON.writeValue(file.toFile(), root);
            return file;
        }
    }
}
