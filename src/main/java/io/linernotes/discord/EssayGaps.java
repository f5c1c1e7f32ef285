package io.linernotes.discord;

import io.linernotes.core.Scope;
import io.linernotes.feedback.FeedbackStore;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/**
 * {@code /essay gaps}: this server's questions that found no essay and its answers marked 👎. Only the server's
 * own: direct messages and other servers are private to their askers.
 */
final class EssayGaps implements EssayHandler {
    private static final int SHOWN = 25;

    private final FeedbackStore feedback;
    private final Asker asker;

    EssayGaps(FeedbackStore feedback, Asker asker) {
        this.feedback = feedback;
        this.asker = asker;
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event, Scope scope) {
        asker.essayWork(event, () -> EssayViews.gaps(feedback.gaps(scope, SHOWN)));
    }
}
