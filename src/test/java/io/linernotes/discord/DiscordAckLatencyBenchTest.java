package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linernotes.config.DiscordConfig;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.RecordedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark, not a check on time: prints how long acknowledgements take with 50 interactions in flight at
 * once (from the gateway dispatch to the emulation receiving the type-5 defer callback). Only the count of
 * deferrals is asserted; the figures depend on the machine.
 */
@DisplayName("Acknowledgement latency with 50 interactions in flight (benchmark: prints, asserts no time)")
class DiscordAckLatencyBenchTest {
    static final int IN_FLIGHT = 50;

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("50 /meaning at once: p50, p99 and max from injection to the defer callback")
    void ackLatency() throws Exception {
        // The production defaults: 4 workers, a queue of 200, 6 questions per user and 60 per server a minute.
        try (BotHarness h = new BotHarness(dataDir, DiscordConfig.defaults())) {
            // Warm up JDA's and the emulation's paths once, so the figures are not the first call's class loading.
            Interaction warm = h.discord.slash(Actor.dm("392999999999999999"), "meaning", option("song", "Runaway"));
            h.discord.awaitWebhook(warm, 1);
            List<Interaction> burst = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                Actor user = Actor.member("500000000000000061", "600000000000000061",
                        String.format("39%016d", i), Actor.MEMBER);
                burst.add(h.discord.slash(user, "meaning", option("song", i % 2 == 0 ? "Runaway" : "Fast Car")));
            }
            List<Long> micros = new ArrayList<>();
            for (Interaction i : burst) {
                RecordedRequest callback = h.discord.awaitCallback(i);
                assertEquals(5, callback.body().path("type").asInt(), "deferred: " + callback);
                micros.add((callback.atNanos() - i.injectedAtNanos()) / 1_000);
            }
            for (Interaction i : burst) {
                h.discord.awaitWebhook(i, 1);
            }
            micros.sort(Long::compare);
            System.out.printf("DISCORD ack latency: p50=%.1f ms p99=%.1f ms max=%.1f ms (n=%d in flight at once)%n",
                    micros.get(micros.size() / 2) / 1000.0, micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0,
                    micros.get(micros.size() - 1) / 1000.0, micros.size());
        }
    }
}
