package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.config.DiscordConfig;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A full work queue says 'busy'; shutdown lets queued answers finish")
class BusyAndShutdownTest {
    static final Actor USER = Actor.dm("330000000000000001");

    @TempDir
    Path dataDir;

    /** Text of the demo essay on Runaway that an answer to "/meaning Runaway" quotes. */
    /** The answer embed is titled with the song's label; busy and error replies are not. */
    static final String RUNAWAY_ANSWERED = "Runaway — Kanye West (feat. Pusha T)";

    @Test
    @DisplayName("with one worker and a queue of one, the third question gets a private busy reply")
    void fullQueueRepliesBusy() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (BotHarness h = new BotHarness(dataDir, new DiscordConfig(List.of(), List.of(), null, null, 1, 1, 1_000, 10_000, 0))) {
            RecordingServices services = h.services;
            services.gate = gate;
            Interaction running = h.discord.slash(USER, "meaning", option("song", "Runaway"));
            h.discord.awaitCallback(running);
            waitUntil(() -> services.requests.size() == 1);
            Interaction queued = h.discord.slash(USER, "meaning", option("song", "Runaway"));
            assertEquals(5, h.discord.awaitCallback(queued).body().path("type").asInt());
            Interaction refused = h.discord.slash(USER, "meaning", option("song", "Runaway"));
            JsonNode busy = h.discord.awaitCallback(refused).body();
            assertEquals(4, busy.path("type").asInt());
            assertEquals(64, busy.path("data").path("flags").asInt() & 64);
            assertEquals(Replies.BUSY, busy.path("data").path("content").asText());
            gate.countDown();
            assertTrue(h.discord.awaitWebhook(running, 1).visibleText().contains(RUNAWAY_ANSWERED));
            assertTrue(h.discord.awaitWebhook(queued, 1).visibleText().contains(RUNAWAY_ANSWERED));
        }
    }

    @Test
    @DisplayName("shutdown refuses new work but delivers the answer already being computed")
    void shutdownFinishesQueuedAnswers() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        BotHarness h = new BotHarness(dataDir, BotHarness.config(List.of()));
        RecordingServices services = h.services;
        services.gate = gate;
        try {
            Interaction running = h.discord.slash(USER, "meaning", option("song", "Runaway"));
            waitUntil(() -> services.requests.size() == 1);
            Thread stopper = new Thread(() -> {
                try {
                    h.bot.shutdown(Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.start();
            gate.countDown();
            assertTrue(h.discord.awaitWebhook(running, 1).visibleText().contains(RUNAWAY_ANSWERED));
            stopper.join(10_000);
            assertTrue(h.bot.jda().getStatus().name().contains("SHUTDOWN"), h.bot.jda().getStatus().name());
        } finally {
            h.discord.close();
            h.feedback.close();
            h.engine.close();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await("the question reached the services").atMost(java.time.Duration.ofSeconds(10))
                .until(condition::getAsBoolean);
    }
}
