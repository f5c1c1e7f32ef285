package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.config.DiscordConfig;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.Scope;
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

    private static FakeServices gatedServices(CountDownLatch gate) throws Exception {
        FakeServices services = new FakeServices();
        services.add(new EssayDraft("Runaway", "Kanye West", List.of(), 2010, null, "Ana", null,
                AnswerCommandsTest.RUNAWAY), Scope.GLOBAL);
        services.gate = gate;
        return services;
    }

    @Test
    @DisplayName("with one worker and a queue of one, the third question gets a private busy reply")
    void fullQueueRepliesBusy() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        FakeServices services = gatedServices(gate);
        try (BotHarness h = new BotHarness(dataDir, services, new DiscordConfig(List.of(), List.of(), null, null, 1, 1))) {
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
            assertTrue(h.discord.awaitWebhook(running, 1).visibleText().contains("douchebags"));
            assertTrue(h.discord.awaitWebhook(queued, 1).visibleText().contains("douchebags"));
        }
    }

    @Test
    @DisplayName("shutdown refuses new work but delivers the answer already being computed")
    void shutdownFinishesQueuedAnswers() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        FakeServices services = gatedServices(gate);
        BotHarness h = new BotHarness(dataDir, services, BotHarness.config(List.of()));
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
            assertTrue(h.discord.awaitWebhook(running, 1).visibleText().contains("douchebags"));
            stopper.join(10_000);
            assertTrue(h.bot.jda().getStatus().name().contains("SHUTDOWN"), h.bot.jda().getStatus().name());
        } finally {
            h.discord.close();
            h.feedback.close();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "condition not met within 10 s");
            Thread.sleep(10);
        }
    }
}
