package io.linernotes.discord;

import ch.qos.logback.classic.Level;
import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.config.DiscordConfig;
import io.linernotes.config.ModelConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.feedback.FeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * One emulated Discord and one real JDA bot on it, backed by the real engine (SQLite store, Lucene BM25
 * index, song resolver, extractive answers unless a model is given) in a temp data directory that starts
 * with the bundled demo essays; its feedback store beside it. Shared per test class.
 */
final class BotHarness implements AutoCloseable {
    static final String TOKEN = "test-token-not-secret";

    final DiscordEmulator discord;
    final Engine engine;
    final RecordingServices services;
    final FeedbackStore feedback;
    final DiscordBot bot;

    static {
        // JDA logs every frame at debug; the tests' output stays readable at info.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("net.dv8tion")).setLevel(Level.INFO);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.java_websocket")).setLevel(Level.INFO);
    }

    /** The engine for tests: BM25 only (no embedding model to load), with {@code model} writing answers. */
    static AppConfig engineConfig(Path dataDir, ModelConfig model) {
        // The answer cache is off: these tests script a different model reply for the same song and question
        // (a stand-in whose answers change under the same settings), which a cache would rightly reuse.
        return AppConfig.defaults().withDataDir(dataDir.toString())
                .withRetrieval(new RetrievalConfig(0, 0, 0, 0, false)).withModel(model)
                .withAnswerCache(new io.linernotes.config.AnswerCacheConfig(false, 0));
    }

    BotHarness(Path dataDir, DiscordConfig config, EmulatedGuild... guilds) throws Exception {
        this(dataDir, ModelConfig.defaults(), Map.of(), config, guilds);
    }

    /** {@code env} is what the engine reads for model keys. */
    BotHarness(Path dataDir, ModelConfig model, Map<String, String> env, DiscordConfig config,
            EmulatedGuild... guilds) throws Exception {
        this(dataDir, model, env, config, Clock.systemUTC(), guilds);
    }

    /** {@code clock} paces the streamed edits. */
    BotHarness(Path dataDir, ModelConfig model, Map<String, String> env, DiscordConfig config, Clock clock,
            EmulatedGuild... guilds) throws Exception {
        AppConfig app = engineConfig(dataDir, model);
        this.engine = Engine.open(app, Path.of("prompts"), env::get);
        this.services = new RecordingServices(EngineBotServices.of(engine));
        this.discord = DiscordEmulator.start(guilds);
        this.feedback = FeedbackStore.open(dataDir);
        if (config.attachmentHosts().equals(DiscordConfig.DISCORD_ATTACHMENT_HOSTS)) {
            // The emulation serves attachments over plain http on loopback: allow exactly its origin.
            config = config.withAttachments(List.of(discord.fileOrigin()), config.downloadSeconds());
        }
        DiscordEndpoints endpoints = DiscordEndpoints.resolve(config, Map.of(
                DiscordEndpoints.API_URL_ENV, discord.apiUrl(), DiscordEndpoints.GATEWAY_URL_ENV, discord.gatewayUrl()));
        this.bot = DiscordBot.start(TOKEN, config, app.essays(), endpoints, services, feedback, Duration.ofSeconds(10),
                clock);
    }

    /**
     * Two workers, a queue of 20, and rate limits high enough that tests about something else never meet them
     * (the abuse-limit tests set their own).
     */
    static DiscordConfig config(List<String> moderatorRoles) {
        return new DiscordConfig(List.of(), moderatorRoles, null, null, 2, 20, 1_000, 10_000, 0);
    }

    @Override
    public void close() throws Exception {
        try {
            bot.shutdown(Duration.ofSeconds(5));
        } finally {
            try {
                discord.close();
                feedback.close();
            } finally {
                engine.close();
            }
        }
    }
}
