package io.linernotes.cli;

import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.config.ConfigException;
import io.linernotes.config.DiscordConfig;
import io.linernotes.discord.DiscordBot;
import io.linernotes.discord.DiscordEndpoints;
import io.linernotes.discord.DiscordToken;
import io.linernotes.discord.EngineBotServices;
import io.linernotes.discord.shard.IdentifyGates;
import io.linernotes.discord.shard.ShardPlan;
import io.linernotes.feedback.FeedbackStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code linernotes bot}: runs the Discord bot until the process is stopped. The token comes only from
 * {@code DISCORD_TOKEN}; a stop (Ctrl-C, SIGTERM) lets answers already queued finish, within a bound, before
 * the session and then the engine close.
 */
@Command(name = "bot", mixinStandardHelpOptions = true,
        description = "Run the Discord bot (token from DISCORD_TOKEN) until stopped.")
final class BotCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(BotCommand.class);
    static final int NO_TOKEN = 2;
    /** How long a stop waits for queued answers, and again for the session to close. */
    static final Duration GRACE = Duration.ofSeconds(15);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    // Picocli creates the command, so tests reach these seams statically: the environment it reads, and
    // where its stop hook goes (the JVM in production; a test runs the hook itself instead of exiting).
    static volatile Function<String, String> env = System::getenv;
    static volatile Consumer<Thread> shutdownHooks = Runtime.getRuntime()::addShutdownHook;

    @ParentCommand
    LinerNotesCommand root;

    @Override
    public Integer call() throws Exception {
        Function<String, String> environment = env;
        String token;
        try {
            token = DiscordToken.fromEnvironment(tokenOnly(environment));
        } catch (DiscordToken.MissingTokenException e) {
            System.err.println(e.getMessage());
            return NO_TOKEN;
        }
        AppConfig config = root.loadConfig();
        DiscordConfig discord = withShardOverrides(config.discord(), environment);
        Engine engine = Engine.open(config, Path.of("prompts"), environment);
        FeedbackStore feedback = null;
        DiscordBot bot;
        try {
            feedback = FeedbackStore.open(engine.database(), Path.of(config.data().dir()));
            DiscordEndpoints endpoints = DiscordEndpoints.resolve(discord, endpointOverrides(environment));
            bot = DiscordBot.start(token, discord, config.essays(), endpoints, EngineBotServices.of(engine),
                    feedback, READY_TIMEOUT, java.time.Clock.systemUTC(),
                    IdentifyGates.forStore(config.store(), environment));
        } catch (Exception | Error e) {
            closeQuietly(feedback);
            engine.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        FeedbackStore feedbackStore = feedback;
        shutdownHooks.accept(new Thread(() -> stop(bot, engine, feedbackStore, stopped), "linernotes-stop"));
        System.out.println("Liner Notes is running on Discord. Stop it with Ctrl-C.");
        stopped.await();
        return 0;
    }

    /** Queued answers first, then the session, then the stores: an answer in flight still finds the engine open. */
    private static void stop(DiscordBot bot, Engine engine, FeedbackStore feedback, CountDownLatch stopped) {
        log.info("Stopping: letting queued answers finish (at most {} s)", GRACE.toSeconds());
        try {
            bot.shutdown(GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bot.shutdownNow();
        } catch (RuntimeException e) {
            log.error("the bot did not stop cleanly", e);
        } finally {
            closeQuietly(feedback);
            try {
                engine.close();
            } finally {
                log.info("Stopped");
                stopped.countDown();
            }
        }
    }

    private static void closeQuietly(FeedbackStore feedback) {
        if (feedback == null) {
            return;
        }
        try {
            feedback.close();
        } catch (RuntimeException e) {
            log.warn("could not close the feedback store", e);
        }
    }

    /** {@code LINERNOTES_SHARDS_TOTAL} / {@code LINERNOTES_SHARDS_IDS}, when set, win over {@code discord.shards}. */
    static DiscordConfig withShardOverrides(DiscordConfig discord, Function<String, String> env) {
        String total = env.apply(ShardPlan.TOTAL_ENV);
        String ids = env.apply(ShardPlan.IDS_ENV);
        if (total == null && ids == null) {
            return discord;
        }
        try {
            return discord.withShards(discord.shards().overriddenBy(total, ids));
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + " (from " + ShardPlan.TOTAL_ENV + "=" + total + ", "
                    + ShardPlan.IDS_ENV + "=" + ids + ")", e);
        }
    }

    private static Map<String, String> tokenOnly(Function<String, String> env) {
        String token = env.apply(DiscordToken.ENV);
        return token == null ? Map.of() : Map.of(DiscordToken.ENV, token);
    }

    private static Map<String, String> endpointOverrides(Function<String, String> env) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String name : new String[] {DiscordEndpoints.API_URL_ENV, DiscordEndpoints.GATEWAY_URL_ENV}) {
            String value = env.apply(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }
}
