package io.linernotes.discord;

import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * One thing the bot does on Discord. {@link #name()} is both its slash command name (if it has one) and
 * the prefix of its components' custom ids ({@code name:action:args}), so the router finds the owner of a
 * button, menu or modal without a second table. A feature only translates: it parses options, calls a
 * service and renders; the logic lives behind {@link BotServices}. A feature that answers messages (DMs,
 * mentions) says so with {@link #readsMessages()} and gets every message in {@link #onMessage}.
 */
public interface Feature {

    String name();

    /** The slash command to register, if this feature has one. */
    Optional<SlashCommandData> command();

    default void onSlash(SlashCommandInteractionEvent event) {
        Replies.ephemeral(event, "That command is not available.");
    }

    default void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices().queue();
    }

    /** {@code args} are the custom id's parts after the feature name. */
    default void onButton(ButtonInteractionEvent event, String[] args) {
        Replies.ephemeral(event, "That button no longer works.");
    }

    default void onSelect(StringSelectInteractionEvent event, String[] args) {
        Replies.ephemeral(event, "That menu no longer works.");
    }

    default void onModal(ModalInteractionEvent event, String[] args) {
        Replies.ephemeral(event, "That form no longer works.");
    }

    /** Whether {@link #onMessage} wants the messages the bot receives. */
    default boolean readsMessages() {
        return false;
    }

    /** A message the bot received (a DM, or a guild message Discord sent it); on the gateway thread. */
    default void onMessage(MessageReceivedEvent event) {
    }
}
