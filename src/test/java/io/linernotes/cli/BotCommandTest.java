package io.linernotes.cli;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code linernotes bot} through {@link Main#run}, with the environment and the stop hook supplied by the test. */
class BotCommandTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void restoreSeams() {
        BotCommand.env = System::getenv;
        BotCommand.shutdownHooks = Runtime.getRuntime()::addShutdownHook;
    }

    @Test
    @DisplayName("without DISCORD_TOKEN it says what to set or use instead, exits with 2 and opens nothing")
    void noTokenIsExplained() {
        BotCommand.env = name -> null;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run("--data-dir", dataDir.toString(), "bot");
        } finally {
            System.setErr(oldErr);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, message);
        assertTrue(message.contains("DISCORD_TOKEN is not set") && message.contains("linernotes console"), message);
        assertTrue(!Files.exists(dataDir.resolve("linernotes.db")), "no engine was opened");
    }

    @Test
    @DisplayName("with a token it logs in, answers /meaning Runaway from the demo essays, and stops cleanly on its hook")
    void startsAnswersAndStops() throws Exception {
        try (DiscordEmulator discord = DiscordEmulator.start()) {
            Map<String, String> env = Map.of("DISCORD_TOKEN", "cli-test-token",
                    "LINERNOTES_DISCORD_API_URL", discord.apiUrl(),
                    "LINERNOTES_DISCORD_GATEWAY_URL", discord.gatewayUrl());
            BotCommand.env = env::get;
            AtomicReference<Thread> hook = new AtomicReference<>();
            BotCommand.shutdownHooks = hook::set;
            Path data = dataDir.resolve("data");
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                    () -> Main.run("--data-dir", data.toString(), "bot"));

            discord.await("commands registered", r -> r.is("PUT", "applications/" + DiscordEmulator.BOT_ID + "/commands"));
            assertEquals("Bot cli-test-token", discord.await("login", r -> r.is("GET", "users/@me")).header("Authorization"));
            Interaction ask = discord.slash(Actor.dm("350000000000000001"), "meaning", option("song", "Runaway"));
            String answer = discord.awaitWebhook(ask, 1).visibleText();
            assertTrue(answer.contains("Runaway — Kanye West") && answer.contains("[1]"), answer);

            waitFor(() -> hook.get() != null);
            Thread stop = hook.get();
            assertNotNull(stop, "a stop hook was registered");
            stop.start();
            stop.join(30_000);
            assertEquals(0, run.get(30, TimeUnit.SECONDS), "the command returns once stopped");
            // The engine was closed: a second engine on the same directory opens (SQLite and Lucene locks released).
            assertEquals(0, Main.run("--data-dir", data.toString(), "essays", "list"));
        }
    }

    @Test
    @DisplayName("LINERNOTES_SHARDS_TOTAL and LINERNOTES_SHARDS_IDS pick this process's shards: shard 1 of 2 "
            + "identifies as [1, 2] and leaves the commands to shard 0's process")
    void shardsFromTheEnvironment() throws Exception {
        try (DiscordEmulator discord = DiscordEmulator.start()) {
            Map<String, String> env = Map.of("DISCORD_TOKEN", "cli-test-token",
                    "LINERNOTES_DISCORD_API_URL", discord.apiUrl(),
                    "LINERNOTES_DISCORD_GATEWAY_URL", discord.gatewayUrl(),
                    "LINERNOTES_SHARDS_TOTAL", "2", "LINERNOTES_SHARDS_IDS", "1");
            BotCommand.env = env::get;
            AtomicReference<Thread> hook = new AtomicReference<>();
            BotCommand.shutdownHooks = hook::set;
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                    () -> Main.run("--data-dir", dataDir.resolve("data").toString(), "bot"));
            org.awaitility.Awaitility.await("the bot running").atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> hook.get() != null || run.isDone());
            assertNotNull(hook.get(), () -> "the bot stopped with " + run.join() + " before running");
            assertEquals(java.util.List.of(1), discord.identifyLog().stream().map(i -> i.shard()).toList());
            assertEquals(2, discord.identifyLog().get(0).total());
            assertTrue(discord.requests(r -> r.is("PUT", "applications/")).isEmpty(), "no commands from shard 1");
            hook.get().start();
            hook.get().join(30_000);
            assertEquals(0, run.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    @DisplayName("a shard id beyond the total is refused before anything opens, naming the setting and the variable")
    void badShardIdsAreRefused() {
        BotCommand.env = Map.of("DISCORD_TOKEN", "cli-test-token", "LINERNOTES_SHARDS_TOTAL", "2",
                "LINERNOTES_SHARDS_IDS", "0-2")::get;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run("--data-dir", dataDir.toString(), "bot");
        } finally {
            System.setErr(oldErr);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, exit, message);
        assertTrue(message.contains("discord.shards.ids: shard 2 does not exist when there are 2 shards")
                && message.contains("LINERNOTES_SHARDS_IDS=0-2"), message);
        assertTrue(!Files.exists(dataDir.resolve("linernotes.db")), "no engine was opened");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await("the bot's shutdown hook").atMost(java.time.Duration.ofSeconds(10))
                .until(condition::getAsBoolean);
    }
}
