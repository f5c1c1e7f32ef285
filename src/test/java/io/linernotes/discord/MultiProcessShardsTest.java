package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.DiscordEmulator.Identify;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.discord.emulation.RecordedRequest;
import io.linernotes.discord.shard.IdentifyGate;
import io.linernotes.store.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code linernotes bot} JVMs, shards 0 and 1 of 2, against one emulated Discord. Each process logs in
 * with a token of its own (the emulation does not check tokens), so every request the emulation records says
 * which process made it.
 */
@DisplayName("Two bot processes, shards 0 and 1 of 2, share one Discord")
class MultiProcessShardsTest {
    static final String GUILD_A = DiscordEmulator.guildIdOnShard(0, 2, 7);
    static final String GUILD_B = DiscordEmulator.guildIdOnShard(1, 2, 7);
    static final String CHANNEL_A = "620000000000000001";
    static final String CHANNEL_B = "620000000000000002";
    static final String MOD_ROLE = "820000000000000001";
    static final String TOKEN_A = "process-a-token";
    static final String TOKEN_B = "process-b-token";
    static final long START_MILLIS = 120_000;

    @TempDir
    Path tmp;

    @Test
    @DisplayName("over one PostgreSQL: each answers its servers, shard 0's process answers DMs and registers "
            + "commands once, IDENTIFYs of one bucket are 5 s apart; kill -9 of one leaves the other answering and "
            + "the restarted one takes its shard back")
    void twoProcessesOverOnePostgres() throws Exception {
        twoProcesses(TestPostgres.freshDatabase(), Map.of());
    }

    /**
     * The scenario over the store at {@code storeUrl} (null: each process its own SQLite file in its data
     * directory, whose IDENTIFYs nothing coordinates), {@code storeEnv} added to both processes' environment
     * (a password).
     */
    void twoProcesses(String storeUrl, Map<String, String> storeEnv) throws Exception {
        try (DiscordEmulator discord = DiscordEmulator.start(new EmulatedGuild(GUILD_A, CHANNEL_A, Map.of(MOD_ROLE, Actor.MANAGE_GUILD)),
                new EmulatedGuild(GUILD_B, CHANNEL_B, Map.of()))) {
            Map<String, String> env = new HashMap<>(storeEnv);
            env.put(DiscordEndpoints.API_URL_ENV, discord.apiUrl());
            env.put(DiscordEndpoints.GATEWAY_URL_ENV, discord.gatewayUrl());
            try (BotProcess a = process("a", 0, TOKEN_A, storeUrl, env);
                    BotProcess b = process("b", 1, TOKEN_B, storeUrl, env)) {
                long started = System.nanoTime();
                a.start();
                b.start();
                a.awaitRunning(START_MILLIS);
                b.awaitRunning(START_MILLIS);
                System.out.printf("SHARDS two processes: both running %d ms after their JVMs were started%n",
                        (System.nanoTime() - started) / 1_000_000);

                assertAnsweredBy(discord, askInGuild(discord, GUILD_A, CHANNEL_A, "330000000000000001"), TOKEN_A);
                assertAnsweredBy(discord, askInGuild(discord, GUILD_B, CHANNEL_B, "330000000000000002"), TOKEN_B);
                assertDmAnsweredBy(discord, "330000000000000003", TOKEN_A);
                List<RecordedRequest> registrations = discord.requests(r -> r.is("PUT", "applications/")
                        && r.path().endsWith("/commands"));
                assertEquals(1, registrations.size(), "commands registered once: " + registrations);
                assertEquals("Bot " + TOKEN_A, registrations.get(0).header("Authorization"), "by shard 0's process");

                String moderatorsPhrase = null;
                if (storeUrl != null) {
                    moderatorsPhrase = addThroughDiscord(discord);
                    importThroughCli(a.config());
                }

                b.kill();
                discord.awaitShardGone(1);
                assertAnsweredBy(discord, askInGuild(discord, GUILD_A, CHANNEL_A, "330000000000000004"), TOKEN_A);
                assertDmAnsweredBy(discord, "330000000000000005", TOKEN_A);
                Interaction whileDown = askInGuild(discord, GUILD_B, CHANNEL_B, "330000000000000006");

                b.start();
                b.awaitRunning(START_MILLIS);
                assertAnsweredBy(discord, whileDown, TOKEN_B);
                assertAnsweredBy(discord, askInGuild(discord, GUILD_B, CHANNEL_B, "330000000000000007"), TOKEN_B);
                assertEquals(1, discord.requests(r -> r.is("PUT", "applications/")).size(),
                        "the restarted shard-1 process registers nothing");
                if (storeUrl != null) {
                    // The restarted process read the store at start: it answers the essay imported while it ran,
                    // and holds server A's essay too, which it must not show in server B.
                    String imported = discord.awaitWebhook(discord.slash(Actor.member(GUILD_B, CHANNEL_B,
                            "330000000000000008", Actor.MEMBER), "meaning", option("song", CLI_TITLE)), 1).visibleText();
                    assertTrue(imported.contains(CLI_PHRASE), "caught up with the CLI import: " + imported);
                    String elsewhere = discord.awaitWebhook(discord.slash(Actor.member(GUILD_B, CHANNEL_B,
                            "330000000000000009", Actor.MEMBER), "meaning", option("song", MOD_TITLE)), 1).visibleText();
                    assertTrue(!elsewhere.contains(moderatorsPhrase), "server A's essay shown in B: " + elsewhere);
                }

                List<Identify> identifies = discord.identifyLog();
                assertEquals(List.of(0, 1, 1), identifies.stream().map(Identify::shard).sorted().toList(),
                        identifies.toString());
                long closest = closestInOneBucket(identifies);
                System.out.printf("SHARDS two processes: closest IDENTIFYs of one bucket %d ms apart (%s)%n",
                        closest / 1_000_000, storeUrl == null ? "separate stores: not coordinated" : "shared store");
                if (storeUrl != null) {
                    assertTrue(closest >= IdentifyGate.SPACING.toNanos(), closest / 1_000_000 + " ms apart");
                }
            }
        }
    }

