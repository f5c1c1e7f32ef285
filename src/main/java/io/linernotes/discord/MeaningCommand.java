package io.linernotes.discord;

import io.linernotes.answer.AnswerRequest;
import io.linernotes.core.Song;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /meaning song:<autocomplete> [question]}: what a song means, from the stored essays. */
public final class MeaningCommand implements Feature {
    static final String DEFAULT_QUESTION = "What is this song about?";
    private static final int CHOICES_MAX = 25;
    private static final int CHOICE_CHARS = 100;
    /** Longer than any real title with its artists; past it the text is not a song name. */
    static final int SONG_MAX = 300;

    private final BotServices services;
    private final Asker asker;

    public MeaningCommand(BotServices services, Asker asker) {
        this.services = services;
        this.asker = asker;
    }

    @Override
    public String name() {
        return "meaning";
    }

    @Override
    public Optional<SlashCommandData> command() {
        return Optional.of(Commands.slash(name(), "What a song means, from the essays stored here")
                .addOption(OptionType.STRING, "song", "Title, and artist if you know it", true, true)
                .addOption(OptionType.STRING, "question", "What you want to know (optional)", false)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL));
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        String rawSong = event.getOption("song", "", OptionMapping::getAsString);
        if (rawSong.isBlank()) {
            Replies.ephemeral(event, "Tell me which song, for example: /meaning song:Runaway");
            return;
        }
        QuestionText.Checked song = QuestionText.check(rawSong, "song name", SONG_MAX);
        QuestionText.Checked question = QuestionText.question(
                event.getOption("question", DEFAULT_QUESTION, OptionMapping::getAsString));
        if (question instanceof QuestionText.Refused && QuestionText.clean(
                event.getOption("question", DEFAULT_QUESTION, OptionMapping::getAsString)).isEmpty()) {
            // An optional question that holds nothing readable falls back to the default one.
            question = new QuestionText.Ok(DEFAULT_QUESTION);
        }
        for (QuestionText.Checked checked : List.of(song, question)) {
            if (checked instanceof QuestionText.Refused refused) {
                Replies.ephemeral(event, refused.message());
                return;
            }
        }
        asker.answerInReply(event, AnswerRequest.meaning(((QuestionText.Ok) song).text(),
                ((QuestionText.Ok) question).text(), Scopes.of(event.getGuild())));
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        if (!event.getFocusedOption().getName().equals("song")) {
            event.replyChoices().queue();
            return;
        }
        List<Command.Choice> choices = new ArrayList<>();
        for (Song song : services.suggestSongs(event.getFocusedOption().getValue(), Scopes.of(event.getGuild()),
                CHOICES_MAX)) {
            String label = TextSplitter.truncate(song.label(), CHOICE_CHARS);
            choices.add(new Command.Choice(label, label));
            if (choices.size() == CHOICES_MAX) {
                break;
            }
        }
        event.replyChoices(choices).queue();
    }
}
