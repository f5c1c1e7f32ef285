package io.linernotes.discord;

import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayFormatException;
import io.linernotes.essay.Scope;
import io.linernotes.feedback.FeedbackStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /essay add|edit|remove|show|list|history|restore|gaps}: moderators manage their server's essays.
 * Discord hides the command from members without Manage Server; every action checks again here, because a
 * server may open the command to others. Everything stays in the server's own scope.
 */
public final class EssayCommand implements Feature {
    private static final Logger log = LoggerFactory.getLogger(EssayCommand.class);
    static final String REFUSED = "Only moderators (Manage Server) can manage essays here.";
    /**
     * Room in a file beyond the essay body for its title line or front matter: the parser enforces the body
     * limit itself, this only keeps a file that can never pass from being downloaded.
     */
    static final long HEADER_ALLOWANCE_BYTES = 8 * 1024;
    private static final long DOWNLOAD_SECONDS = 10;

    private final BotServices services;
    private final FeedbackStore feedback;
    private final WorkQueue work;
    private final Moderators moderators;
    private final AnswerRenderer renderer = new AnswerRenderer();
    private final long attachmentMaxBytes;

    /** {@code maxBodyBytes}: the essay store's body limit ({@code essays.maxBodyBytes}), which bounds attachments. */
    public EssayCommand(BotServices services, FeedbackStore feedback, WorkQueue work, Moderators moderators,
            int maxBodyBytes) {
        this.services = services;
        this.feedback = feedback;
        this.work = work;
        this.moderators = moderators;
        this.attachmentMaxBytes = attachmentLimit(maxBodyBytes);
    }

    static long attachmentLimit(int maxBodyBytes) {
        return maxBodyBytes + HEADER_ALLOWANCE_BYTES;
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
        if (!allowed(event)) {
            return;
        }
        Optional<EssaySubcommand> sub = EssaySubcommand.of(event.getSubcommandName());
        if (sub.isEmpty()) {
            Replies.ephemeral(event, "I don't know that one. Try /help.");
            return;
        }
        Scope scope = Scopes.of(event.getGuild());
        long id = event.getOption("id", -1L, OptionMapping::getAsLong);
        switch (sub.get()) {
            case ADD -> add(event, scope);
            case EDIT -> {
                Optional<Essay> essay = services.find(id, scope).filter(e -> e.scope().equals(scope));
                if (essay.isPresent()) {
                    event.replyModal(EssayForms.editModal(essay.get())).queue();
                } else {
                    Replies.ephemeral(event, "This server has no essay #" + id + " to edit.");
                }
            }
            case REMOVE -> event.reply("Remove essay #" + id + "? It can be restored later from its history.")
                    .setEphemeral(true).setComponents(ActionRow.of(Button.danger("essay:remove:" + id, "Remove"),
                            Button.secondary("essay:keep:" + id, "Keep")))
                    .queue();
            case SHOW -> later(event, () -> services.find(id, scope).map(EssayViews::show)
                    .orElse("No essay #" + id + " here."));
            case LIST -> later(event, () -> EssayViews.list(services.list(scope)));
            case HISTORY -> later(event, () -> EssayViews.history(id, services.history(id, scope)));
            case RESTORE -> {
                int revision = event.getOption("revision", -1, OptionMapping::getAsInt);
                later(event, () -> services.restore(id, revision, scope)
                        .map(e -> "Restored essay #" + e.id() + " (" + PlainText.of(e.song().label()) + ") from revision "
                                + revision + "; it is now revision " + e.revision() + ".")
                        .orElse("No revision " + revision + " of essay #" + id + " to restore here."));
            }
            case GAPS -> later(event, () -> EssayViews.gaps(feedback.gaps(scope, 25)));
            default -> Replies.ephemeral(event, "I don't know that one. Try /help.");
        }
    }

