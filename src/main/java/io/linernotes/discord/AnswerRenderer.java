package io.linernotes.discord;

import io.linernotes.answer.Answer;
import io.linernotes.answer.Source;
import io.linernotes.core.Song;
import io.linernotes.text.Mentions;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Turns an {@link Answer} into Discord messages within Discord's limits: content ≤ 2,000 characters, an
 * embed description ≤ 4,096, all embeds of one message ≤ 6,000 characters and ≤ 10 embeds. Longer answers
 * go over several messages (the first edits the reply, the others follow up). The correction note comes
 * first, the numbered sources last; the last message carries the 👍/👎 and "Sources" buttons.
 */
public final class AnswerRenderer {
    public static final int CONTENT_MAX = 2_000;
    public static final int DESCRIPTION_MAX = 4_096;
    public static final int MESSAGE_EMBED_CHARS = 6_000;
    public static final int EMBEDS_MAX = 10;
    /** A little below the hard limit, so a title and footer still fit beside a full description. */
    private static final int DESCRIPTION_CHUNK = 3_800;
    private static final Color ACCENT = new Color(0x5865F2);

    /** Custom-id prefix of the components this renderer puts on answers; {@link AnswerButtons} handles them. */
    public static final String PREFIX = "answer";

    public List<MessageCreateData> render(Answer answer, long answerId) {
        if (answer.status() == Answer.Status.AMBIGUOUS) {
            return List.of(picker(answer, answerId));
        }
        if (answer.status() == Answer.Status.NO_COMMENTARY) {
            // It repeats the asker's words or the song's names: shown as written; our `/essay add` stays code.
            return plain(PlainText.exceptCode(String.join("\n", answer.notes()) + "\n\n" + answer.text()));
        }
        List<MessageEmbed> embeds = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String note : answer.notes()) {
            // Bold, not a block quote: block quotes are the essays' own words in an answer.
            body.append("**Note:** ").append(PlainText.of(note)).append("\n\n");
        }
        body.append(PlainText.namesIn(answer.text(), names(answer)));
        List<String> chunks = TextSplitter.split(Mentions.defuse(body.toString()), DESCRIPTION_CHUNK);
        for (int i = 0; i < chunks.size(); i++) {
            EmbedBuilder e = new EmbedBuilder().setColor(ACCENT).setDescription(chunks.get(i));
            if (i == 0 && answer.song() != null) {
                e.setTitle(TextSplitter.truncate(Mentions.defuse(PlainText.of(answer.song().label())),
                        MessageEmbed.TITLE_MAX_LENGTH));
            }
            if (i == chunks.size() - 1 && answer.generatedBy() != null && !answer.generatedBy().isBlank()) {
                e.setFooter(TextSplitter.truncate(footer(answer.generatedBy()), 200));
            }
            embeds.add(e.build());
        }
        if (!answer.sources().isEmpty()) {
            List<String> sourceChunks = TextSplitter.split(sourceLines(answer.sources()), DESCRIPTION_CHUNK);
            for (int i = 0; i < sourceChunks.size(); i++) {
                EmbedBuilder e = new EmbedBuilder().setColor(ACCENT).setDescription(sourceChunks.get(i));
                if (i == 0) {
                    e.setTitle("Sources");
                }
                embeds.add(e.build());
            }
        }
        List<MessageCreateData> messages = pack(embeds);
        return withButtons(messages, answerId);
    }

    /** Plain text over as many messages as it needs, each ≤ 2,000 characters. */
    public List<MessageCreateData> plain(String text) {
        List<MessageCreateData> out = new ArrayList<>();
        for (String piece : TextSplitter.split(Mentions.defuse(text), CONTENT_MAX)) {
            out.add(base().setContent(piece.isEmpty() ? "…" : piece).build());
        }
        return out;
    }

    /** The passages behind an answer, for the ephemeral "Sources" reply. */
    public List<MessageCreateData> passages(Answer answer) {
        if (answer.sources().isEmpty()) {
            return plain("This answer has no sources.");
        }
        List<MessageEmbed> embeds = new ArrayList<>();
        for (Source s : answer.sources()) {
            String title = "[" + s.number() + "] " + PlainText.of(s.title()) + (s.section() == null ? "" : " · " + PlainText.of(s.section()));
            for (String chunk : TextSplitter.split(Mentions.defuse(s.passage()), DESCRIPTION_CHUNK)) {
                embeds.add(new EmbedBuilder().setColor(ACCENT)
                        .setTitle(TextSplitter.truncate(Mentions.defuse(title), MessageEmbed.TITLE_MAX_LENGTH))
                        .setDescription(chunk).setFooter(TextSplitter.truncate(credit(s), 200)).build());
            }
        }
        return pack(embeds);
    }

    /** Says in words who wrote the answer: the essays themselves (quoted), or which model from them. */
    static String footer(String generatedBy) {
        return generatedBy.equals("extractive") ? "Quoted from the stored essays"
                : "Written by " + generatedBy + " from the stored essays";
    }

    static String sourceLines(List<Source> sources) {
        StringBuilder sb = new StringBuilder();
        for (Source s : sources) {
            sb.append("**[").append(s.number()).append("]** ").append(Mentions.defuse(PlainText.of(s.entry()))).append('\n');
        }
        return sb.toString();
    }

    private static String credit(Source s) {
        String scope = s.scope() == null || s.scope().isGlobal() ? "shared essay" : "this server's essay";
        return s.essay() + " · " + scope;
    }

    private MessageCreateData picker(Answer answer, long answerId) {
        StringSelectMenu.Builder menu = StringSelectMenu.create(PREFIX + ":pick:" + answerId)
                .setPlaceholder("Choose the song");
        List<Song> candidates = answer.candidates();
        for (int i = 0; i < Math.min(candidates.size(), StringSelectMenu.OPTIONS_MAX_AMOUNT); i++) {
            Song song = candidates.get(i);
            menu.addOption(TextSplitter.truncate(song.label(), 100), Long.toString(song.id()));
        }
        String text = answer.text() == null || answer.text().isBlank() ? "Several songs fit. Which one do you mean?"
                : answer.text();
        return base().setContent(TextSplitter.truncate(Mentions.defuse(PlainText.of(text)), CONTENT_MAX))
                .setComponents(ActionRow.of(menu.build())).build();
    }

    /** The names an answer's text may repeat: the song's, and its sources' songs, authors and origins. */
    private static List<String> names(Answer answer) {
        List<String> names = new ArrayList<>();
        if (answer.song() != null) {
            Song song = answer.song();
            names.add(song.label());
            names.add(song.title());
            names.add(song.artist());
            names.addAll(song.featured());
            names.add(song.album());
        }
        for (Source s : answer.sources()) {
            names.add(s.songLabel());
            names.add(s.credit());
            names.add(s.origin());
        }
        return names;
    }

    /** Packs embeds into as few messages as the per-message limits allow. */
    private List<MessageCreateData> pack(List<MessageEmbed> embeds) {
        List<MessageCreateData> out = new ArrayList<>();
        List<MessageEmbed> current = new ArrayList<>();
        int chars = 0;
        for (MessageEmbed e : embeds) {
            int length = e.getLength();
            if (!current.isEmpty() && (current.size() == EMBEDS_MAX || chars + length > MESSAGE_EMBED_CHARS)) {
                out.add(base().setEmbeds(current).build());
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(e);
            chars += length;
        }
        if (!current.isEmpty()) {
            out.add(base().setEmbeds(current).build());
        }
        return out;
    }

    private List<MessageCreateData> withButtons(List<MessageCreateData> messages, long answerId) {
        if (answerId < 0) {
            return messages;
        }
        List<MessageCreateData> out = new ArrayList<>(messages);
        MessageCreateData last = out.remove(out.size() - 1);
        out.add(MessageCreateBuilder.from(last).setComponents(ActionRow.of(
                Button.secondary(PREFIX + ":up:" + answerId, "👍"),
                Button.secondary(PREFIX + ":down:" + answerId, "👎"),
                Button.primary(PREFIX + ":sources:" + answerId, "Sources"))).build());
        return out;
    }

    private static MessageCreateBuilder base() {
        return new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
    }
}
