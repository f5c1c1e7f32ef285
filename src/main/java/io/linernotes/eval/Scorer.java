package io.linernotes.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores answers against questions (definitions in {@code shared/eval/README.md}):
 * <ul>
 * <li>song top-1: the answer's song is the expected corpus record;</li>
 * <li>absent refusal: the system refused, settled on no song, and its text names no corpus title that the
 * question does not itself contain (echoing the asker's words is not naming a corpus song);</li>
 * <li>evidence recall@k / MRR: the first passage containing the evidence after {@link Texts#foldSpace} (case
 * kept), among the first k; MRR adds 1/rank, 0 when no passage has it;</li>
 * <li>misattribution correction: notes or text name the expected artist (case-insensitive, whole words);</li>
 * <li>keyword hit: the text contains every keyword (case-insensitive).</li>
 * </ul>
 */
public final class Scorer {

    private final List<String> titleKeys;
    private final Function<String, Optional<String>> artistOf;

    /**
     * @param corpusTitles every title in the corpus, for the absent-refusal check
     * @param artistOf the artist an answer must name for a corpus id: the record's, or the one its text states
     */
    public Scorer(List<String> corpusTitles, Function<String, Optional<String>> artistOf) {
        this.titleKeys = corpusTitles.stream().map(Texts::key).filter(k -> !k.isEmpty()).distinct().toList();
        this.artistOf = artistOf;
    }

    /** The scores of one question's answer. */
    public Figures score(EvalQuestion q, SystemAnswer a) {
        Figure top1 = Figure.NONE;
        Figure absent = Figure.NONE;
        if (q.expectsSong()) {
            top1 = top1.plus(a.songIds().contains(q.expectedSongId()) ? 1 : 0);
        } else {
            absent = absent.plus(refusedCleanly(q, a) ? 1 : 0);
        }
        Figure r1 = Figure.NONE;
        Figure r5 = Figure.NONE;
        Figure mrr = Figure.NONE;
        if (q.expectsSong() && q.evidence() != null && !q.evidence().isBlank()) {
            int rank = evidenceRank(q.evidence(), a.passages());
            r1 = r1.plus(rank == 1 ? 1 : 0);
            r5 = r5.plus(rank >= 1 && rank <= 5 ? 1 : 0);
            mrr = mrr.plus(rank >= 1 ? 1.0 / rank : 0);
        }
        Figure corrections = Figure.NONE;
        if (q.misattributed() && q.expectsSong()) {
            corrections = corrections.plus(namesArtist(q, a) ? 1 : 0);
        }
        Figure keywords = Figure.NONE;
        if (!q.answerKeywords().isEmpty()) {
            String text = Texts.foldCase(a.text());
            boolean all = q.answerKeywords().stream().allMatch(k -> text.contains(Texts.foldCase(k)));
            keywords = keywords.plus(all ? 1 : 0);
        }
        return new Figures(top1, absent, r1, r5, mrr, corrections, keywords, 1);
    }

    /** Figures per kind (sorted by kind) and overall under the key {@code "all"}. */
    public Map<String, Figures> scoreAll(List<EvalQuestion> questions, Map<String, SystemAnswer> answers) {
        Map<String, Figures> byKind = new TreeMap<>();
        Figures all = Figures.EMPTY;
        for (EvalQuestion q : questions) {
            SystemAnswer a = answers.get(q.id());
            if (a == null) {
                throw new IllegalArgumentException("no answer for question " + q.id());
            }
            Figures one = score(q, a);
            byKind.merge(q.kind() == null ? "unknown" : q.kind(), one, Figures::merge);
            all = all.merge(one);
        }
        Map<String, Figures> out = new LinkedHashMap<>(byKind);
        out.put("all", all);
        return out;
    }

    /** 1-based rank of the first passage holding {@code evidence}, or 0. */
    static int evidenceRank(String evidence, List<String> passages) {
        String needle = Texts.foldSpace(evidence);
        for (int i = 0; i < passages.size(); i++) {
            if (Texts.foldSpace(passages.get(i)).contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    private boolean refusedCleanly(EvalQuestion q, SystemAnswer a) {
        if (!a.refused() || !a.songIds().isEmpty()) {
            return false;
        }
        String textKey = Texts.key(a.text());
        String queryKey = Texts.key(q.query());
        List<String> named = new ArrayList<>();
        for (String title : titleKeys) {
            if (Texts.containsWords(textKey, title) && !Texts.containsWords(queryKey, title)) {
                named.add(title);
            }
        }
        return named.isEmpty();
    }

    private boolean namesArtist(EvalQuestion q, SystemAnswer a) {
        Optional<String> artist = artistOf.apply(q.expectedSongId());
        if (artist.isEmpty() || Texts.key(artist.get()).isEmpty()) {
            return false;
        }
        String said = Texts.key(String.join("\n", a.notes()) + "\n" + a.text());
        return Texts.containsWords(said, Texts.key(artist.get()));
    }
}
