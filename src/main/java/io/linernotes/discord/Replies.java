package io.linernotes.discord;

import io.linernotes.text.Mentions;
import java.util.EnumSet;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Short plain replies that only the user sees: refusals, confirmations, errors. Safe to call whether or not
 * the interaction was already acknowledged, so no path leaves an interaction unanswered.
 */
public final class Replies {
    private static final Logger log = LoggerFactory.getLogger(Replies.class);
    static final String BUSY = "I'm answering a lot of questions right now. Please try again in a minute.";
    static final String ERROR = "Something went wrong on my side. Please try again.";

    private Replies() {
    }

    public static void ephemeral(IReplyCallback event, String text) {
        String safe = TextSplitter.truncate(Mentions.defuse(text), AnswerRenderer.CONTENT_MAX);
        if (event.isAcknowledged()) {
            event.getHook().editOriginal(safe).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .setReplace(true).queue(ok -> { }, e -> log.debug("could not edit a reply", e));
        } else {
            event.reply(safe).setEphemeral(true).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .queue(ok -> { }, e -> log.debug("could not reply", e));
        }
    }
}
