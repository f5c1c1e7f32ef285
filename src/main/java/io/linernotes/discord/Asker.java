package io.linernotes.discord;

import io.linernotes.answer.AnswerRequest;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges an interaction at once (Discord allows 3 seconds) and computes the answer on the work queue.
 * Before that, the question must pass {@link Admission} (rate limits, daily budget) and find room in the
 * queue; otherwise the user is told privately why and when to try again, instead of waiting for nothing.
 * The answer is computed only once Discord accepted the acknowledgement: an interaction whose defer failed
 * (expired, unknown, a Discord error) can never show an answer, so no model time is spent on it.
 */
public final class Asker {
    private static final Logger log = LoggerFactory.getLogger(Asker.class);
    /** Discord's own deadline for the acknowledgement is 3 s; past this JDA has long given up on it. */
    private static final long ACK_WAIT_SECONDS = 10;

    private final WorkQueue work;
    private final AnswerFlow flow;
    private final Admission admission;
    private final Clock clock;
    private final long minEditMillis;

    public Asker(WorkQueue work, AnswerFlow flow, Admission admission, Clock clock, long minEditMillis) {
        this.work = work;
        this.flow = flow;
        this.admission = admission;
        this.clock = clock;
        this.minEditMillis = minEditMillis;
    }

    /** Defers a new (public) reply and answers into it. */
    public void answerInReply(IReplyCallback event, AnswerRequest request) {
        if (admitted(event)) {
            acknowledged(event, event.deferReply(), request);
        }
    }

    /** Defers an edit of the component's message (the song picker) and answers in its place. */
    public <E extends IReplyCallback & IMessageEditCallback> void answerInPlace(E event, AnswerRequest request) {
        if (admitted(event)) {
            acknowledged(event, event.deferEdit(), request);
        }
    }

    private boolean admitted(IReplyCallback event) {
        String userId = event.getUser().getId();
        Guild guild = event.getGuild();
        Admission.Verdict verdict = admission.admit(userId, guild == null ? null : guild.getId());
        if (verdict instanceof Admission.Refused refused) {
            Replies.ephemeral(event, refused.message());
            return false;
        }
        if (!work.hasRoom(userId)) {
            Replies.ephemeral(event, Replies.BUSY);
            return false;
        }
        return true;
    }

    private void acknowledged(IReplyCallback event, RestAction<?> defer, AnswerRequest request) {
        InteractionHook hook = event.getHook();
        String userId = event.getUser().getId();
        CompletableFuture<Boolean> acked = new CompletableFuture<>();
        defer.queue(ok -> acked.complete(true), failure -> {
            log.warn("could not acknowledge interaction {}; not answering it: {}", event.getId(), failure.toString());
            acked.complete(false);
        });
        // Queued now, so the place is taken before the next question is admitted; the answer waits for the ack.
        HookSink sink = new HookSink(hook, clock, minEditMillis);
        boolean accepted = work.submit(userId, () -> {
            if (acknowledgedInTime(acked)) {
                // Charged before delivery: a question sent the moment the answer shows already sees the cost.
                flow.run(request, userId, sink, answer -> admission.charge(userId, request, answer));
            }
        });
        if (!accepted) {
            acked.thenAccept(ok -> {
                if (ok) {
                    sink.deliver(new AnswerRenderer().plain(Replies.BUSY));
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
