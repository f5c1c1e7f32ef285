package io.linernotes.console;

import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayRevision;
import java.util.List;

/** Plain-text views of essays for the console and the CLI. */
public final class EssayText {

    private EssayText() {
    }

    public static String list(List<Essay> essays) {
        if (essays.isEmpty()) {
            return "No essays yet. Add one with /essay add <file>.\n";
        }
        StringBuilder out = new StringBuilder();
        for (Essay e : essays) {
            out.append(String.format("#%-5d %s — by %s, rev %d%s%n", e.id(), e.song().label(), e.credit(),
                    e.revision(), e.scope().isGlobal() ? "" : " [" + e.scope().key() + "]"));
        }
        return out.toString();
    }

    public static String show(Essay e) {
        return "#" + e.id() + " " + e.song().label() + "\nBy " + e.credit()
                + (e.source() != null && !e.source().equals(e.credit()) ? " (" + e.source() + ")" : "")
                + " · revision " + e.revision() + " · updated " + e.updatedAt() + "\n\n" + e.body() + "\n";
    }

    public static String history(List<EssayRevision> revisions) {
        StringBuilder out = new StringBuilder();
        for (EssayRevision r : revisions) {
            out.append(String.format("rev %d  %s  %s  (%d chars)%n", r.revision(), r.savedAt(), r.action(),
                    r.content().body() == null ? 0 : r.content().body().length()));
        }
        return out.toString();
    }
}
