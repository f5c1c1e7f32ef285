package io.linernotes.discord;

import io.linernotes.core.Scope;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /essay add|edit|remove|show|list|history|restore|gaps}: moderators manage their server's essays.
 * Discord hides the command from members without Manage Server; every action checks again here, because a
 * server may open the command to others. This class only checks and routes: each subcommand, with the form
 * or buttons it opens, is one {@link EssayHandler}. Everything stays in the server's own scope.
 */
public final class EssayCommand implements Feature {
    static final String REFUSED = "Only moderators (Manage Server) can manage essays here.";

    private final Moderators moderators;
    private final Map<EssaySubcommand, EssayHandler> handlers;

    public EssayCommand(Moderators moderators, Map<EssaySubcommand, EssayHandler> handlers) {
        this.moderators = moderators;
        this.handlers = new EnumMap<>(handlers);
        if (this.handlers.size() != EssaySubcommand.values().length) {
            throw new IllegalArgumentException("every /essay subcommand needs a handler: " + handlers.keySet());
        }
    }

    @Override
    public String name() {
        return "essay";
    }

    @Override
    public Optional<SlashCommandData> command() {
        SubcommandData add = new SubcommandData("add", "Add an essay (a form, or a .txt/.md file)")
                .addOption(OptionType.ATTACHMENT, "attachment", "A .txt or .md essay file", false);
        return Optional.of(Commands.slash(name(), "Manage this server's essays (moderators)")
                .addSubcommands(add,
                        idSub("edit", "Edit an essay"),
                        idSub("remove", "Remove an essay (it can be restored)"),
                        idSub("show", "Show an essay"),
                        new SubcommandData("list", "List the essays this server sees"),
                        idSub("history", "Revisions of an essay"),
                        idSub("restore", "Bring back a revision of an essay")
                                .addOption(OptionType.INTEGER, "revision", "Revision number", true),
                        new SubcommandData("gaps", "Questions no essay answered, and answers marked 👎"))
                .setContexts(InteractionContextType.GUILD)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER)));
    }

    private static SubcommandData idSub(String name, String description) {
        return new SubcommandData(name, description).addOption(OptionType.INTEGER, "id", "Essay number", true);
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        Optional<EssaySubcommand> sub = EssaySubcommand.of(event.getSubcommandName());
        if (sub.isEmpty()) {
            Replies.ephemeral(event, "I don't know that one. Try /help.");
        } else if (allowed(event)) {
            handlers.get(sub.get()).onSlash(event, Scopes.of(event.getGuild()));
        }
    }

    /** Forms: {@code essay:add} and {@code essay:edit:<id>}. */
    @Override
    public void onModal(ModalInteractionEvent event, String[] args) {
        Optional<EssaySubcommand> sub = args.length == 0 ? Optional.empty() : EssaySubcommand.of(args[0]);
        if (sub.isEmpty()) {
            Replies.ephemeral(event, "That form no longer works.");
        } else if (allowed(event)) {
            handlers.get(sub.get()).onModal(event, Scopes.of(event.getGuild()), rest(args));
        }
    }

    /** Buttons: {@code essay:remove:<id>} and {@code essay:keep:<id>}, both the remove handler's. */
    @Override
    public void onButton(ButtonInteractionEvent event, String[] args) {
        if (args.length == 0 || !(args[0].equals("remove") || args[0].equals("keep"))) {
            Replies.ephemeral(event, "That button no longer works.");
        } else if (allowed(event)) {
            handlers.get(EssaySubcommand.REMOVE).onButton(event, Scopes.of(event.getGuild()), args[0], rest(args));
        }
    }

    private boolean allowed(IReplyCallback event) {
        if (event.getGuild() == null) {
            Replies.ephemeral(event, "Essays are managed inside a server.");
            return false;
        }
        if (!moderators.mayManage(event.getMember())) {
            Replies.ephemeral(event, REFUSED);
            return false;
        }
        return true;
    }

    private static String[] rest(String[] args) {
        return Arrays.copyOfRange(args, 1, args.length);
    }
}
