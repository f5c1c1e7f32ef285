package io.linernotes.prompt;

import io.linernotes.core.Song;
import io.linernotes.essay.Essay;
import io.linernotes.retrieval.RetrievedPassage;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the chat prompt for a grounded answer. Passages are numbered from 1 in the order given (so the
 * model's [n] matches {@code passages.get(n - 1)}) and each sits in its own
 * {@code <passage id="n" song="…" source="…">…</passage>} block. Stored essays, the question and the
 * history are written by other people, so anything in them that looks like one of our block tags is
 * defused: a poisoned essay cannot close its block and speak outside it. The system message starts with the
 * process's {@link Canary} line, by which the model layer recognises an answer that leaks the instructions.
 */
public final class PromptBuilder {

    /** Our block tags, opening or closing, with any spacing or case: {@code </passage>}, {@code < Question}. */
    private static final Pattern DELIMITER = Pattern.compile(
            "<(\\s*/?\\s*)(passages|passage|question|notes|history)\\b", Pattern.CASE_INSENSITIVE);
    private static final String NONE = "(none)";

    private final PromptTemplates templates;

    public PromptBuilder(PromptTemplates templates) {
        this.templates = templates;
    }

    /**
     * @param question the user's question as asked
     * @param song     the resolved song, or null when none was resolved
     * @param notes    correction notes the answer must state first (may be empty)
     * @param passages the retrieved passages, best first; [1] is the first
     * @param history  earlier questions of the conversation, oldest first (may be empty)
     */
    public ChatPrompt build(String question, Song song, List<String> notes, List<RetrievedPassage> passages,
            List<String> history) {
        // The canary goes first so that a model echoing its instructions gives itself away at once.
        String system = Canary.line() + "\n\n" + templates.render(PromptTemplates.SYSTEM, Map.of());
        String user = templates.render(PromptTemplates.ANSWER, Map.of(
                "song", song == null ? "(not identified; the passages may cover several songs)" : defuse(song.label()),
                "notes", bullets(notes),
                "history", bullets(history),
                "passages", passageBlocks(passages),
                "question", defuse(question == null ? "" : question.strip())));
        return new ChatPrompt(system, user);
    }

    private static String passageBlocks(List<RetrievedPassage> passages) {
        if (passages == null || passages.isEmpty()) {
            return NONE;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            RetrievedPassage rp = passages.get(i);
            Essay essay = rp.essay();
            String songLabel = essay != null && essay.song() != null ? essay.song().label() : "unknown song";
            String credit = essay != null ? essay.credit() : "unknown";
            if (i > 0) {
                sb.append('\n');
            }
            sb.append("<passage id=\"").append(i + 1)
                    .append("\" song=\"").append(attribute(songLabel))
                    .append("\" source=\"").append(attribute(credit)).append("\">\n")
                    .append(defuse(rp.passage().text().strip()))
                    .append("\n</passage>");
        }
        return sb.toString();
    }

    private static String bullets(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return NONE;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            if (line == null || line.isBlank()) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "\n").append("- ").append(defuse(line.strip().replace('\n', ' ')));
        }
        return sb.length() == 0 ? NONE : sb.toString();
    }

    /** Turns the '<' of anything resembling our tags into an entity, so it reads the same but closes nothing. */
    static String defuse(String text) {
        return DELIMITER.matcher(text).replaceAll("&lt;$1$2");
    }

    /** Attribute values come from moderators too: no quote or angle bracket may end the tag early. */
    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replace('\n', ' ');
    }
}
