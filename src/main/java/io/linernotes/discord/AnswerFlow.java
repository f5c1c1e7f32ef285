package io.linernotes.discord;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.feedback.FeedbackException;
import io.linernotes.feedback.FeedbackStore;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answer from question to Discord, shared by {@code /meaning}, {@code /ask}, the song picker, DMs and
 * mentions: ask the engine (streaming into the sink), store the answer under an id for its buttons,
 * note a gap when no essay covered it, render within limits and deliver. Runs on a worker thread.
 */
public final class AnswerFlow {
    private static final Logger log = LoggerFactory.getLogger(AnswerFlow.class);
    static final String FAILED = "Sorry, I could not answer that just now. Please try again in a moment.";

    private final BotServices services;
    private final FeedbackStore feedback;
    private final AnswerRenderer renderer;

    public AnswerFlow(BotServices services, FeedbackStore feedback, AnswerRenderer renderer) {
        this.services = services;
        this.feedback = feedback;
        this.renderer = renderer;
    }

    /** Answers {@code request} for {@code userId} into {@code sink}; empty when the engine failed. */
    public Optional<Answer> run(AnswerRequest request, String userId, ReplySink sink) {
        return run(request, userId, sink, answer -> { });
    }

    /**
     * As {@link #run(AnswerRequest, String, ReplySink)}, calling {@code beforeDelivery} with the answer before it
     * is sent: a follow-up the user types as soon as they see the answer then already finds this turn.
     */
    public Optional<Answer> run(AnswerRequest request, String userId, ReplySink sink,
            java.util.function.Consumer<Answer> beforeDelivery) {
        return run(request, userId, sink, beforeDelivery, null);
    }

    /**
     * As above, for a question that continues the conversation of the stored answer {@code follows} (null when
     * it starts one). The messages the answer goes out in are stored with it, so a member's reply to any of
     * them continues this conversation.
     */
    public Optional<Answer> run(AnswerRequest request, String userId, ReplySink sink,
            java.util.function.Consumer<Answer> beforeDelivery, Long follows) {
        Answer answer;
        try {
            answer = services.answer(request, sink::progress);
        } catch (RuntimeException e) {
            log.error("the engine failed on a question", e);
            sink.deliver(renderer.plain(FAILED));
            return Optional.empty();
        }
        long id = remember(request, answer, userId);
        beforeDelivery.accept(answer);
        List<String> messageIds = sink.deliver(renderer.render(answer, id));
        if (id >= 0 && answer.song() != null && !messageIds.isEmpty()) {
            rememberMessages(id, messageIds, follows);
        }
        return Optional.of(answer);
    }

    private void rememberMessages(long answerId, List<String> messageIds, Long follows) {
        try {
            feedback.recordMessages(answerId, messageIds);
            if (follows != null) {
                feedback.recordFollows(answerId, follows);
            }
        } catch (FeedbackException e) {
            // Only replies to this answer lose their conversation; the answer itself went out.
            log.error("could not store the messages of answer {}", answerId, e);
        }
    }

    private long remember(AnswerRequest request, Answer answer, String userId) {
        try {
            // A direct message is private to its asker: it is no server's gap (and the operator reads no DMs).
            if (answer.status() == Answer.Status.NO_COMMENTARY && !request.scope().isGlobal()) {
                feedback.recordGap(request.scope(), request.question(), request.songHint());
            }
            // Stored whole (sources, candidates, request): its buttons work after a restart and on any process.
            return feedback.recordAnswer(userId, request, answer);
        } catch (FeedbackException e) {
            // The answer still goes out, only without buttons that would point nowhere.
            log.error("could not store an answer for feedback", e);
            return -1;
        }
    }
}
