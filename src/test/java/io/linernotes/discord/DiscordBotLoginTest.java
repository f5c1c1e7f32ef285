package io.linernotes.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.RecordedRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The bot logs in to Discord and registers its commands")
class DiscordBotLoginTest {
    @TempDir
    static Path dataDir;
    static BotHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = new BotHarness(dataDir, BotHarness.config(List.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    @DisplayName("login asks users/@me with the bot token")
    void loginUsesTheBotToken() {
        RecordedRequest me = harness.discord.await("GET users/@me", r -> r.is("GET", "users/@me"));
        assertEquals("Bot " + BotHarness.TOKEN, me.header("Authorization"));
    }

    @Test
    @DisplayName("IDENTIFY asks for guild and direct messages but not the privileged message content intent")
    void identifyAsksOnlyForTheIntentsItNeeds() {
        harness.discord.awaitIdentified(1);
        JsonNode identify = harness.discord.gatewayFrames().stream().filter(f -> f.path("op").asInt() == 2)
                .findFirst().orElseThrow();
        long intents = identify.path("d").path("intents").asLong();
        assertTrue((intents & (1 << 9)) != 0, "GUILD_MESSAGES");
        assertTrue((intents & (1 << 12)) != 0, "DIRECT_MESSAGES");
        assertEquals(0, intents & (1 << 15), "MESSAGE_CONTENT is privileged and must not be asked for");
        assertEquals(0, intents & (1 << 1), "GUILD_MEMBERS is privileged and must not be asked for");
        assertEquals(BotHarness.TOKEN, identify.path("d").path("token").asText());
    }

    @Test
    @DisplayName("commands are registered globally with their contexts and default permissions")
    void commandsAreRegisteredWithContextsAndPermissions() {
        RecordedRequest put = harness.discord.await("PUT commands",
                r -> r.is("PUT", "applications/" + DiscordEmulator.BOT_ID + "/commands"));
        Map<String, JsonNode> byName = new HashMap<>();
        put.body().forEach(c -> byName.put(c.path("name").asText(), c));
        assertEquals(Set.of("meaning", "ask", "help", "essay"), byName.keySet());
        for (String open : List.of("meaning", "ask", "help")) {
            assertEquals(Set.of(0, 1), ints(byName.get(open).path("contexts")), open + " contexts");
            assertTrue(byName.get(open).path("default_member_permissions").isNull(), open + " open to everyone");
        }
        assertEquals(Set.of(0), ints(byName.get("essay").path("contexts")));
        assertEquals("32", byName.get("essay").path("default_member_permissions").asText(), "Manage Server");
        JsonNode song = byName.get("meaning").path("options").get(0);
        assertEquals("song", song.path("name").asText());
        assertTrue(song.path("autocomplete").asBoolean());
        Set<String> subcommands = new HashSet<>();
        byName.get("essay").path("options").forEach(o -> subcommands.add(o.path("name").asText()));
        assertEquals(Set.of("add", "edit", "remove", "show", "list", "history", "restore", "gaps"), subcommands);
        assertFalse(harness.discord.requests().stream().anyMatch(r -> r.path().contains("/guilds/")),
                "no guild registration without dev guilds");
    }

    private static Set<Integer> ints(JsonNode array) {
        Set<Integer> out = new HashSet<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
