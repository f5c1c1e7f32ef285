package io.linernotes.discord;

import io.linernotes.core.Scope;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/** {@code /essay remove id}: asks first (Remove / Keep buttons); the removed essay keeps its history. */
final class EssayRemove implements EssayHandler {
    private final BotServices services;
    private final Asker asker;

    EssayRemove(BotServices services, Asker asker) {
        this.services = services;
        this.asker = asker;
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event, Scope scope) {
        long id = event.getOption("id", -1L, OptionMapping::getAsLong);
        event.reply("Remove essay #" + id + "? It can be restored later from its history.").setEphemeral(true)
                .setComponents(ActionRow.of(Button.danger("essay:remove:" + id, "Remove"),
                        Button.secondary("essay:keep:" + id, "Keep")))
                .queue();
    }

    @Override
    public void onButton(ButtonInteractionEvent event, Scope scope, String action, String[] args) {
        long id = EssayHandler.idArg(args);
        if (id < 0) {
            Replies.ephemeral(event, "That button no longer works.");
        } else if (action.equals("keep")) {
            event.editMessage("Kept essay #" + id + ".").setComponents().queue();
        } else {
            asker.essayWork(event, () -> services.remove(id, scope)
                    ? "Removed essay #" + id + ". See /essay history id:" + id + " to restore it."
                    : "This server has no essay #" + id + " to remove.");
        }
    }
}
