package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.cli.CliRunner;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.EmulatedGuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moderator roles are matched by id only. Anyone with Manage Roles in any server can give any role any name,
 * so a name proves nothing: a role named like the configured role (even named as its id) grants nothing, and
 * a configuration that lists a name is refused at start with a message that says how to find the id.
 */
@DisplayName("Moderator roles match by id only")
class ModeratorRolesTest {
    static final String GUILD = "500000000000000051";
    static final String CHANNEL = "600000000000000051";
    static final String CURATOR_ROLE = "800000000000000051";
    static final String LOOKALIKE_ROLE = "800000000000000052";

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("a role named like the configured one is not a moderator; the role with that id is")
    void onlyTheIdGrants() throws Exception {
        EmulatedGuild guild = new EmulatedGuild(GUILD, CHANNEL, Map.of(CURATOR_ROLE, 0L, LOOKALIKE_ROLE, 0L),
                Map.of(CURATOR_ROLE, "Curator", LOOKALIKE_ROLE, CURATOR_ROLE));
        try (BotHarness h = new BotHarness(dataDir, BotHarness.config(List.of(CURATOR_ROLE)), guild)) {
            Actor lookalike = Actor.member(GUILD, CHANNEL, "350000000000000001", Actor.MEMBER, LOOKALIKE_ROLE);
            String refused = h.discord.awaitCallback(h.discord.slash(lookalike, "essay", sub("list")))
                    .body().path("data").path("content").asText();
            assertEquals(EssayCommand.REFUSED, refused);
            Actor curator = Actor.member(GUILD, CHANNEL, "350000000000000002", Actor.MEMBER, CURATOR_ROLE);
            String list = h.discord.awaitWebhook(h.discord.slash(curator, "essay", sub("list")), 1).visibleText();
            assertTrue(list.startsWith("**Essays**"), list);
        }
    }

    @Test
    @DisplayName("a configuration listing a role by name is refused at start, saying to use the role's id")
    void namesAreRefusedInTheConfiguration() throws Exception {
        Path config = Files.writeString(dataDir.resolve("roles.yaml"), "discord:\n  moderatorRoles: [\"Curator\"]\n");
        CliRunner.Run run = CliRunner.run("", "--config", config.toString(), "--data-dir",
                dataDir.resolve("data").toString(), "essays", "list");
        assertEquals(3, run.exit(), "a configuration error: " + run.out());
        assertTrue(run.err().contains("'Curator' is not a role id") && run.err().contains("by id only"), run.err());
    }
}