    private void add(SlashCommandInteractionEvent event, Scope scope) {
        Message.Attachment file = event.getOption("attachment", null, OptionMapping::getAsAttachment);
        if (file == null) {
            event.replyModal(EssayForms.addModal()).queue();
            return;
        }
        String fileName = file.getFileName();
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".txt") && !lower.endsWith(".md")) {
            Replies.ephemeral(event, "Please attach a .txt or .md file.");
            return;
        }
        if (file.getSize() > attachmentMaxBytes) {
            Replies.ephemeral(event, "That file is too large (at most " + attachmentMaxBytes / 1024 + " KB).");
            return;
        }
        later(event, () -> {
            Download download = download(file);
            if (download instanceof Download.TooLarge) {
                return "That file is larger than it said (over " + attachmentMaxBytes / 1024
                        + " KB); nothing was stored.";
            }
            if (download instanceof Download.Failed) {
                return "I could not download that file; nothing was stored. Please try again.";
            }
            byte[] content = ((Download.Done) download).bytes();
            try {
                BotServices.ImportResult result = services.importFile(fileName, content, scope);
                if (result.added().isEmpty()) {
                    StringBuilder none = new StringBuilder(result.unchanged() > 0
                            ? "That essay is already stored; nothing changed." : "No essay found in that file.");
                    appendWarnings(none, result.warnings());
                    return none.toString();
                }
                StringBuilder sb = new StringBuilder("Added:");
                result.added().forEach(e -> sb.append("\n#").append(e.id()).append(" · ").append(PlainText.of(e.song().label())));
                appendWarnings(sb, result.warnings());
                return sb.toString();
            } catch (EssayFormatException e) {
                return "That file could not be read as an essay: " + e.getMessage();
            }
        });
    }

    /** At most ten warnings, then a count: the reply must stay one readable message. */
    static void appendWarnings(StringBuilder sb, List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        sb.append("\nWarnings:");
        warnings.stream().limit(10).forEach(w -> sb.append("\n• ").append(w));
        if (warnings.size() > 10) {
            sb.append("\n… and ").append(warnings.size() - 10).append(" more.");
        }
    }

    /** How a download ended: the bytes, more bytes than allowed, or no file. */
    private sealed interface Download permits Download.Done, Download.TooLarge, Download.Failed {
        record Done(byte[] bytes) implements Download {
        }

        record TooLarge() implements Download {
        }

        record Failed() implements Download {
        }
    }

    private Download download(Message.Attachment file) {
        // The size Discord announced is checked first; the download is capped again in case it was wrong.
        try (InputStream in = file.getProxy().download().get(DOWNLOAD_SECONDS, TimeUnit.SECONDS)) {
            byte[] bytes = in.readNBytes((int) attachmentMaxBytes + 1);
            return bytes.length > attachmentMaxBytes ? new Download.TooLarge() : new Download.Done(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Download.Failed();
        } catch (ExecutionException | TimeoutException | IOException e) {
            log.warn("could not download attachment {}: {}", file.getId(), e.toString());
            return new Download.Failed();
        }
    }

    @Override
    public void onModal(ModalInteractionEvent event, String[] args) {
        if (!allowed(event)) {
            return;
        }
        Scope scope = Scopes.of(event.getGuild());
        EssayDraft draft;
        try {
            draft = EssayForms.parse(event, event.getUser().getName());
        } catch (EssayFormatException e) {
            Replies.ephemeral(event, e.getMessage());
            return;
        }
        if (args.length == 1 && args[0].equals("add")) {
            later(event, () -> {
                try {
                    BotServices.Added added = services.add(draft, scope);
                    Essay essay = added.essay();
                    return added.alreadyStored()
                            ? "That essay is already stored as #" + essay.id() + " (" + PlainText.of(essay.song().label())
                                    + "); nothing changed."
                            : "Added essay #" + essay.id() + " on " + PlainText.of(essay.song().label()) + ".";
                } catch (EssayFormatException e) {
                    return e.getMessage();
                }
            });
        } else if (args.length == 2 && args[0].equals("edit")) {
            long id = Long.parseLong(args[1]);
            later(event, () -> {
                try {
                    return services.edit(id, draft, scope)
                            .map(e -> "Saved essay #" + e.id() + " as revision " + e.revision() + ".")
                            .orElse("This server has no essay #" + id + " to edit.");
                } catch (EssayFormatException e) {
                    return e.getMessage();
                }
            });
        } else {
            Replies.ephemeral(event, "That form no longer works.");
        }
    }

    @Override
    public void onButton(ButtonInteractionEvent event, String[] args) {
        if (!allowed(event) || args.length != 2) {
            return;
        }
        long id = Long.parseLong(args[1]);
        if (args[0].equals("keep")) {
            event.editMessage("Kept essay #" + id + ".").setComponents().queue();
            return;
        }
        Scope scope = Scopes.of(event.getGuild());
        later(event, () -> services.remove(id, scope)
                ? "Removed essay #" + id + ". See /essay history id:" + id + " to restore it."
                : "This server has no essay #" + id + " to remove.");
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

    /** Acknowledges privately now and sends what {@code work} returns once it is done. */
    private void later(IReplyCallback event, java.util.function.Supplier<String> task) {
        String userId = event.getUser().getId();
        if (!work.hasRoom(userId)) {
            Replies.ephemeral(event, Replies.BUSY);
            return;
        }
        event.deferReply(true).queue(ok -> { }, e -> log.warn("could not acknowledge /essay interaction {}: {}",
                event.getId(), e.toString()));
        InteractionHook hook = event.getHook();
        boolean accepted = work.submit(userId, () -> {
            String text;
            try {
                text = task.get();
            } catch (RuntimeException e) {
                log.error("/essay failed", e);
                text = Replies.ERROR;
            }
            send(hook, renderer.plain(text));
        });
        if (!accepted) {
            send(hook, renderer.plain(Replies.BUSY));
        }
    }

    private static void send(InteractionHook hook, List<MessageCreateData> messages) {
        hook.editOriginal(net.dv8tion.jda.api.utils.messages.MessageEditData.fromCreateData(messages.get(0)))
                .queue(ok -> { }, e -> log.warn("could not send an /essay reply", e));
        for (MessageCreateData more : messages.subList(1, messages.size())) {
            hook.sendMessage(more).setEphemeral(true).queue(ok -> { }, e -> log.warn("could not follow up", e));
        }
    }
}
