package io.linernotes.discord;

import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to the channel of a message: the first answer message replies to it, the rest follow in the same
 * channel. Nothing is streamed (there is no placeholder to edit); a typing indicator covers the wait.
 */
public final class ChannelSink implements ReplySink {
    private static final Logger log = LoggerFactory.getLogger(ChannelSink.class);
    private static final long SEND_TIMEOUT_SECONDS = 15;

    private final Message question;

    public ChannelSink(Message question) {
        this.question = question;
    }

    @Override
    public void progress(String textSoFar) {
        // No placeholder message to edit; the typing indicator sent at the start is enough.
    }

    @Override
    public List<String> deliver(List<MessageCreateData> messages) {
        List<String> ids = new java.util.ArrayList<>();
        try {
            ids.add(question.reply(messages.get(0)).mentionRepliedUser(false).failOnInvalidReply(false)
                    .submit().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS).getId());
            for (MessageCreateData more : messages.subList(1, messages.size())) {
                ids.add(question.getChannel().sendMessage(more).submit().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .getId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("could not deliver an answer in channel {}", question.getChannel().getId(), e);
        }
        return ids;
    }
}