    private BotProcess process(String name, int shard, String token, String storeUrl, Map<String, String> env)
            throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path config = dir.resolve("linernotes.yaml");
        StringBuilder yaml = new StringBuilder()
                .append("retrieval:\n  vectors: false\nmodel:\n  provider: extractive\n")
                .append("discord:\n  userPerMinute: 1000\n  guildPerMinute: 10000\n")
                .append("  shards:\n    total: 2\n    ids: \"").append(shard).append("\"\n");
        if (storeUrl != null) {
            yaml.append("store:\n  url: ").append(storeUrl).append('\n');
        }
        Files.writeString(config, yaml.toString());
        Map<String, String> all = new HashMap<>(env);
        all.put("DISCORD_TOKEN", token);
        return new BotProcess(name, config, dir.resolve("data"), all, tmp);
    }

    static final String MOD_TITLE = "Tidewater Hymn";
    static final String CLI_TITLE = "Lamplighter's Ledger";
    static final String CLI_PHRASE = "counts the lit windows of his street";

    /** A moderator of server A adds an essay through the form (shard 0's process); it is answered there. */
    private static String addThroughDiscord(DiscordEmulator discord) {
        Actor moderator = Actor.member(GUILD_A, CHANNEL_A, "330000000000000010", Actor.MEMBER | Actor.MANAGE_GUILD,
                MOD_ROLE);
        String phrase = "a ferryman's farewell sung to the receding shore";
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", MOD_TITLE);
        fields.put("artist", "Saltmarsh Choir");
        fields.put("featured", "");
        fields.put("year", "");
        fields.put("body", MOD_TITLE + " is " + phrase + ", verse after verse, until only the bell is left.");
        Interaction submit = discord.modalSubmit(moderator, "essay:add", fields);
        String added = discord.awaitWebhook(submit, 1).visibleText();
        assertTrue(added.contains("Added essay #"), added);
        assertEquals("Bot " + TOKEN_A, discord.awaitWebhook(submit, 1).header("Authorization"));
        String answer = discord.awaitWebhook(discord.slash(moderator, "meaning", option("song", MOD_TITLE)), 1)
                .visibleText();
        assertTrue(answer.contains(phrase), answer);
        return phrase;
    }

    /** {@code linernotes import} (the in-process CLI) of one global essay into the shared store. */
    private void importThroughCli(Path config) throws Exception {
        Path file = tmp.resolve("ledger.md");
        Files.writeString(file, "---\ntitle: " + CLI_TITLE + "\nartist: The Harbour Keepers\nyear: 2001\n---\n"
                + CLI_TITLE + " follows a night watchman who " + CLI_PHRASE + ".\n\n"
                + "The chorus turns the count into a prayer: while the lamps burn, nobody on the street is alone.\n");
        int exit = io.linernotes.cli.Main.run("--config", config.toString(), "--data-dir",
                tmp.resolve("cli-data").toString(), "import", file.toString());
        assertEquals(0, exit, "linernotes import");
    }

    private static Interaction askInGuild(DiscordEmulator discord, String guild, String channel, String user) {
        return discord.slash(Actor.member(guild, channel, user, Actor.MEMBER), "meaning", option("song", "Runaway"));
    }

    private static void assertAnsweredBy(DiscordEmulator discord, Interaction interaction, String token) {
        RecordedRequest answer = discord.awaitWebhook(interaction, 1);
        assertTrue(answer.visibleText().contains(BusyAndShutdownTest.RUNAWAY_ANSWERED), answer.visibleText());
        assertEquals("Bot " + token, answer.header("Authorization"));
    }

    static void assertDmAnsweredBy(DiscordEmulator discord, String userId, String token) {
        Actor dm = Actor.dm(userId);
        String asked = discord.directMessage(dm, "what is Runaway by Kanye West about?");
        RecordedRequest reply = discord.await("DM reply", r -> r.is("POST", "channels/" + dm.channelId())
                && r.body().path("message_reference").path("message_id").asText().equals(asked));
        assertEquals("Bot " + token, reply.header("Authorization"), "DMs are answered by shard 0's process");
    }

    /** The shortest time between two IDENTIFYs of one bucket. */
    private static long closestInOneBucket(List<Identify> identifies) {
        long closest = Long.MAX_VALUE;
        List<Identify> sorted = new ArrayList<>(identifies);
        sorted.sort(java.util.Comparator.comparingLong(Identify::atNanos));
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(i).bucket() == sorted.get(j).bucket()) {
                    closest = Math.min(closest, sorted.get(j).atNanos() - sorted.get(i).atNanos());
                }
            }
        }
        return closest;
    }
}
