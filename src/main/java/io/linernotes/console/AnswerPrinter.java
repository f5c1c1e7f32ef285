package io.linernotes.console;

import io.linernotes.answer.Answer;
import io.linernotes.answer.Source;
import io.linernotes.core.Song;
import java.util.regex.Pattern;

/**
 * Renders an {@link Answer} as text for a terminal: notes first, the song as a heading, then the answer, then
 * numbered sources. With
 * colour (only on a terminal; see {@link Terminal}) notes are yellow, citations cyan and sources dim; without,
 * the text carries no escape codes at all.
 */
public final class AnswerPrinter {

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";
    private static final String YELLOW = "\u001B[33m";
    private static final String CYAN = "\u001B[36m";
    private static final Pattern CITATION = Pattern.compile("\\[\\d+(?:, \\d+)*]");

    private AnswerPrinter() {
    }

    /** Plain text, for files, pipes and tests. */
    public static String render(Answer answer) {
        return render(answer, false);
    }

    public static String render(Answer answer, boolean colour) {
        StringBuilder out = new StringBuilder();
        for (String note : answer.notes()) {
            out.append(paint("Note: " + note, YELLOW, colour)).append("\n\n");
        }
        if (answer.song() != null && answer.status() == Answer.Status.ANSWERED) {
            out.append(colour ? BOLD + "♪ " + answer.song().label() + RESET : "♪ " + answer.song().label()).append("\n\n");
        }
        String text = answer.text().strip();
        out.append(colour ? CITATION.matcher(text).replaceAll(m -> CYAN + m.group() + RESET) : text).append('\n');
        if (answer.status() == Answer.Status.AMBIGUOUS) {
            out.append("\nAsk again with the title and artist, e.g. /meaning ");
            Song first = answer.candidates().get(0);
            out.append(first.title()).append(" by ").append(first.artist()).append('\n');
        }
        if (!answer.sources().isEmpty()) {
            out.append("\nSources:\n");
            for (Source s : answer.sources()) {
                String line = "  [" + s.number() + "] " + s.entry() + (s.scope().isGlobal() ? "" : " [" + s.scope().key() + "]");
                out.append(paint(line, DIM, colour)).append('\n');
            }
        }
        if (answer.status() == Answer.Status.ANSWERED) {
            out.append(paint("(answered by " + answer.generatedBy() + ")", DIM, colour)).append('\n');
        }
        return out.toString();
    }

    private static String paint(String text, String code, boolean colour) {
        return colour ? code + text.replace(RESET, RESET + code) + RESET : text;
    }
}
