package io.linernotes.answer;

import io.linernotes.core.Scope;

/**
 * A numbered source of an answer: [number] is how the answer text cites it. It says where the cited passage
 * is: the essay ({@code title} names it after its song, "Runaway (Kanye West)"; {@code credit} is its author,
 * {@code origin} where it came from; {@code songLabel} the song's full label), the {@code section} heading above the passage when the essay has headings (else null), and
 * the {@code opening} words of the passage. {@code passage} is the passage's whole text. {@code score} is the
 * ranking's score of the passage (higher is better; 0 when nothing ranked it), for evaluation and diagnostics.
 */
public record Source(int number, long essayId, String songLabel, String credit, String origin, Scope scope,
        String passage, String title, String section, String opening, double score) {

    /** Words of the passage quoted in a source entry, enough to find it in the essay. */
    public static final int OPENING_WORDS = 10;

    public Source {
        title = title == null || title.isBlank() ? songLabel : title;
        section = section == null || section.isBlank() ? null : section.strip();
        opening = opening == null || opening.isBlank() ? Passages.opening(passage, OPENING_WORDS) : opening;
    }

    /** A source with no known section; the opening words are taken from the passage. */
    public Source(int number, long essayId, String songLabel, String credit, String origin, Scope scope,
            String passage) {
        this(number, essayId, songLabel, credit, origin, scope, passage, null, null, null, 0);
    }

    /** A source as above with its place and no score. */
    public Source(int number, long essayId, String songLabel, String credit, String origin, Scope scope,
            String passage, String title, String section, String opening) {
        this(number, essayId, songLabel, credit, origin, scope, passage, title, section, opening, 0);
    }

    /**
     * Where the passage is, in one line without its number: "TITLE, essay #ID by AUTHOR (ORIGIN) · SECTION ·
     * opens: OPENING" ("from ORIGIN" when no author is known). Two cited passages with the same entry are one
     * source. The opening is not put in quotation marks: it often starts with quotes of its own.
     */
    public String entry() {
        StringBuilder sb = new StringBuilder(title).append(", ").append(essay());
        if (section != null) {
            sb.append(" · ").append(section);
        }
        if (opening != null && !opening.isBlank()) {
            sb.append(" · opens: ").append(opening);
        }
        return sb.toString();
    }

    /**
     * "essay #ID by AUTHOR (ORIGIN)", or "essay #ID from ORIGIN" when the origin is all that is known; the id is
     * what moderators give {@code /essay show}.
     */
    public String essay() {
        boolean hasOrigin = origin != null && !origin.isBlank();
        String essay = "essay #" + essayId;
        if (hasOrigin && origin.equals(credit)) {
            return essay + " from " + origin;
        }
        return essay + " by " + credit + (hasOrigin ? " (" + origin + ")" : "");
    }

    /** The same source under another number. */
    public Source renumbered(int newNumber) {
        return new Source(newNumber, essayId, songLabel, credit, origin, scope, passage, title, section, opening, score);
    }
}
