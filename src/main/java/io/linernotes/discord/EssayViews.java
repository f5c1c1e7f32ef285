package io.linernotes.discord;

import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayRevision;
import io.linernotes.feedback.Gap;
import java.util.List;

/** Plain-text views of essays for moderators: one essay, a list, a history, the gaps. */
final class EssayViews {
    private static final int LIST_MAX = 50;

    private EssayViews() {
    }

    static String show(Essay essay) {
        return "**Essay #" + essay.id() + "** · " + PlainText.of(essay.song().label()) + "\n" + "by "
                + PlainText.of(essay.credit()) + " · "
                + where(essay) + " · revision " + essay.revision() + "\n\n" + essay.body();
    }

    static String list(List<Essay> essays) {
        if (essays.isEmpty()) {
            return "No essays yet. Add one with /essay add.";
        }
        StringBuilder sb = new StringBuilder("**Essays** (" + essays.size() + ")\n");
        for (Essay e : essays.subList(0, Math.min(LIST_MAX, essays.size()))) {
            sb.append("#").append(e.id()).append(" · ").append(PlainText.of(e.song().label())).append(" · ").append(where(e))
                    .append('\n');
        }
        if (essays.size() > LIST_MAX) {
            sb.append("… and ").append(essays.size() - LIST_MAX).append(" more.");
        }
        return sb.toString();
    }

    static String history(long id, List<EssayRevision> revisions) {
        if (revisions.isEmpty()) {
            return "No history for essay #" + id + " in this server.";
        }
        StringBuilder sb = new StringBuilder("**History of essay #" + id + "**\n");
        for (EssayRevision r : revisions) {
            sb.append("revision ").append(r.revision()).append(" · ").append(r.action()).append(" · ")
                    .append(r.savedAt()).append(" · ").append(PlainText.of(r.content().title())).append(" — ")
                    .append(PlainText.of(r.content().artist())).append('\n');
        }
        sb.append("Bring one back with /essay restore id:").append(id).append(" revision:<n>.");
        return sb.toString();
    }

    static String gaps(List<Gap> gaps) {
        if (gaps.isEmpty()) {
            return "No gaps: every recent question found an essay, and no answer was marked 👎.";
        }
        StringBuilder sb = new StringBuilder("**Gaps** — questions the essays did not cover well\n");
        for (Gap g : gaps) {
            sb.append(g.kind() == Gap.Kind.UNANSWERED ? "• no essay: " : "• 👎 ×" + g.downVotes() + ": ")
                    .append('"').append(PlainText.of(g.question())).append('"');
            if (g.songHint() != null && !g.songHint().isBlank()) {
                sb.append(" (song: ").append(PlainText.of(g.songHint())).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String where(Essay essay) {
        return essay.scope().isGlobal() ? "shared" : "this server";
    }
}
