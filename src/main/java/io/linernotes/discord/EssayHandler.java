package io.linernotes.discord;

import io.linernotes.core.Scope;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * One subcommand of {@code /essay}: the slash command, and the form or buttons it opened. {@link EssayCommand}
 * has already checked that the user is a moderator in a server; {@code scope} is that server's. Slow work goes
 * through {@link Asker#essayWork}, the one acknowledge-and-queue path.
 */
interface EssayHandler {

    void onSlash(SlashCommandInteractionEvent event, Scope scope);

    /** {@code args}: the form's custom id after {@code essay:<subcommand>}. */
    default void onModal(ModalInteractionEvent event, Scope scope, String[] args) {
        Replies.ephemeral(event, "That form no longer works.");
    }

    /** {@code action}: the button's action ({@code essay:<action>:...}); {@code args}: the parts after it. */
    default void onButton(ButtonInteractionEvent event, Scope scope, String action, String[] args) {
        Replies.ephemeral(event, "That button no longer works.");
    }

    /** The essay id in {@code args[0]}, or -1 when it is missing or not a number (a forged custom id). */
    static long idArg(String[] args) {
        if (args.length != 1) {
            return -1;
        }
        try {
            return Long.parseLong(args[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
