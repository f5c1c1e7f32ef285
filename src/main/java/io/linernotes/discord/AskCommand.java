package io.linernotes.discord;

import io.linernotes.answer.AnswerRequest;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /ask question}: a free question; the engine finds the song in it. */
public final class AskCommand implements Feature {
    private final Asker asker;

    public AskCommand(Asker asker) {
        this.asker = asker;
    }

    @Override
    public String name() {
        return "ask";
    }

    @Override
    public Optional<SlashCommandData> command() {
        return Optional.of(Commands.slash(name(), "Ask anything about a song's meaning")
                .addOption(OptionType.STRING, "question", "For example: what is Runaway by Kanye West about?", true)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL));
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        QuestionText.Checked question = QuestionText.question(event.getOption("question", "", OptionMapping::getAsString));
        if (question instanceof QuestionText.Refused refused) {
            Replies.ephemeral(event, refused.message());
            return;
        }
        asker.answerInReply(event, AnswerRequest.ask(((QuestionText.Ok) question).text(), Scopes.of(event.getGuild())));
    }
}
