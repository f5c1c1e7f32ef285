package io.linernotes.discord;

import io.linernotes.answer.AnswerRequest;
import java.time.Clock;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;

/**
 * Acknowledges an interaction at once (Discord allows 3 seconds) and computes the answer on the work queue;
 * when the queue is full the user is told so instead of waiting for nothing.
 */
public final class Asker {
    private final WorkQueue work;
    private final AnswerFlow flow;
    private final Clock clock;
    private final long minEditMillis;

    public Asker(WorkQueue work, AnswerFlow flow, Clock clock, long minEditMillis) {
        this.work = work;
        this.flow = flow;
        this.clock = clock;
        this.minEditMillis = minEditMillis;
    }

    /** Defers a new (public) reply and answers into it. */
    public void answerInReply(IReplyCallback event, AnswerRequest request) {
        if (!work.hasRoom()) {
            Replies.ephemeral(event, Replies.BUSY);
            return;
        }
        event.deferReply().queue();
        start(event.getHook(), request, event.getUser().getId());
    }

    /** Defers an edit of the component's message (the song picker) and answers in its place. */
    public <E extends IReplyCallback & IMessageEditCallback> void answerInPlace(E event, AnswerRequest request) {
        if (!work.hasRoom()) {
            Replies.ephemeral(event, Replies.BUSY);
            return;
        }
        event.deferEdit().queue();
        start(event.getHook(), request, event.getUser().getId());
    }

    private void start(InteractionHook hook, AnswerRequest request, String userId) {
        HookSink sink = new HookSink(hook, clock, minEditMillis);
        if (!work.submit(() -> flow.run(request, userId, sink))) {
            sink.deliver(new AnswerRenderer().plain(Replies.BUSY));
        }
    }
}
