package io.linernotes.discord;

import java.util.EnumSet;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /help}: what the bot can do, shown only to the asker. */
public final class HelpCommand implements Feature {
    static final String TEXT = """
            **/meaning** song:<title> [question] — what a song means, with the essays it comes from.
            **/ask** question — any question about a song's meaning.
            **Direct message** — just write your question; follow-ups like "and the second verse?" work.
            **Mention me** in a channel with your question.
            **/essay** add | edit | remove | show | list | history | restore | gaps — for moderators: \
            manage this server's essays.
            Answers cite their sources as [1], [2]…; press 👍 or 👎 to tell us how it went.""";

    @Override
    public String name() {
        return "help";
    }

    @Override
    public Optional<SlashCommandData> command() {
        return Optional.of(Commands.slash(name(), "How to use Liner Notes")
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL));
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        event.replyEmbeds(new EmbedBuilder().setTitle("Liner Notes").setDescription(TEXT).build())
                .setEphemeral(true).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).queue();
    }
}
