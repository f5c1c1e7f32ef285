package io.linernotes.discord;

import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayFormatException;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/** {@code /essay add}: opens the form, or imports an attached .txt/.md file; and stores the submitted form. */
final class EssayAdd implements EssayHandler {
    /**
     * Room in a file beyond the essay body for its title line or front matter: the parser enforces the body
     * limit itself, this only keeps a file that can never pass from being downloaded.
     */
    static final long HEADER_ALLOWANCE_BYTES = 8 * 1024;

    private final BotServices services;
    private final Asker asker;
    private final AttachmentDownloader downloader;
    private final long attachmentMaxBytes;

    /** {@code maxBodyBytes}: the essay store's body limit ({@code essays.maxBodyBytes}), which bounds attachments. */
    EssayAdd(BotServices services, Asker asker, AttachmentDownloader downloader, int maxBodyBytes) {
        this.services = services;
        this.asker = asker;
        this.downloader = downloader;
        this.attachmentMaxBytes = attachmentLimit(maxBodyBytes);
    }

    static long attachmentLimit(int maxBodyBytes) {
        return maxBodyBytes + HEADER_ALLOWANCE_BYTES;
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event, Scope scope) {
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
        String url = file.getUrl();
        asker.essayWork(event, () -> importFile(fileName, url, scope));
    }

    private String importFile(String fileName, String url, Scope scope) {
        // The size Discord announced was checked first; the download is capped again in case it was wrong.
        AttachmentDownloader.Result download = downloader.fetch(url, attachmentMaxBytes);
        if (download instanceof AttachmentDownloader.TooLarge) {
            return "That file is larger than it said (over " + attachmentMaxBytes / 1024 + " KB); nothing was stored.";
        }
        if (download instanceof AttachmentDownloader.Refused) {
            return "That file is not on Discord's attachment servers, so I did not download it; nothing was stored.";
        }
        if (download instanceof AttachmentDownloader.Failed) {
            return "I could not download that file; nothing was stored. Please try again.";
        }
        byte[] content = ((AttachmentDownloader.Done) download).bytes();
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

    @Override
    public void onModal(ModalInteractionEvent event, Scope scope, String[] args) {
        Optional<EssayDraft> parsed = EssayForms.draftOrReply(event);
        if (parsed.isEmpty()) {
            return;
        }
        EssayDraft draft = parsed.get();
        asker.essayWork(event, () -> {
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
    }
}
