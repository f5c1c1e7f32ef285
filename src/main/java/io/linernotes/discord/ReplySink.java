package io.linernotes.discord;

import java.util.List;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Where an answer goes: an interaction's deferred reply, or a channel (DM or guild reply). Called from a
 * worker thread; implementations may block until Discord accepted each message, which keeps the order.
 */
public interface ReplySink {

    /** The text generated so far while a model streams; implementations throttle their edits. */
    void progress(String textSoFar);

    /**
     * The finished answer: the first message replaces the placeholder (if any), the rest follow it. Returns the
     * ids of the messages Discord accepted, in order (fewer, or none, when sending failed part way).
     */
    List<String> deliver(List<MessageCreateData> messages);
}
