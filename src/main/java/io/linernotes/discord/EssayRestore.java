package io.linernotes.discord;

import io.linernotes.core.Scope;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/** {@code /essay restore id revision}: brings an old revision back as the newest one. */
final class EssayRestore implements EssayHandler {
    private final BotServices services;
    private final Asker asker;

    EssayRestore(BotServices services, Asker asker) {
        this.services = services;
        this.asker = asker;
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event, Scope scope) {
        long id = event.getOption("id", -1L, OptionMapping::getAsLong);
        int revision = event.getOption("revision", -1, OptionMapping::getAsInt);
        asker.essayWork(event, () -> {
            try {
                return services.restore(id, revision, scope)
                        .map(e -> "Restored essay #" + e.id() + " (" + PlainText.of(e.song().label()) + ") from revision "
                                + revision + "; it is now revision " + e.revision() + ".")
                        .orElse("No revision " + revision + " of essay #" + id + " to restore here.");
            } catch (io.linernotes.essay.EssayFormatException e) {
                return e.getMessage();
            }
        });
    }
}
