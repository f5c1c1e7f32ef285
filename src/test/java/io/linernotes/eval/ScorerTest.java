package io.linernotes.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScorerTest {

    private static final List<String> TITLES = List.of("Paper Lanterns", "Rain", "Slow Tide");
    private static final Map<String, String> ARTISTS = Map.of("c1", "Mara Quill", "c2", "The Ferns");
    private final Scorer scorer = new Scorer(TITLES, id -> Optional.ofNullable(ARTISTS.get(id)));

    private static EvalQuestion question(String id, String kind, String expected, String evidence,
            List<String> keywords, boolean misattributed) {
        return new EvalQuestion(id, kind, "what is " + id + " about", expected, evidence, keywords, misattributed);
    }

    private static SystemAnswer answer(String song, String text, List<String> notes, String... passages) {
        return new SystemAnswer(false, song == null ? Set.of() : Set.of(song), text, notes, List.of(passages));
    }

    @Test
    @DisplayName("a hand-made set of five questions gives the figures counted by hand, per kind and overall")
    void handMadeSet() {
        List<EvalQuestion> qs = List.of(
                question("a", "resolve", "c1", "folded   paper boats", List.of("boats"), false),
                question("b", "resolve", "c2", "a drowned\ncity", List.of("city", "drowned"), true),
                question("c", "content", "c1", "the lighthouse keeper", List.of("Lighthouse"), false),
                question("d", "absent", null, null, List.of(), false),
                question("e", "absent", null, null, List.of(), false));
        Map<String, SystemAnswer> answers = Map.of(
                // right song, evidence at rank 1 (white space differs), keyword present
                "a", answer("c1", "They fold paper boats.", List.of(), "She folded paper  boats at dawn.", "x"),
                // wrong song, evidence at rank 3, artist named in a note, one keyword missing
                "b", answer("c1", "A city sinks.", List.of("It is by The Ferns."), "x", "y", "of a drowned city"),
                // right song, evidence absent (case differs), keyword matched case-insensitively
                "c", answer("c1", "the LIGHTHOUSE stands", List.of(), "The Lighthouse Keeper waits"),
                // clean refusal that echoes only the asker's words
                "d", new SystemAnswer(true, Set.of(), "No commentary on what is d about.", List.of(), List.of()),
                // refusal that names a corpus title the question did not contain
                "e", new SystemAnswer(true, Set.of(), "Maybe you mean Paper Lanterns?", List.of(), List.of()));

        Map<String, Figures> byKind = scorer.scoreAll(qs, answers);

        Figures all = byKind.get("all");
        assertEquals(List.of("absent", "content", "resolve", "all"), List.copyOf(byKind.keySet()));
        assertEquals(new Figure(2, 3), all.songTop1());
        assertEquals(new Figure(1, 2), all.absentRefusals());
        assertEquals(new Figure(1, 3), all.evidenceRecallAt1());
        assertEquals(new Figure(2, 3), all.evidenceRecallAt5());
        assertEquals(1 + 1.0 / 3, all.evidenceMrr().value(), 1e-9);
        assertEquals(new Figure(1, 1), all.misattributionCorrections());
        assertEquals(new Figure(2, 3), all.keywordHits());
        assertEquals(5, all.questions());
        assertEquals(new Figure(1, 2), byKind.get("resolve").songTop1());
        assertNull(byKind.get("absent").songTop1().rate(), "no absent question has an expected song");
    }

    @ParameterizedTest(name = "[{index}] refused={0}, song={1}, text=''{2}'' -> clean refusal {3}")
    @CsvSource(delimiter = '|', value = {
        "true  |    | There is no commentary on that song.             | true",
        "true  | c1 | There is no commentary on that song.             | false",
        "false |    | Here is what the essays say.                     | false",
        "true  |    | Nothing stored, though Slow Tide is similar.     | false",
        "true  |    | Nothing on the rain song you asked about: rainy. | true",
        "true  |    | Rainbow and Tidewater are not titles here.        | true",
    })
    @DisplayName("an absent question counts as refused only when the answer refuses and names no other corpus song")
    void absentRefusals(boolean refused, String song, String text, boolean expected) {
        EvalQuestion q = new EvalQuestion("q", "absent", "what is the rain song about", null, null, List.of(), false);
        SystemAnswer a = new SystemAnswer(refused, song == null ? Set.of() : Set.of(song), text, List.of(), List.of());
        assertEquals(expected ? 1.0 : 0.0, scorer.score(q, a).absentRefusals().value());
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' in passages -> rank {1}")
    @CsvSource(delimiter = '|', value = {
        "drowned city         | 1",
        "DROWNED CITY         | 0",
        "city   under\twater | 2",
        "“the keeper”         | 3",
        "not there            | 0",
    })
    @DisplayName("evidence is found after folding white space and quotes, keeping case")
    void evidenceRank(String evidence, int rank) {
        List<String> passages = List.of("a drowned city", "a city under water", "he said \"the keeper\" twice");
        assertEquals(rank, Scorer.evidenceRank(evidence, passages));
    }

    @Test
    @DisplayName("a misattribution counts as corrected only when the artist is named as whole words")
    void correctionNeedsWholeName() {
        EvalQuestion q = question("m", "resolve", "c2", null, List.of(), true);
        assertEquals(0.0, scorer.score(q, answer("c2", "By the Fernsby trio.", List.of())).misattributionCorrections().value());
        assertEquals(1.0, scorer.score(q, answer("c2", "A song by THE FERNS.", List.of())).misattributionCorrections().value());
    }
}
