package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import io.linernotes.core.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where in a query a song's title is typed, and how well. Every window of query words is compared
 * with every form of the title two ways — word by word (order-free, typo-tolerant, function words
 * weighing less) and as one joined string (for split or run-together words) — and the best is kept.
 */
final class TitleMatcher {

    /** Near spellings count as a confident word match from this similarity on (one edit in a four-letter word). */
    static final double SURE_WORD = 0.8;

    /**
     * The best place of one song's title in a query. {@code score} is the window's similarity to the
     * title form; {@code titleCoverage} how much of the title form the window typed; {@code windowCoverage}
     * how much of the window is title; {@code sureWords} how many title words other than function words
     * were typed (nearly) exactly, {@code typedContent} how many were typed at all, {@code rareWords} how
     * many of the sure ones few titles share; {@code strayWords} how many content words of the window pair with
     * no title word, {@code untypedWords} how many title words (function words too) no window word typed. A stray
     * word beside an untyped one is a substituted word: another title.
     */
    record TitleMatch(SongProfile profile, SongProfile.Variant variant, int from, int to, double score,
                      double titleCoverage, double windowCoverage, int sureWords, int contentWords,
                      int rareWords, int typedContent, int strayWords, int untypedWords) {

        boolean substituted() {
            return strayWords > 0 && untypedWords > 0;
        }
    }

    private TitleMatcher() {
    }

    /**
     * The best window for {@code p}'s title in {@code query}; a title word counts as rare when few titles
     * of {@code catalog} share it (such a word alone can identify a song, "swells"; "love" cannot).
     */
    static TitleMatch best(List<String> query, SongProfile p, SongCatalog catalog, Scope reader) {
        int rareLimit = Math.max(3, catalog.size() / 200);
        TitleMatch best = null;
        for (SongProfile.Variant v : p.titles()) {
            if (!v.visibleTo(reader)) {
                continue; // a title form learnt from an essay this reader cannot see
            }
            TitleMatch m = best(query, p, v, catalog, rareLimit);
            if (m != null && (best == null || better(m, best))) {
                best = m;
            }
        }
        return best;
    }

    private static boolean better(TitleMatch a, TitleMatch b) {
        if (Math.abs(a.score() - b.score()) > 1e-9) {
            return a.score() > b.score();
        }
        if (Math.abs(a.titleCoverage() - b.titleCoverage()) > 1e-9) {
            return a.titleCoverage() > b.titleCoverage();
        }
        return !a.variant().alias() && b.variant().alias();
    }

