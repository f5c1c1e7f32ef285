package io.linernotes.discord;

import io.linernotes.config.DiscordConfig;
import io.linernotes.config.EssayConfig;
import io.linernotes.feedback.FeedbackStore;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Discord: one JDA session, the features wired in {@link #features}, a bounded work queue, and a
 * clean stop. Intents are the non-privileged minimum: GUILD_MESSAGES and DIRECT_MESSAGES (JDA always adds
 * GUILDS, which keeps servers known so a mention in a channel is delivered). Without MESSAGE_CONTENT Discord
 * still sends the text of DMs and of messages that mention the bot, which is all the bot reads.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);
    static final EnumSet<GatewayIntent> INTENTS =
            EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);
    /** Streamed answers edit the reply at most this often (Discord rate-limits edits to about 5 per 5 s). */
    static final long STREAM_EDIT_MILLIS = 1_000;

    private final JDA jda;
    private final List<WorkQueue> pools;
    private final InteractionRouter interactions;
    private final MessageRouter messages;

    private DiscordBot(JDA jda, List<WorkQueue> pools, InteractionRouter interactions, MessageRouter messages) {
        this.jda = jda;
        this.pools = pools;
        this.interactions = interactions;
        this.messages = messages;
    }

    /**
     * Logs in, waits for READY (bounded) and registers the commands, to {@code config.devGuilds()} if any
     * (instant), else globally. {@code endpoints} come from {@link DiscordEndpoints#resolve}.
     */
    public static DiscordBot start(String token, DiscordConfig config, EssayConfig essays, DiscordEndpoints endpoints,
            BotServices services, FeedbackStore feedback, Duration readyTimeout) throws InterruptedException {
        return start(token, config, essays, endpoints, services, feedback, readyTimeout, Clock.systemUTC());
    }

    /** As above, with the clock that paces streamed edits (tests move it by hand). */
    public static DiscordBot start(String token, DiscordConfig config, EssayConfig essays, DiscordEndpoints endpoints,
            BotServices services, FeedbackStore feedback, Duration readyTimeout, Clock clock)
            throws InterruptedException {
        // Every message the bot sends mentions nobody, whatever the text says: global default for JDA.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);

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

        JDA jda = JDABuilder.createLight(token, INTENTS)
                .setRestConfig(new RestConfig().setBaseUrl(endpoints.apiUrl()))
                .setSessionController(new FixedGateway(endpoints.gatewayUrl()))
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .addEventListeners(interactions, messages)
                .build();
        DiscordBot bot = new DiscordBot(jda, List.of(work, essayWork), interactions, messages);
        try {
            jda.awaitReady();
            bot.register(features.commands(), config.devGuilds(), readyTimeout);
        } catch (RuntimeException | InterruptedException e) {
            bot.close();
            throw e;
        }
        log.info("Liner Notes is on Discord as {}", jda.getSelfUser().getName());
        return bot;
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

    private void register(List<SlashCommandData> commands, List<String> devGuilds, Duration timeout) {
        if (devGuilds.isEmpty()) {
            jda.updateCommands().addCommands(commands).timeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .complete();
            return;
        }
        for (String guildId : devGuilds) {
            Guild guild = jda.getGuildById(guildId);
            if (guild == null) {
                log.warn("dev guild {} is not among the bot's servers; its commands were not registered", guildId);
                continue;
            }
            guild.updateCommands().addCommands(commands).complete();
        }
    }

    public JDA jda() {
        return jda;
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
        jda.shutdown();
        if (!jda.awaitShutdown(grace)) {
            log.warn("JDA did not stop within {}; forcing it", grace);
            jda.shutdownNow();
        }
    }

    /** {@link #shutdown} with a 10-second grace; an interrupt stops waiting and is kept for the caller. */
    @Override
    public void close() {
        try {
            shutdown(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }

    /** A session controller that always connects to one configured gateway URL. */
    static final class FixedGateway extends SessionControllerAdapter {
        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
