package io.linernotes.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.DiscordConfig;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.discord.emulation.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Development registration: commands go to the listed servers (instant on Discord), never globally. */
class DevGuildRegistrationTest {

    private static final String DEV_GUILD = "700000000000000001";

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("with devGuilds the commands are registered to that server only, and an unknown server is skipped")
    void registersToTheListedServerOnly() throws Exception {
        DiscordConfig config = new DiscordConfig(List.of(DEV_GUILD, "700000000000000999"), List.of(), null, null, 2, 20,
                1_000, 10_000, 0);
        try (BotHarness harness = new BotHarness(dataDir, config,
                new EmulatedGuild(DEV_GUILD, "700000000000000002", Map.of()))) {
            RecordedRequest put = harness.discord.await("PUT guild commands",
                    r -> r.is("PUT", "applications/") && r.path().contains("/guilds/" + DEV_GUILD + "/commands"));
            List<String> names = new java.util.ArrayList<>();
            put.body().forEach(c -> names.add(c.path("name").asText()));
            assertTrue(names.containsAll(List.of("meaning", "ask", "help", "essay")), names.toString());
            List<RecordedRequest> registrations = harness.discord.requests(
                    r -> r.is("PUT", "applications/") && r.path().endsWith("/commands"));
            assertEquals(1, registrations.size(), "one registration, to the dev server: " + registrations);
            assertTrue(registrations.get(0).path().contains("/guilds/"), "nothing registered globally");
        }
    }
}