    private static TitleMatch best(List<String> query, SongProfile p, SongProfile.Variant v, SongCatalog catalog,
                                   int rareLimit) {
        List<String> title = v.tokens();
        int n = query.size();
        int m = title.size();
        double[][] sim = new double[n][m];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                sim[i][k] = Fuzzy.tokenSim(query.get(i), title.get(k));
                any |= sim[i][k] > 0;
            }
        }
        String titleKey = Fuzzy.joinedKey(title, 0, m);
        int contentWords = 0;
        boolean[] rare = new boolean[m];
        for (int k = 0; k < m; k++) {
            String t = title.get(k);
            contentWords += TextNormalizer.isFunctionWord(t) ? 0 : 1;
            rare[k] = !TextNormalizer.isFunctionWord(t) && catalog.titleFrequency(t) <= rareLimit;
        }
        TitleMatch best = null;
        for (int from = 0; from < n; from++) {
            for (int to = from + 1; to <= Math.min(n, from + m + 2); to++) {
                TitleMatch w = window(query, p, v, sim, from, to, titleKey, any, contentWords, rare);
                if (w != null && (best == null || better(w, best))) {
                    best = w;
                }
            }
        }
        return best;
    }

    private static TitleMatch window(List<String> query, SongProfile p, SongProfile.Variant v, double[][] sim,
                                     int from, int to, String titleKey, boolean any, int contentWords,
                                     boolean[] rare) {
        List<String> title = v.tokens();
        int m = title.size();
        double windowWeight = 0;
        for (int i = from; i < to; i++) {
            windowWeight += SongProfile.weight(query.get(i));
        }
        double matchedTitle = 0;
        double matchedWindow = 0;
        int sure = 0;
        int rareSure = 0;
        int typed = 0;
        if (any) {
            // greedy one-to-one pairing, most similar pairs first
            List<double[]> pairs = new ArrayList<>();
            for (int i = from; i < to; i++) {
                for (int k = 0; k < m; k++) {
                    if (sim[i][k] > 0) {
                        pairs.add(new double[] {sim[i][k], i, k});
                    }
                }
            }
            pairs.sort((a, b) -> Double.compare(b[0], a[0]));
            boolean[] usedQ = new boolean[to - from];
            boolean[] usedT = new boolean[m];
            for (double[] pr : pairs) {
                int i = (int) pr[1];
                int k = (int) pr[2];
                if (usedQ[i - from] || usedT[k]) {
                    continue;
                }
                usedQ[i - from] = true;
                usedT[k] = true;
                matchedTitle += pr[0] * SongProfile.weight(title.get(k));
                matchedWindow += pr[0] * SongProfile.weight(query.get(i));
                typed += TextNormalizer.isFunctionWord(title.get(k)) ? 0 : 1;
                if (pr[0] >= SURE_WORD && !TextNormalizer.isFunctionWord(title.get(k))) {
                    sure++;
                    rareSure += rare[k] ? 1 : 0;
                }
            }
        }
        int stray = 0;
        int untyped = m;
        if (any) {
            for (int i = from; i < to; i++) {
                boolean paired = false;
                for (int k = 0; k < m && !paired; k++) {
                    paired = sim[i][k] > 0;
                }
                // a function word inside the window is typed inside the title too ("for This Seasons")
                boolean inside = i > from && i < to - 1;
                stray += !paired && (inside || !TextNormalizer.isFunctionWord(query.get(i))) ? 1 : 0;
            }
            untyped = untypedTitleWords(sim, from, to, m);
        }
        double cov = matchedTitle / v.weight();
        double wcov = matchedWindow / windowWeight;
        double score = (matchedTitle + matchedWindow) / (v.weight() + windowWeight);
        String windowKey = Fuzzy.joinedKey(query, from, to);
        if (windowKey.length() >= 4 && titleKey.length() >= 4 && edgesBelong(query, from, to, title)) {
            // sound-alike keys may meet exactly, but only the same letters make an exact title
            // sound-alike keys fold letters word by word, so also compare the letters as typed ("noone" is "no one")
            double joined = Math.max(Fuzzy.stringSim(windowKey, titleKey),
                    Fuzzy.stringSim(String.join("", query.subList(from, to)), String.join("", title)));
            if (joined >= 1.0 && !Fuzzy.joinedPlain(query, from, to).equals(Fuzzy.joinedPlain(title, 0, m))) {
                joined = 0.95;
            }
            if (joined > score) {
                score = joined;
                cov = Math.max(cov, joined);
                wcov = Math.max(wcov, joined);
                if (joined >= SURE_WORD) {
                    sure = Math.max(sure, contentWords);
                    rareSure = Math.max(rareSure, count(rare));
                    typed = contentWords;
                    stray = 0;
                    untyped = 0;
                }
            }
        }
        if (score <= 0) {
            return null;
        }
        return new TitleMatch(p, v, from, to, score, cov, wcov, sure, contentWords, rareSure, typed, stray, untyped);
    }

    /** Title words that no word of the window resembles. */
    private static int untypedTitleWords(double[][] sim, int from, int to, int m) {
        int untyped = 0;
        for (int k = 0; k < m; k++) {
            boolean typed = false;
            for (int i = from; i < to && !typed; i++) {
                typed = sim[i][k] > 0;
            }
            untyped += typed ? 0 : 1;
        }
        return untyped;
    }

    /**
     * Joined comparison is for words split or run together ("pleasure dome"); a window ending on a
     * joining word the title lacks ("heartbreak hotel by" ≈ "heartbreak hotel lobby") is not a title.
     */
    private static boolean edgesBelong(List<String> query, int from, int to, List<String> title) {
        for (String edge : new String[] {query.get(from), query.get(to - 1)}) {
            if (TextNormalizer.isFunctionWord(edge) && !title.contains(edge)) {
                return false;
            }
        }
        return true;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    static String describe(TitleMatch m) {
        return String.format("%s [%d,%d) score=%.2f cov=%.2f wcov=%.2f sure=%d/%d rare=%d stray=%d untyped=%d",
                m.profile().song().title(), m.from(), m.to(), m.score(), m.titleCoverage(), m.windowCoverage(),
                m.sureWords(), m.contentWords(), m.rareWords(), m.strayWords(), m.untypedWords())
                + (m.variant().alias() ? " alias=" + String.join(" ", m.variant().tokens()) : "");
    }
}
