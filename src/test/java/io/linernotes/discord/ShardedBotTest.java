package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.config.DiscordConfig;
import io.linernotes.config.ModelConfig;
import io.linernotes.config.ShardsConfig;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.DiscordEmulator.Identify;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.discord.emulation.RecordedRequest;
import io.linernotes.discord.shard.IdentifyGate;
import io.linernotes.discord.shard.LocalIdentifyGate;
import io.linernotes.feedback.FeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bots in one JVM, each running one shard of two, against one emulated Discord; one engine behind both.
 * Each bot logs in with its own token so the emulation's records tell which one made a request (the
 * emulation does not check tokens). The multi-process version of this is {@link MultiProcessShardsTest}.
 */
@DisplayName("A sharded bot: guilds on their shards, DMs and commands on shard 0, IDENTIFYs spaced per bucket")
class ShardedBotTest {
    static final String GUILD_0 = DiscordEmulator.guildIdOnShard(0, 2, 1);
    static final String GUILD_1 = DiscordEmulator.guildIdOnShard(1, 2, 1);
    static final String TOKEN_0 = "shard-zero-token";
    static final String TOKEN_1 = "shard-one-token";

    @TempDir
    static Path dataDir;
    static Engine engine;
    static FeedbackStore feedback;
    static AppConfig app;

    @BeforeAll
    static void open() throws Exception {
        app = BotHarness.engineConfig(dataDir, ModelConfig.defaults());
        engine = Engine.open(app, Path.of("prompts"), Map.<String, String>of()::get);
        feedback = FeedbackStore.open(dataDir);
    }

    @AfterAll
    static void close() {
        feedback.close();
        engine.close();
    }

    static DiscordBot start(DiscordEmulator discord, String token, ShardsConfig shards, IdentifyGate gate)
            throws InterruptedException {
        DiscordConfig config = BotHarness.config(List.of()).withShards(shards);
        DiscordEndpoints endpoints = new DiscordEndpoints(discord.apiUrl(), discord.gatewayUrl());
        return DiscordBot.start(token, config, app.essays(), endpoints, EngineBotServices.of(engine), feedback,
                Duration.ofSeconds(10), Clock.systemUTC(), gate);
    }

    @Test
    @DisplayName("shards 0 and 1 of 2 in two bots: each answers its own guild, shard 0 answers DMs and registers "
            + "the commands once, and their IDENTIFYs (one bucket) are 5 s apart")
    void twoBotsShareTheWork() throws Exception {
        IdentifyGate gate = new LocalIdentifyGate();
        try (DiscordEmulator discord = DiscordEmulator.start(new EmulatedGuild(GUILD_0, "610000000000000001", Map.of()),
                new EmulatedGuild(GUILD_1, "610000000000000002", Map.of()))) {
            discord.recommendShards(2);
            try (DiscordBot zero = start(discord, TOKEN_0, new ShardsConfig("2", "0"), gate);
                    DiscordBot one = start(discord, TOKEN_1, new ShardsConfig("auto", "1"), gate)) {
                assertEquals(List.of(0), zero.shards().plan().ids());
                assertEquals(2, one.shards().plan().total(), "auto took Discord's recommendation");
                assertNotNull(zero.jda().getGuildById(GUILD_0));
                assertNull(zero.jda().getGuildById(GUILD_1), "shard 0 never hears of shard 1's guild");
                assertNotNull(one.jda().getGuildById(GUILD_1));

                Interaction in0 = discord.slash(Actor.member(GUILD_0, "610000000000000001", "320000000000000001",
                        Actor.MEMBER), "meaning", option("song", "Runaway"));
                Interaction in1 = discord.slash(Actor.member(GUILD_1, "610000000000000002", "320000000000000002",
                        Actor.MEMBER), "meaning", option("song", "Runaway"));
                assertAnsweredBy(discord, in0, TOKEN_0);
                assertAnsweredBy(discord, in1, TOKEN_1);

                Actor dm = Actor.dm("320000000000000003");
                String asked = discord.directMessage(dm, "what is Runaway by Kanye West about?");
                RecordedRequest reply = discord.await("DM reply", r -> r.is("POST", "channels/" + dm.channelId())
                        && r.body().path("message_reference").path("message_id").asText().equals(asked));
                assertEquals("Bot " + TOKEN_0, reply.header("Authorization"), "DMs are shard 0's");
                assertTrue(reply.visibleText().contains(BusyAndShutdownTest.RUNAWAY_ANSWERED), reply.visibleText());

                List<RecordedRequest> registrations = discord.requests(r -> r.is("PUT", "applications/")
                        && r.path().endsWith("/commands"));
                assertEquals(1, registrations.size(), "commands registered once: " + registrations);
                assertEquals("Bot " + TOKEN_0, registrations.get(0).header("Authorization"));

                List<Identify> identifies = discord.identifyLog();
                assertEquals(List.of(0, 1), identifies.stream().map(Identify::shard).toList());
                assertTrue(identifies.stream().allMatch(i -> i.total() == 2 && i.bucket() == 0));
                long gap = identifies.get(1).atNanos() - identifies.get(0).atNanos();
                System.out.printf("SHARDS in one JVM: IDENTIFY of shard 1 came %d ms after shard 0's (one bucket)%n",
                        gap / 1_000_000);
                assertTrue(gap >= IdentifyGate.SPACING.toNanos(), gap / 1_000_000 + " ms apart");
            }
        }
    }

    @Test
    @DisplayName("with max_concurrency 2, shards 0 and 1 are in different buckets and need not wait for each other")
    void bucketsIdentifyTogether() throws Exception {
        try (DiscordEmulator discord = DiscordEmulator.start().maxConcurrency(2);
                DiscordBot bot = start(discord, TOKEN_0, new ShardsConfig("2", "all"), new LocalIdentifyGate())) {
            List<Identify> identifies = discord.identifyLog();
            assertEquals(List.of(0, 1), identifies.stream().map(Identify::bucket).sorted().toList());
            long gap = Math.abs(identifies.get(1).atNanos() - identifies.get(0).atNanos());
            assertTrue(gap < IdentifyGate.SPACING.toNanos(), gap / 1_000_000 + " ms apart");
            assertNotNull(bot.shards().shard(1));
        }
    }

    @Test
    @DisplayName("an unsharded bot in more guilds than one shard may hold is shut out with 4011; the start says so")
    void shardingRequiredFailsTheStart() throws Exception {
        try (DiscordEmulator discord = DiscordEmulator.start(new EmulatedGuild(GUILD_0, "610000000000000001", Map.of()),
                new EmulatedGuild(GUILD_1, "610000000000000002", Map.of())).guildsPerShard(1)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> start(discord, TOKEN_0, new ShardsConfig("1", "all"), new LocalIdentifyGate()));
            assertTrue(e.getMessage().contains("4011") && e.getMessage().contains("discord.shards.total"),
                    e.getMessage());
        }
    }

    private static void assertAnsweredBy(DiscordEmulator discord, Interaction interaction, String token) {
        RecordedRequest answer = discord.awaitWebhook(interaction, 1);
        assertTrue(answer.visibleText().contains(BusyAndShutdownTest.RUNAWAY_ANSWERED), answer.visibleText());
        assertEquals("Bot " + token, discord.awaitCallback(interaction).header("Authorization"));
        assertEquals("Bot " + token, answer.header("Authorization"));
    }
}
