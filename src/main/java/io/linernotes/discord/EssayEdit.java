package io.linernotes.discord;

import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayFormatException;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/** {@code /essay edit id}: opens the form filled with the essay; saving it stores a new revision. */
final class EssayEdit implements EssayHandler {
    private final BotServices services;
    private final Asker asker;

    EssayEdit(BotServices services, Asker asker) {
        this.services = services;
        this.asker = asker;
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event, Scope scope) {
        long id = event.getOption("id", -1L, OptionMapping::getAsLong);
        // A modal must be the first reply, so this one read happens before the acknowledgement.
        Optional<Essay> essay = services.find(id, scope).filter(e -> e.scope().equals(scope));
        if (essay.isPresent()) {
            event.replyModal(EssayForms.editModal(essay.get())).queue();
        } else {
            Replies.ephemeral(event, "This server has no essay #" + id + " to edit.");
        }
    }

    @Override
    public void onModal(ModalInteractionEvent event, Scope scope, String[] args) {
        long id = EssayHandler.idArg(args);
        if (id < 0) {
            Replies.ephemeral(event, "That form no longer works.");
            return;
        }
        Optional<EssayDraft> parsed = EssayForms.draftOrReply(event);
        if (parsed.isEmpty()) {
            return;
        }
        EssayDraft draft = parsed.get();
        asker.essayWork(event, () -> {
            try {
                return services.edit(id, draft, scope)
                        .map(e -> "Saved essay #" + e.id() + " as revision " + e.revision() + ".")
                        .orElse("This server has no essay #" + id + " to edit.");
            } catch (EssayFormatException e) {
                return e.getMessage();
            }
        });
    }
}
