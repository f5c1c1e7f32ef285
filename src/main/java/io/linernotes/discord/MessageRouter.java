package io.linernotes.discord;

import java.util.List;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each message the bot receives to the features that read messages (see {@link Feature#readsMessages}),
 * as {@link InteractionRouter} does for interactions. Runs on the gateway thread; the features admit and queue
 * through {@link Asker}. Messages from bots, webhooks and the system are never anyone's question.
 */
public final class MessageRouter extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);

    private final List<Feature> readers;
    private volatile boolean accepting = true;

    public MessageRouter(Features features) {
        this.readers = features.messageReaders();
    }

    public void stopAccepting() {
        accepting = false;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!accepting || event.getAuthor().isBot() || event.getAuthor().isSystem() || event.isWebhookMessage()) {
            return;
        }
        for (Feature feature : readers) {
            try {
                feature.onMessage(event);
            } catch (RuntimeException e) {
                log.error("message {} for {} failed", event.getMessageId(), feature.name(), e);
            }
        }
    }
}
