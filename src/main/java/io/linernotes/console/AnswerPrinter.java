package io.linernotes.console;

import io.linernotes.answer.Answer;
import io.linernotes.answer.Source;
import io.linernotes.song.Song;

/** Renders an {@link Answer} as plain text for a terminal: notes first, then the answer, then numbered sources. */
public final class AnswerPrinter {

    private AnswerPrinter() {
    }

    public static String render(Answer answer) {
        StringBuilder out = new StringBuilder();
        for (String note : answer.notes()) {
            out.append("Note: ").append(note).append("\n\n");
        }
        if (answer.song() != null && answer.status() == Answer.Status.ANSWERED) {
            out.append("♪ ").append(answer.song().label()).append("\n\n");
        }
        out.append(answer.text().strip()).append('\n');
        if (answer.status() == Answer.Status.AMBIGUOUS) {
            out.append("\nAsk again with the title and artist, e.g. /meaning ");
            Song first = answer.candidates().get(0);
            out.append(first.title()).append(" by ").append(first.artist()).append('\n');
        }
        if (!answer.sources().isEmpty()) {
            out.append("\nSources:\n");
            for (Source s : answer.sources()) {
                out.append("  [").append(s.number()).append("] essay #").append(s.essayId()).append(" on ")
                        .append(s.songLabel()).append(", by ").append(s.credit());
                if (s.origin() != null && !s.origin().isBlank() && !s.origin().equals(s.credit())) {
                    out.append(" (").append(s.origin()).append(')');
                }
                out.append(s.scope().isGlobal() ? "" : " [" + s.scope().key() + "]").append('\n');
            }
        }
        if (answer.status() == Answer.Status.ANSWERED) {
            out.append("(answered by ").append(answer.generatedBy()).append(")\n");
        }
        return out.toString();
    }
}
