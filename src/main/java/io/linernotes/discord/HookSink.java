package io.linernotes.discord;

import io.linernotes.text.Mentions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to a deferred interaction: streamed text edits the original reply at most once per
 * {@code minEditMillis}; the final answer replaces it entirely and any further messages are follow-ups.
 */
public final class HookSink implements ReplySink {
    private static final Logger log = LoggerFactory.getLogger(HookSink.class);
    private static final long SEND_TIMEOUT_SECONDS = 15;

    private final InteractionHook hook;
    private final Clock clock;
    private final long minEditMillis;
    private long lastEdit;
    private boolean finished;

    public HookSink(InteractionHook hook, Clock clock, long minEditMillis) {
        this.hook = hook;
        this.clock = clock;
        this.minEditMillis = minEditMillis;
        this.lastEdit = clock.millis();
    }

    @Override
    public synchronized void progress(String textSoFar) {
        long now = clock.millis();
        if (finished || textSoFar == null || textSoFar.isBlank() || now - lastEdit < minEditMillis) {
            return;
        }
        lastEdit = now;
        String shown = TextSplitter.truncate(Mentions.defuse(textSoFar), AnswerRenderer.CONTENT_MAX - 2) + " …";
        // Queued, not awaited: the model's streaming thread must not wait for Discord. Edits of @original share
        // one rate-limit bucket, so JDA sends them, and the final edit, in order.
        hook.editOriginal(shown).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .queue(ok -> { }, e -> log.debug("a progress edit failed", e));
    }

    @Override
    public List<String> deliver(List<MessageCreateData> messages) {
        synchronized (this) {
            finished = true;
        }
        List<String> ids = new java.util.ArrayList<>();
        try {
            ids.add(hook.editOriginal(new MessageEditBuilder().applyCreateData(messages.get(0)).setReplace(true).build())
                    .submit().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS).getId());
            for (MessageCreateData more : messages.subList(1, messages.size())) {
                ids.add(hook.sendMessage(more).submit().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS).getId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("could not deliver an answer to interaction {}", hook.getInteraction().getId(), e);
        }
        return ids;
    }
}
