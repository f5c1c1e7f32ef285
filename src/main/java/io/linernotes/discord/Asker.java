package io.linernotes.discord;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path from an interaction (or a message) to a reply: admit (rate limits, daily budget), find room in a work queue,
 * acknowledge at once (Discord allows 3 seconds), compute on the queue, deliver through the hook. Questions
 * run on the answer pool; moderators' essay work on its own small pool, so a slow import never holds the
 * workers a member's question needs. Both pass the same admission. The work runs only once Discord accepted
 * the acknowledgement: an interaction whose defer failed (expired, unknown, a Discord error) can never show
 * a reply, so no time is spent on it.
 */
public final class Asker {
    private static final Logger log = LoggerFactory.getLogger(Asker.class);
    /** Discord's own deadline for the acknowledgement is 3 s; past this JDA has long given up on it. */
    private static final long ACK_WAIT_SECONDS = 10;

    private final WorkQueue answers;
    private final WorkQueue essays;
    private final AnswerFlow flow;
    private final Admission admission;
    private final Clock clock;
    private final long minEditMillis;
    private final AnswerRenderer renderer = new AnswerRenderer();

    /** {@code answers}: the pool for questions; {@code essays}: the pool for moderators' essay work. */
    public Asker(WorkQueue answers, WorkQueue essays, AnswerFlow flow, Admission admission, Clock clock,
            long minEditMillis) {
        this.answers = answers;
        this.essays = essays;
        this.flow = flow;
        this.admission = admission;
        this.clock = clock;
        this.minEditMillis = minEditMillis;
    }

    /** Defers a new (public) reply and answers into it. */
    public void answerInReply(IReplyCallback event, AnswerRequest request) {
        String userId = event.getUser().getId();
        run(event, answers, event::deferReply, sink -> answer(request, userId, sink));
    }

    /** Defers an edit of the component's message (the song picker) and answers in its place. */
    public <E extends IReplyCallback & IMessageEditCallback> void answerInPlace(E event, AnswerRequest request) {
        String userId = event.getUser().getId();
        run(event, answers, event::deferEdit, sink -> answer(request, userId, sink));
    }

    /**
     * Moderators' essay work: defers a private reply and sends what {@code task} returns, computed on the essay
     * pool. A task that throws is logged and the moderator told that something went wrong.
     */
    public void essayWork(IReplyCallback event, Supplier<String> task) {
        run(event, essays, () -> event.deferReply(true), sink -> {
            String text;
            try {
                text = task.get();
            } catch (RuntimeException e) {
                log.error("essay work for interaction {} failed", event.getId(), e);
                text = Replies.ERROR;
            }
            sink.deliver(renderer.plain(text));
        });
    }

    /**
     * A question written as a message (a DM or a mention): the same admission and answer pool, answered in
     * reply to the message; refusals are replies too. {@code beforeDelivery} sees the answer before it is sent
     * (a DM conversation remembers its turn there).
     */
    public void answerInChannel(Message message, AnswerRequest request, Consumer<Answer> beforeDelivery) {
        answerInChannel(message, () -> new Continued(request, null), beforeDelivery);
    }

    /** A request built on the worker (its history may need the store) and the stored answer it continues. */
    public record Continued(AnswerRequest request, Long follows) {
    }

    /** As above, with the request built on the worker, after admission. */
    public void answerInChannel(Message message, Supplier<Continued> prepare, Consumer<Answer> beforeDelivery) {
        String userId = message.getAuthor().getId();
        Admission.Verdict verdict = admission.admit(userId, message.isFromGuild() ? message.getGuild().getId() : null);
        if (verdict instanceof Admission.Refused refused) {
            replyTo(message, refused.message());
            return;
        }
        boolean accepted = answers.submit(userId, () -> {
            message.getChannel().sendTyping().queue(ok -> { }, e -> log.debug("typing indicator failed", e));
            Continued continued = prepare.get();
            AnswerRequest request = continued.request();
            flow.run(request, userId, new ChannelSink(message), answer -> {
                admission.charge(userId, request, answer);
                beforeDelivery.accept(answer);
            }, continued.follows());
        });
        if (!accepted) {
            replyTo(message, Replies.BUSY);
        }
    }

    /**
     * Runs a small task for {@code userId} on the answer pool (a store read that must stay off the gateway
     * thread), behind the same rate limits as a question; a refused one is dropped without a word.
     */
    public void inBackground(Message message, Runnable task) {
        String userId = message.getAuthor().getId();
        if (admission.admit(userId, message.isFromGuild() ? message.getGuild().getId() : null)
                instanceof Admission.Refused) {
            return;
        }
        answers.submit(userId, task);
    }

    /** A short plain reply to a message, mentioning nobody (the asker included). */
    static void replyTo(Message message, String text) {
        message.reply(text).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).mentionRepliedUser(false)
                .failOnInvalidReply(false).queue(ok -> { }, e -> log.debug("could not reply", e));
    }

    private void answer(AnswerRequest request, String userId, ReplySink sink) {
        // Charged before delivery: a question sent the moment the answer shows already sees the cost.
        flow.run(request, userId, sink, answer -> admission.charge(userId, request, answer));
    }

    private void run(IReplyCallback event, WorkQueue pool, Supplier<RestAction<?>> defer, Consumer<ReplySink> work) {
        if (admitted(event, pool)) {
            acknowledged(event, pool, defer.get(), work);
        }
    }

    private boolean admitted(IReplyCallback event, WorkQueue pool) {
        String userId = event.getUser().getId();
        Guild guild = event.getGuild();
        Admission.Verdict verdict = admission.admit(userId, guild == null ? null : guild.getId());
        if (verdict instanceof Admission.Refused refused) {
            Replies.ephemeral(event, refused.message());
            return false;
        }
        if (!pool.hasRoom(userId)) {
            Replies.ephemeral(event, Replies.BUSY);
            return false;
        }
        return true;
    }

    private void acknowledged(IReplyCallback event, WorkQueue pool, RestAction<?> defer, Consumer<ReplySink> work) {
        String userId = event.getUser().getId();
        CompletableFuture<Boolean> acked = new CompletableFuture<>();
        defer.queue(ok -> acked.complete(true), failure -> {
            log.warn("could not acknowledge interaction {}; not answering it: {}", event.getId(), failure.toString());
            acked.complete(false);
        });
        // Queued now, so the place is taken before the next request is admitted; the work waits for the ack.
        HookSink sink = new HookSink(event.getHook(), clock, minEditMillis);
        boolean accepted = pool.submit(userId, () -> {
            if (acknowledgedInTime(acked)) {
                work.accept(sink);
            }
        });
        if (!accepted) {
            acked.thenAccept(ok -> {
                if (ok) {
                    sink.deliver(renderer.plain(Replies.BUSY));
                }
            });
        }
    }

    private static boolean acknowledgedInTime(CompletableFuture<Boolean> acked) {
        try {
            return acked.get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("no acknowledgement within {} s; not answering", ACK_WAIT_SECONDS);
            return false;
        }
    }
}
