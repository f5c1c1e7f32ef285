package io.linernotes.discord;

import ch.qos.logback.classic.Level;
import io.linernotes.config.DiscordConfig;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.feedback.FeedbackStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** One emulated Discord, one real JDA bot on it, the services behind it and its feedback store: shared per test class. */
final class BotHarness implements AutoCloseable {
    static final String TOKEN = "test-token-not-secret";

    final DiscordEmulator discord;
    final BotServices services;
    final FeedbackStore feedback;
    final DiscordBot bot;

    static {
        // JDA logs every frame at debug; the tests' output stays readable at info.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("net.dv8tion")).setLevel(Level.INFO);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.java_websocket")).setLevel(Level.INFO);
    }

    BotHarness(Path dataDir, BotServices services, DiscordConfig config, EmulatedGuild... guilds) throws Exception {
        this.discord = DiscordEmulator.start(guilds);
        this.services = services;
        this.feedback = FeedbackStore.open(dataDir);
        DiscordEndpoints endpoints = DiscordEndpoints.resolve(config, Map.of(
                DiscordEndpoints.API_URL_ENV, discord.apiUrl(), DiscordEndpoints.GATEWAY_URL_ENV, discord.gatewayUrl()));
        this.bot = DiscordBot.start(TOKEN, config, endpoints, services, feedback, Duration.ofSeconds(10));
    }

    static DiscordConfig config(List<String> moderatorRoles) {
        return new DiscordConfig(List.of(), moderatorRoles, null, null, 2, 20);
    }

    @Override
    public void close() throws Exception {
        try {
            bot.shutdown(Duration.ofSeconds(5));
        } finally {
            discord.close();
            feedback.close();
        }
    }
}
