package io.linernotes.discord;

import io.linernotes.config.DiscordConfig;
import io.linernotes.config.EssayConfig;
import io.linernotes.feedback.FeedbackStore;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import io.linernotes.discord.shard.IdentifyGate;
import io.linernotes.discord.shard.LocalIdentifyGate;
import io.linernotes.discord.shard.ShardPlan;
import io.linernotes.discord.shard.Shards;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Discord: this process's shards (one JDA session each, see {@link Shards}), the features wired in
 * {@link #features}, bounded work queues, and a clean stop. Intents are the non-privileged minimum: GUILD_MESSAGES and DIRECT_MESSAGES (JDA always adds
 * GUILDS, which keeps servers known so a mention in a channel is delivered). Without MESSAGE_CONTENT Discord
 * still sends the text of DMs and of messages that mention the bot, which is all the bot reads.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);
    static final EnumSet<GatewayIntent> INTENTS =
            EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);
    /** Streamed answers edit the reply at most this often (Discord rate-limits edits to about 5 per 5 s). */
    static final long STREAM_EDIT_MILLIS = 1_000;

    private final Shards shards;
    private final List<WorkQueue> pools;
    private final InteractionRouter interactions;
    private final MessageRouter messages;

    private DiscordBot(Shards shards, List<WorkQueue> pools, InteractionRouter interactions, MessageRouter messages) {
        this.shards = shards;
        this.pools = pools;
        this.interactions = interactions;
        this.messages = messages;
    }

    /**
     * Logs in the shards {@code config.shards()} names, waits until each is READY, and registers the commands if
     * this process runs shard 0: to {@code config.devGuilds()} if any (instant), else globally. {@code endpoints}
     * come from {@link DiscordEndpoints#resolve}. IDENTIFYs are spaced within this process only.
     */
    public static DiscordBot start(String token, DiscordConfig config, EssayConfig essays, DiscordEndpoints endpoints,
            BotServices services, FeedbackStore feedback, Duration readyTimeout) throws InterruptedException {
        return start(token, config, essays, endpoints, services, feedback, readyTimeout, Clock.systemUTC());
    }

    /** As above, with the clock that paces streamed edits (tests move it by hand). */
    public static DiscordBot start(String token, DiscordConfig config, EssayConfig essays, DiscordEndpoints endpoints,
            BotServices services, FeedbackStore feedback, Duration readyTimeout, Clock clock)
            throws InterruptedException {
        return start(token, config, essays, endpoints, services, feedback, readyTimeout, clock,
                new LocalIdentifyGate());
    }

    /**
     * As above, spacing IDENTIFYs through {@code gate}: a {@link io.linernotes.discord.shard.PostgresIdentifyGate}
     * when several processes of the bot share one PostgreSQL store.
     */
    public static DiscordBot start(String token, DiscordConfig config, EssayConfig essays, DiscordEndpoints endpoints,
            BotServices services, FeedbackStore feedback, Duration readyTimeout, Clock clock, IdentifyGate gate)
            throws InterruptedException {
        // Every message the bot sends mentions nobody, whatever the text says: global default for JDA.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        ShardPlan plan = plan(token, config, endpoints);

        WorkQueue work = new WorkQueue("answers", config.workers(), config.queueSize());
        // Moderators' essay work has its own small pool: a slow import never holds a worker a question needs.
        WorkQueue essayWork = new WorkQueue("essays", config.essayWorkers(), config.essayQueueSize());
        AnswerRenderer renderer = new AnswerRenderer();
        AnswerFlow flow = new AnswerFlow(services, feedback, renderer);
        Admission admission = Admission.of(config, feedback.limits());
        Asker asker = new Asker(work, essayWork, flow, admission, clock, STREAM_EDIT_MILLIS);
        AttachmentDownloader downloader = new AttachmentDownloader(config.attachmentHosts(),
                Duration.ofSeconds(config.downloadSeconds()));
        Features features = features(services, feedback, new Moderators(config.moderatorRoles()),
                renderer, asker, downloader, essays.maxBodyBytes());
        InteractionRouter interactions = new InteractionRouter(features);
        MessageRouter messages = new MessageRouter(features);

        Shards shards;
        try {
            shards = Shards.start(token, INTENTS, endpoints.apiUrl(), endpoints.gatewayUrl(), plan, gate,
                    interactions, messages);
        } catch (RuntimeException | InterruptedException e) {
            work.drain(0);
            essayWork.drain(0);
            throw e;
        }
        DiscordBot bot = new DiscordBot(shards, List.of(work, essayWork), interactions, messages);
        try {
            bot.register(features.commands(), config.devGuilds(), readyTimeout);
        } catch (RuntimeException e) {
            bot.close();
            throw e;
        }
        log.info("Liner Notes is on Discord as {} ({})", shards.first().getSelfUser().getName(), plan.describe());
        return bot;
    }

    private static ShardPlan plan(String token, DiscordConfig config, DiscordEndpoints endpoints)
            throws InterruptedException {
        try {
            return ShardPlan.resolve(config.shards(), endpoints.apiUrl(), token);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not learn the shard count from Discord: " + e.getMessage(), e);
        }
    }

    /** The one place that lists what the bot does. */
    static Features features(BotServices services, FeedbackStore feedback, Moderators moderators,
            AnswerRenderer renderer, Asker asker, AttachmentDownloader downloader,
            int maxBodyBytes) {
        return new Features(List.of(
                new MeaningCommand(services, asker),
                new AskCommand(asker),
                new HelpCommand(),
                new EssayCommand(moderators, Map.of(
                        EssaySubcommand.ADD, new EssayAdd(services, asker, downloader, maxBodyBytes),
                        EssaySubcommand.EDIT, new EssayEdit(services, asker),
                        EssaySubcommand.REMOVE, new EssayRemove(services, asker),
                        EssaySubcommand.SHOW, new EssayShow(services, asker),
                        EssaySubcommand.LIST, new EssayList(services, asker),
                        EssaySubcommand.HISTORY, new EssayHistory(services, asker),
                        EssaySubcommand.RESTORE, new EssayRestore(services, asker),
                        EssaySubcommand.GAPS, new EssayGaps(feedback, asker))),
                new AnswerButtons(feedback, renderer, asker),
                new MessageQuestions(asker, new Conversations(feedback.turns(), MessageQuestions.TURNS,
                        Clock.systemUTC()), feedback)));
    }

    /**
     * Commands are registered once per bot: global ones by the process that runs shard 0; a dev guild's by the
     * process that runs that guild's shard (only it knows the guild).
     */
    private void register(List<SlashCommandData> commands, List<String> devGuilds, Duration timeout) {
        ShardPlan plan = shards.plan();
        if (devGuilds.isEmpty()) {
            if (plan.owns(0)) {
                shards.shard(0).updateCommands().addCommands(commands)
                        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).complete();
            }
            return;
        }
        for (String guildId : devGuilds) {
            int shard = plan.shardOf(Long.parseLong(guildId));
            if (!plan.owns(shard)) {
                continue;
            }
            Guild guild = shards.shard(shard).getGuildById(guildId);
            if (guild == null) {
                log.warn("dev guild {} is not among the bot's servers; its commands were not registered", guildId);
                continue;
            }
            guild.updateCommands().addCommands(commands).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).complete();
        }
    }

    /** The session with the lowest shard id this process runs (the only one when the bot is not sharded). */
    public JDA jda() {
        return shards.first();
    }

    public Shards shards() {
        return shards;
    }

    /**
     * Stops taking new work, lets queued answers finish (at most {@code grace}), then closes the session
     * (waiting at most {@code grace} again).
     */
    public void shutdown(Duration grace) throws InterruptedException {
        interactions.stopAccepting();
        messages.stopAccepting();
        // Both pools stop together: the grace is shared, not spent once per pool.
        long end = System.nanoTime() + grace.toNanos();
        for (WorkQueue pool : pools) {
            pool.drain(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        }
        shards.shutdown(grace);
    }

    /** Closes every session at once, without letting queued answers finish. */
    public void shutdownNow() {
        shards.shutdownNow();
    }

    /** {@link #shutdown} with a 10-second grace; an interrupt stops waiting and is kept for the caller. */
    @Override
    public void close() {
        try {
            shutdown(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shards.shutdownNow();
        }
    }
}
