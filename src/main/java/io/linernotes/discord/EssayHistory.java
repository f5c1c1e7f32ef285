package io.linernotes.discord;

import io.linernotes.core.Scope;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/** {@code /essay history id}: the revisions of one of this server's essays, removed ones included. */
final class EssayHistory implements EssayHandler {
    private final BotServices services;
    private final Asker asker;

    EssayHistory(BotServices services, Asker asker) {
        this.services = services;
        this.asker = asker;
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event, Scope scope) {
        long id = event.getOption("id", -1L, OptionMapping::getAsLong);
        asker.essayWork(event, () -> EssayViews.history(id, services.history(id, scope)));
    }
}
