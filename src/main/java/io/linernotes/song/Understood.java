package io.linernotes.song;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What a query that matched no song was understood to name, for the refusal: the words before "by" (or the
 * longest run of words that are not the question's frame) as the title, the words after "by" as the artist.
 * Without a "by", a run that ends or starts with a name the catalogue credits ("<title> <artist>", "<artist> -
 * <title>") is split there; any other run is named whole. A question that describes a song ("which … single …")
 * or a run too long to be a title names none.
 */
final class Understood {

    /** Questions that describe a song rather than name it. */
    private static final Set<String> DESCRIBING = io.linernotes.text.StopWords.DESCRIBING;

    private Understood() {
    }

    /** What {@code q} was understood to name; a run of more than {@code maxTitleWords} words names no title. */
    static SongResolution.NotFound of(String query, QueryText q, int maxTitleWords) {
        return of(query, q, maxTitleWords, (name, exact) -> false);
    }

    /**
     * What {@code q} was understood to name; {@code credited} says whether words name an artist the catalogue
     * credits (exactly as typed, or with typos and word order forgiven), so that a run of words without "by" can be
     * told apart into title and artist.
     */
    static SongResolution.NotFound of(String query, QueryText q, int maxTitleWords,
                                      BiPredicate<String, Boolean> credited) {
        if (q.size() == 0 || DESCRIBING.contains(q.word(0).norm())) {
            return new SongResolution.NotFound(query);
        }
        int by = -1;
        for (int i = 1; i < q.size(); i++) {
            if (q.word(i).norm().equals("by")) {
                by = i;
                break;
            }
        }
        int[] title = by > 0 ? trimmed(q, 0, by) : longestRun(q);
        String artist = null;
        if (by < 0 && title != null) {
            int[][] split = split(q, title, credited);
            if (split != null) {
                String t = q.surface(split[0][0], split[0][1]);
                return new SongResolution.NotFound(query, split[0][1] - split[0][0] > maxTitleWords ? null : t,
                        q.surface(split[1][0], split[1][1]));
            }
        }
        if (by > 0) {
            int end = by + 1;
            while (end < q.size() && !(end > by + 1 && q.word(end).breakBefore())
                    && !QueryText.QUESTION_WORDS.contains(q.word(end).norm())) {
                end++;
            }
            int[] a = trimmed(q, by + 1, end);
            artist = a == null ? null : q.surface(a[0], a[1]);
        }
        String t = title == null || title[1] - title[0] > maxTitleWords ? null : q.surface(title[0], title[1]);
        return new SongResolution.NotFound(query, t, t == null ? null : artist);
    }

    /**
     * The run split into {title, artist}: the longest name the catalogue credits at its end ("<title> <artist>") or
     * its start ("<artist> <title>"), or a whole neighbouring run past punctuation ("<artist> - <title>"); null when
     * no such name leaves a title beside it.
     */
    private static int[][] split(QueryText q, int[] run, BiPredicate<String, Boolean> credited) {
        // a name typed exactly wins over one that only a forgiving comparison finds ("Jun Marlow <title>")
        for (boolean exact : new boolean[] {true, false}) {
            int[][] split = split(q, run, name -> credited.test(name, exact));
            if (split != null) {
                return split;
            }
        }
        return null;
    }

    private static int[][] split(QueryText q, int[] run, java.util.function.Predicate<String> credited) {
        int from = run[0];
        int to = run[1];
        if (credited.test(q.surface(from, to))) {
            // the longest run is the artist: the title is the run past the punctuation ("<artist> - <title>")
            for (int[] other : runs(q)) {
                if (other[1] <= from || other[0] >= to) {
                    return new int[][] {other, run};
                }
            }
            return null;
        }
        for (int len = to - from - 1; len >= 1; len--) {
            int[] tail = trimmed(q, to - len, to);
            int[] head = trimmed(q, from, to - len);
            if (tail != null && head != null && tail[0] == to - len && credited.test(q.surface(tail[0], tail[1]))) {
                return new int[][] {head, tail};
            }
            int[] lead = trimmed(q, from, from + len);
            int[] rest = trimmed(q, from + len, to);
            if (lead != null && rest != null && lead[1] == from + len && credited.test(q.surface(lead[0], lead[1]))) {
                return new int[][] {rest, lead};
            }
        }
        for (int[] other : runs(q)) {
            if ((other[1] <= from || other[0] >= to) && credited.test(q.surface(other[0], other[1]))) {
                return new int[][] {run, other};
            }
        }
        // a name may hold a question word ("<Name> Who - <title>"): the whole phrase past the punctuation
        for (int[] phrase : phrases(q)) {
            if ((phrase[1] <= from || phrase[0] >= to) && credited.test(q.surface(phrase[0], phrase[1]))) {
                return new int[][] {run, phrase};
            }
        }
        return null;
    }

    /** The phrases between punctuation, whole (a name may begin or end with a question word). */
    private static List<int[]> phrases(QueryText q) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= q.size(); i++) {
            if (i == q.size() || q.word(i).breakBefore()) {
                out.add(new int[] {start, i});
                start = i;
            }
        }
        return out;
    }

    /** [from, to) without the question's frame words at either edge, or null when nothing is left. */
    private static int[] trimmed(QueryText q, int from, int to) {
        while (from < to && frame(q.word(from).norm())) {
            from++;
        }
        while (to > from && frame(q.word(to - 1).norm())) {
            to--;
        }
        return from < to ? new int[] {from, to} : null;
    }

    /** The longest run of words between frame words and punctuation. */
    private static int[] longestRun(QueryText q) {
        int[] best = null;
        for (int[] run : runs(q)) {
            if (best == null || run[1] - run[0] > best[1] - best[0]) {
                best = run;
            }
        }
        return best;
    }

    /** The runs of words between frame words and punctuation, without frame words at their edges. */
    private static List<int[]> runs(QueryText q) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= q.size(); i++) {
            boolean stop = i == q.size() || QueryText.QUESTION_WORDS.contains(q.word(i).norm())
                    || (i > start && start >= 0 && q.word(i).breakBefore());
            if (stop && start >= 0) {
                int[] run = trimmed(q, start, i);
                if (run != null && !onlyFiller(q, run)) {
                    out.add(run);
                }
                start = -1;
            }
            if (i < q.size() && start < 0 && !QueryText.QUESTION_WORDS.contains(q.word(i).norm())) {
                start = i;
            }
        }
        return out;
    }

    /** A run of filler words alone ("the" between "about" and "song") names no title. */
    private static boolean onlyFiller(QueryText q, int[] run) {
        for (int i = run[0]; i < run[1]; i++) {
            if (!QueryText.FILLER.contains(q.word(i).norm())) {
                return false;
            }
        }
        return true;
    }

    private static boolean frame(String norm) {
        return QueryText.QUESTION_WORDS.contains(norm) || QueryText.FILLER.contains(norm) && !norm.equals("the");
    }
}
