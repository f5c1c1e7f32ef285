package io.linernotes.discord;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each interaction to the feature that owns it (by command name or custom-id prefix). Runs on the
 * gateway thread: features only acknowledge here and hand slow work to the {@link WorkQueue}. Any failure
 * becomes a short ephemeral message, never a silent timeout or a stack trace.
 */
public final class InteractionRouter extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(InteractionRouter.class);
    static final String STOPPING = "I'm restarting. Please try again in a moment.";

    private final Features features;
    private volatile boolean accepting = true;

    public InteractionRouter(Features features) {
        this.features = features;
    }

    /** From now on, new interactions get a "restarting" reply instead of work. */
    public void stopAccepting() {
        accepting = false;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        guarded(event, features.named(event.getName()), f -> f.onSlash(event));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        try {
            Optional<Feature> f = features.named(event.getName());
            if (f.isPresent() && accepting) {
                f.get().onAutocomplete(event);
            } else {
                event.replyChoices().queue();
            }
        } catch (RuntimeException e) {
            log.error("autocomplete for /{} failed", event.getName(), e);
            if (!event.isAcknowledged()) {
                event.replyChoices().queue();
            }
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String[] parts = event.getComponentId().split(":");
        guarded(event, features.named(parts[0]), f -> f.onButton(event, rest(parts)));
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        String[] parts = event.getComponentId().split(":");
        guarded(event, features.named(parts[0]), f -> f.onSelect(event, rest(parts)));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        String[] parts = event.getModalId().split(":");
        guarded(event, features.named(parts[0]), f -> f.onModal(event, rest(parts)));
    }

    private void guarded(IReplyCallback event, Optional<Feature> feature, Consumer<Feature> action) {
        if (!accepting) {
            Replies.ephemeral(event, STOPPING);
            return;
        }
        if (feature.isEmpty()) {
            Replies.ephemeral(event, "I don't know that one. Try /help.");
            return;
        }
        try {
            action.accept(feature.get());
        } catch (RuntimeException e) {
            log.error("interaction {} for {} failed", event.getId(), feature.get().name(), e);
            Replies.ephemeral(event, Replies.ERROR);
        }
    }

    private static String[] rest(String[] parts) {
        return Arrays.copyOfRange(parts, 1, parts.length);
    }
}
