package io.linernotes.discord;

import io.linernotes.core.Scope;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/** {@code /essay show id}: one essay as this server sees it. */
final class EssayShow implements EssayHandler {
    private final BotServices services;
    private final Asker asker;

    EssayShow(BotServices services, Asker asker) {
        this.services = services;
        this.asker = asker;
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event, Scope scope) {
        long id = event.getOption("id", -1L, OptionMapping::getAsLong);
        asker.essayWork(event, () -> services.find(id, scope).map(EssayViews::show).orElse("No essay #" + id + " here."));
    }
}
