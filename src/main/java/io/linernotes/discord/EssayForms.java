package io.linernotes.discord;

import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayFormatException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The essay form: five Label-wrapped inputs (title, artist, featured, year, body), empty for a new essay
 * and pre-filled for an edit, and the parsing of a submitted form back into an {@link EssayDraft}.
 */
final class EssayForms {
    static final int BODY_MAX = 4_000;
    static final int BODY_MIN = 20;
    private static final int NAME_MAX = 200;

    private EssayForms() {
    }

    static Modal addModal() {
        return modal("essay:add", "Add an essay", null);
    }

    static Modal editModal(Essay essay) {
        return modal("essay:edit:" + essay.id(), TextSplitter.truncate("Edit essay #" + essay.id(), 45), essay);
    }

    private static Modal modal(String id, String title, Essay essay) {
        TextInput.Builder titleInput = TextInput.create("title", TextInputStyle.SHORT).setRequired(true)
                .setMaxLength(NAME_MAX).setPlaceholder("Runaway");
        TextInput.Builder artist = TextInput.create("artist", TextInputStyle.SHORT).setRequired(true)
                .setMaxLength(NAME_MAX).setPlaceholder("Kanye West");
        TextInput.Builder featured = TextInput.create("featured", TextInputStyle.SHORT).setRequired(false)
                .setMaxLength(NAME_MAX).setPlaceholder("Pusha T (comma-separated)");
        TextInput.Builder year = TextInput.create("year", TextInputStyle.SHORT).setRequired(false).setMaxLength(4)
                .setPlaceholder("2010");
        TextInput.Builder body = TextInput.create("body", TextInputStyle.PARAGRAPH).setRequired(true)
                .setMinLength(BODY_MIN).setMaxLength(BODY_MAX).setPlaceholder("What the song means; paragraphs "
                        + "separated by blank lines");
        if (essay != null) {
            titleInput.setValue(essay.song().title());
            artist.setValue(essay.song().artist());
            if (!essay.song().featured().isEmpty()) {
                featured.setValue(String.join(", ", essay.song().featured()));
            }
            if (essay.song().year() != null) {
                year.setValue(essay.song().year().toString());
            }
            body.setValue(TextSplitter.truncate(essay.body(), BODY_MAX));
        }
        return Modal.create(id, title).addComponents(
                Label.of("Song title", titleInput.build()),
                Label.of("Artist", artist.build()),
                Label.of("Featured artists", featured.build()),
                Label.of("Year", year.build()),
                Label.of("Essay", body.build())).build();
    }

    /**
     * The submitted form as a draft; the message of the exception is meant for the moderator. Discord enforces
     * the form's lengths itself, but a client can send anything: every limit is checked again here.
     */
    /** The submitted form as a draft by its submitter; empty, with the reason told privately, when it is not one. */
    static Optional<EssayDraft> draftOrReply(ModalInteractionEvent event) {
        try {
            return Optional.of(parse(event, event.getUser().getName()));
        } catch (EssayFormatException e) {
            Replies.ephemeral(event, e.getMessage());
            return Optional.empty();
        }
    }

    static EssayDraft parse(ModalInteractionEvent event, String author) throws EssayFormatException {
        checkLength(event, "title", "The song title", NAME_MAX);
        checkLength(event, "artist", "The artist", NAME_MAX);
        checkLength(event, "featured", "The featured artists", NAME_MAX);
        checkLength(event, "year", "The year", 4);
        int bodyLength = raw(event, "body").length();
        if (bodyLength > BODY_MAX) {
            throw new EssayFormatException("The essay is too long for the form (" + count(bodyLength)
                    + " characters; at most " + count(BODY_MAX) + "). Attach it as a .txt or .md file with "
                    + "/essay add instead.");
        }
        String title = value(event, "title");
        String artist = value(event, "artist");
        String body = value(event, "body");
        if (title.isEmpty() || artist.isEmpty() || body.isEmpty()) {
            throw new EssayFormatException("Title, artist and essay are all needed.");
        }
        if (body.length() < BODY_MIN) {
            throw new EssayFormatException("The essay is too short (at least " + BODY_MIN + " characters).");
        }
        List<String> featured = Arrays.stream(value(event, "featured").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        String yearText = value(event, "year");
        Integer year = null;
        if (!yearText.isEmpty()) {
            try {
                year = Integer.parseInt(yearText);
            } catch (NumberFormatException e) {
                throw new EssayFormatException("The year should be a number like 2010, not '" + yearText + "'.");
            }
        }
        return new EssayDraft(title, artist, featured, year, null, author, "Discord", body);
    }

    private static void checkLength(ModalInteractionEvent event, String id, String what, int max)
            throws EssayFormatException {
        int length = raw(event, id).length();
        if (length > max) {
            throw new EssayFormatException(what + " is too long (" + count(length) + " characters; at most "
                    + count(max) + ").");
        }
    }

    private static String count(int n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static String raw(ModalInteractionEvent event, String id) {
        ModalMapping mapping = event.getValue(id);
        return mapping == null ? "" : mapping.getAsString();
    }

    private static String value(ModalInteractionEvent event, String id) {
        return raw(event, id).trim();
    }
}
