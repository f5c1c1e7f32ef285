package io.linernotes.discord;

import io.linernotes.core.Scope;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/** {@code /essay list}: the essays this server sees, its own and the shared ones. */
final class EssayList implements EssayHandler {
    private final BotServices services;
    private final Asker asker;

    EssayList(BotServices services, Asker asker) {
        this.services = services;
        this.asker = asker;
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event, Scope scope) {
        asker.essayWork(event, () -> EssayViews.list(services.list(scope)));
    }
}
