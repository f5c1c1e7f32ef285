package io.linernotes.model;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.essay.Essay;
import io.linernotes.retrieval.Passage;
import io.linernotes.retrieval.RetrievedPassage;
import java.time.Instant;
import java.util.List;

/**
 * A made-up song with two made-up essays that read its "Ichabod Crane" line differently; the text is
 * written for these tests. Passages are built as the retriever would hand them over.
 */
public final class SongFixtures {

    public static final Song LANTERN = new Song(7, "Hollow Lantern", "The Grey Orchards", List.of("June Vale"), 2011,
            "Autumn Roads");

    public static final Essay QUILL = essay(101, "Mara Quill", null);
    public static final Essay OKAFOR = essay(102, "Dev Okafor", "https://example.org/okafor");

    public static final String QUILL_OPENING = "Hollow Lantern is a song about running from a past that keeps pace "
            + "with you. The narrator drives at night through the valley where he grew up, and every landmark reads "
            + "like an accusation. The chorus repeats the lantern image until it stops being a light and becomes a head.";
    public static final String QUILL_CRANE_SENTENCE = "The bridge turns on the Ichabod Crane line, where the singer "
            + "calls himself a schoolteacher riding too fast for a headless rider.";
    public static final String QUILL_BRIDGE = QUILL_CRANE_SENTENCE + " That image casts him as the frightened outsider "
            + "of Washington Irving's story, the man chased out of town rather than the ghost who does the chasing. "
            + "The fiddle drops out right there, leaving only the kick drum like hooves on a wooden bridge.";
    public static final String QUILL_ENDING = "Fans often hear the final verse as hopeful. The sunrise arrives, but "
            + "the narrator never says he stopped driving, and the last chord is left hanging.";
    public static final String OKAFOR_CRANE_SENTENCE = "Okafor hears the Ichabod Crane line as a joke at the "
            + "narrator's own expense: he is the gangly schoolteacher who talked big about courage and fled at the "
            + "first pumpkin.";
    public static final String OKAFOR_BRIDGE = OKAFOR_CRANE_SENTENCE + " In this reading the whole record is comic, a "
            + "send-up of heartland ballads that take their own ghosts far too seriously.";

    private SongFixtures() {
    }

    public static Essay essay(long id, String author, String source) {
        Instant when = Instant.parse("2024-05-01T12:00:00Z");
        return new Essay(id, LANTERN, author, source, Scope.GLOBAL, "(body not needed)", when, when, 1);
    }

    public static RetrievedPassage passage(Essay essay, int position, String text, int rank) {
        Passage p = new Passage(essay.id(), essay.revision(), essay.song().id(), essay.scope(), position, text);
        return new RetrievedPassage(p, essay, 1.0 / rank, rank, rank, 10.0 / rank);
    }

    /** Three passages of one essay, the bridge passage ranked first. */
    public static List<RetrievedPassage> oneEssay() {
        return List.of(passage(QUILL, 1, QUILL_BRIDGE, 1), passage(QUILL, 0, QUILL_OPENING, 2),
                passage(QUILL, 2, QUILL_ENDING, 3));
    }

    /** Passages of both essays: Quill's bridge [1], Okafor's bridge [2], Quill's opening [3]. */
    public static List<RetrievedPassage> twoEssays() {
        return List.of(passage(QUILL, 1, QUILL_BRIDGE, 1), passage(OKAFOR, 0, OKAFOR_BRIDGE, 2),
                passage(QUILL, 0, QUILL_OPENING, 3));
    }
}
