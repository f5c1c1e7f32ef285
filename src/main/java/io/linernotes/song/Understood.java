package io.linernotes.song;

import java.util.Set;

/**
 * What a query that matched no song was understood to name, for the refusal: the words before "by" (or the
 * longest run of words that are not the question's frame) as the title, the words after "by" as the artist.
 * A question that describes a song ("which … single …") or a run too long to be a title names none.
 */
final class Understood {

    /** Questions that describe a song rather than name it. */
    private static final Set<String> DESCRIBING = Set.of("which", "who", "whose", "when", "where", "why", "how");

    private Understood() {
    }

    /** What {@code q} was understood to name; a run of more than {@code maxTitleWords} words names no title. */
    static SongResolution.NotFound of(String query, QueryText q, int maxTitleWords) {
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
        int start = -1;
        for (int i = 0; i <= q.size(); i++) {
            boolean stop = i == q.size() || QueryText.QUESTION_WORDS.contains(q.word(i).norm())
                    || (i > start && start >= 0 && q.word(i).breakBefore());
            if (stop && start >= 0) {
                int[] run = trimmed(q, start, i);
                if (run != null && !onlyFiller(q, run) && (best == null || run[1] - run[0] > best[1] - best[0])) {
                    best = run;
                }
                start = -1;
            }
            if (i < q.size() && start < 0 && !QueryText.QUESTION_WORDS.contains(q.word(i).norm())) {
                start = i;
            }
        }
        return best;
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
