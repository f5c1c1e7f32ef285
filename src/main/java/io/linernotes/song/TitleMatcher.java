package io.linernotes.song;

import io.linernotes.config.SongConfig;
import io.linernotes.text.TextNormalizer;
import io.linernotes.core.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds where in a query a song's title is typed, and how well. Every window of query words is compared
 * with every form of the title two ways — word by word (order-free, typo-tolerant, function words
 * weighing less) and as one joined string (for split or run-together words) — and the best is kept.
 */
final class TitleMatcher {

    /**
     * The best place of one song's title in a query. {@code score} is the window's similarity to the
     * title form; {@code titleCoverage} how much of the title form the window typed; {@code windowCoverage}
     * how much of the window is title; {@code sureWords} how many title words other than function words
     * were typed (nearly) exactly, {@code typedContent} how many were typed at all, {@code rareWords} how
     * many of the sure ones few titles share; {@code strayWords} how many content words of the window are left
     * unpaired (no title word resembles them, or the one that does went to a closer word), {@code strayInside} how
     * many of them stand between typed title words and are no frame words, {@code untypedWords} how many title words (function words too) no window word typed. A stray
     * word beside an untyped one is a substituted word: another title. {@code firstTyped} and {@code lastTyped}
     * are the first and last title words (indices into the form's tokens, -1 for none) a window word typed
     * ("Paper Boat, Darling" leaves "Sail" untyped before them); {@code widerChanged} says that a wider window
     * over the same song types more of its title and has a word replaced ("(The Girl Who Sold) Glass Harbour"
     * for a stored "(The Girl Who Kept) Glass Harbour", matched by its bracket-less form); {@code sureTitleWords}
     * are the title's content words the window typed nearly exactly.
     */
    record TitleMatch(SongProfile profile, SongProfile.Variant variant, int from, int to, double score,
                      double titleCoverage, double windowCoverage, int sureWords, int contentWords,
                      int rareWords, int typedContent, int strayWords, int strayInside, int untypedWords, int firstTyped,
                      int lastTyped, Set<String> sureTitleWords, boolean widerChanged) {

        boolean substituted() {
            return strayWords > 0 && untypedWords > 0 || widerChanged;
        }

        TitleMatch changedWider() {
            return new TitleMatch(profile, variant, from, to, score, titleCoverage, windowCoverage, sureWords,
                    contentWords, rareWords, typedContent, strayWords, strayInside, untypedWords, firstTyped, lastTyped,
                    sureTitleWords, true);
        }
    }

    private TitleMatcher() {
    }

    /**
     * The best window for {@code p}'s title in {@code query}; a title word counts as rare when few titles
     * of {@code catalog} share it (such a word alone can identify a song, "swells"; "love" cannot).
     */
    static TitleMatch best(List<String> query, SongProfile p, SongCatalog catalog, Scope reader, SongConfig config) {
        return best(query, knownWords(query, catalog), p, catalog, reader, config);
    }

    /**
     * The same, {@code known} being {@link #knownWords} of {@code query}: a question's candidates share it, so it
     * is asked of the index once per question.
     */
    static TitleMatch best(List<String> query, boolean[] known, SongProfile p, SongCatalog catalog, Scope reader,
                           SongConfig config) {
        int rareLimit = (int) Math.max(config.rareTitlesMin(), Math.floor(catalog.size() * config.rareTitles()));
        double sureWord = config.sureWord();
        TitleMatch best = null;
        List<TitleMatch> changed = new ArrayList<>();
        for (SongProfile.Variant v : p.titles()) {
            if (!v.visibleTo(reader)) {
                continue; // a title form learnt from an essay this reader cannot see
            }
            TitleMatch m = best(query, p, v, catalog, known, rareLimit, sureWord, changed);
            if (m != null && (best == null || better(m, best))) {
                best = m;
            }
        }
        if (best != null && !best.substituted()) {
            for (TitleMatch c : changed) {
                if (c.strayInside() > 0 && c.from() <= best.from() && c.to() >= best.to() && c.sureTitleWords().containsAll(best.sureTitleWords())
                        && (c.sureTitleWords().size() > best.sureTitleWords().size()
                        || c.variant() == best.variant() && c.titleCoverage() > best.titleCoverage() + 1e-9)) {
                    // the user typed more of this title than the best window holds, with a word replaced: another title
                    return best.changedWider();
                }
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

    /** The best window for one title form; windows with a replaced word are added to {@code changed}. */
    private static TitleMatch best(List<String> query, SongProfile p, SongProfile.Variant v, SongCatalog catalog,
                                   boolean[] known, int rareLimit, double sureWord, List<TitleMatch> changed) {
        List<String> title = v.tokens();
        int n = query.size();
        int m = title.size();
        double[][] sim = new double[n][m];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                sim[i][k] = Fuzzy.tokenSim(query.get(i), title.get(k));
                if (sim[i][k] < Fuzzy.CANONICAL && known[i]) {
                    // a typed word that is itself a word of the catalogue's titles is that word, not a typo of
                    // another one ("Lane" is not a misspelt "Lake"): only the same word or its canonical spelling pairs
                    sim[i][k] = 0;
                }
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
        // A window none of whose words resembles a title word scores only by the joined comparison, which needs
        // the window's letters (sound-alike keys or as typed) within one of the title's length: the other windows
        // are skipped before they are built (a long question has many, and most hold no title word).
        int[] similarBefore = new int[n + 1];
        int[] keyLettersBefore = new int[n + 1];
        int[] lettersBefore = new int[n + 1];
        for (int i = 0; i < n; i++) {
            boolean similar = false;
            for (int k = 0; k < m && !similar; k++) {
                similar = sim[i][k] > 0;
            }
            similarBefore[i + 1] = similarBefore[i] + (similar ? 1 : 0);
            keyLettersBefore[i + 1] = keyLettersBefore[i] + Fuzzy.joinedKey(query, i, i + 1).length();
            lettersBefore[i + 1] = lettersBefore[i] + query.get(i).length();
        }
        int titleLetters = String.join("", title).length();
        TitleMatch best = null;
        for (int from = 0; from < n; from++) {
            for (int to = from + 1; to <= Math.min(n, from + m + 2); to++) {
                if (similarBefore[to] == similarBefore[from]
                        && Math.abs(keyLettersBefore[to] - keyLettersBefore[from] - titleKey.length()) > 1
                        && Math.abs(lettersBefore[to] - lettersBefore[from] - titleLetters) > 1) {
                    continue; // window() would find nothing: no similar word, and no joined form within one letter
                }
                TitleMatch w = window(query, p, v, sim, from, to, titleKey, any, contentWords, rare, known, sureWord);
                if (w != null && w.substituted()) {
                    changed.add(w);
                }
                if (w != null && (best == null || better(w, best))) {
                    best = w;
                }
            }
        }
        return best;
    }

    private static TitleMatch window(List<String> query, SongProfile p, SongProfile.Variant v, double[][] sim,
                                     int from, int to, String titleKey, boolean any, int contentWords,
                                     boolean[] rare, boolean[] known, double sureWord) {
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
        double[] typedSim = new double[m];
        boolean[] pairedQ = new boolean[to - from];
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
                pairedQ[i - from] = true;
                typedSim[k] = pr[0];
                matchedTitle += pr[0] * SongProfile.weight(title.get(k));
                matchedWindow += pr[0] * SongProfile.weight(query.get(i));
                typed += TextNormalizer.isFunctionWord(title.get(k)) ? 0 : 1;
                if (pr[0] >= sureWord && !TextNormalizer.isFunctionWord(title.get(k))) {
                    sure++;
                    rareSure += rare[k] ? 1 : 0;
                }
            }
        }
        int stray = 0;
        int strayInside = 0;
        int untyped = m;
        if (any) {
            int firstPaired = -1;
            int lastPaired = -1;
            for (int i = from; i < to; i++) {
                if (pairedQ[i - from] && !QueryText.QUESTION_WORDS.contains(query.get(i))) {
                    firstPaired = firstPaired < 0 ? i : firstPaired;
                    lastPaired = i;
                }
            }
            for (int i = from; i < to; i++) {
                // a word left over when its look-alike title word went to a closer word is stray too ("Nova Town,
                // Darling" for "Quiet Town, Darling": "darling" takes "Darling")
                boolean paired = pairedQ[i - from];
                // a function word inside the window is typed inside the title too ("for This Seasons")
                boolean inside = i > from && i < to - 1;
                boolean s = !paired && (inside || !TextNormalizer.isFunctionWord(query.get(i)));
                stray += s ? 1 : 0;
                strayInside += s && i > firstPaired && i < lastPaired && QueryText.isContent(query.get(i)) ? 1 : 0;
            }
            untyped = untypedTitleWords(sim, from, to, m);
        }
        double cov = matchedTitle / v.weight();
        double wcov = matchedWindow / windowWeight;
        double score = (matchedTitle + matchedWindow) / (v.weight() + windowWeight);
        String windowKey = Fuzzy.joinedKey(query, from, to);
        // the joined comparison is for words split or run together; with as many words as the title, a typed word
        // that is another word of the catalogue's titles stays that word ("Silver Lane Days" joins no "Silver Lake Days")
        boolean foreignWord = to - from == m && !Fuzzy.joinedPlain(query, from, to).equals(Fuzzy.joinedPlain(title, 0, m))
                && knownForeign(query, from, to, title, known);
        if (windowKey.length() >= 4 && titleKey.length() >= 4 && edgesBelong(query, from, to, title) && !foreignWord) {
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
                if (joined >= sureWord) {
                    sure = Math.max(sure, contentWords);
                    rareSure = Math.max(rareSure, count(rare));
                    typed = contentWords;
                    stray = 0;
                    strayInside = 0;
                    untyped = 0;
                    Arrays.fill(typedSim, joined);
                }
            }
        }
        if (score <= 0) {
            return null;
        }
        Set<String> sureTitle = new HashSet<>();
        int first = -1;
        int last = -1;
        for (int k = 0; k < m; k++) {
            if (typedSim[k] > 0) {
                first = first < 0 ? k : first;
                last = k;
            }
            if (typedSim[k] >= sureWord && !TextNormalizer.isFunctionWord(title.get(k)) && QueryText.isContent(title.get(k))) {
                sureTitle.add(title.get(k));
            }
        }
        return new TitleMatch(p, v, from, to, score, cov, wcov, sure, contentWords, rareSure, typed, stray, strayInside,
                untyped, first, last, sureTitle, false);
    }

    /** Whether a word of the window is not the title's but is a word of some catalogue title ({@code known}). */
    private static boolean knownForeign(List<String> query, int from, int to, List<String> title, boolean[] known) {
        for (int i = from; i < to; i++) {
            String w = query.get(i);
            boolean own = false;
            for (String t : title) {
                own |= Fuzzy.tokenSim(w, t) >= Fuzzy.CANONICAL;
            }
            if (!own && known[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word of some catalogue title that is not a function word: typed, it means itself. Function words ("di",
     * "de") are spelt many ways in transliterated titles, so they still pair with their sound-alikes.
     */
    /** Which typed words are themselves words of some catalogue title (function words never count). */
    static boolean[] knownWords(List<String> query, SongCatalog catalog) {
        boolean[] known = new boolean[query.size()];
        for (int i = 0; i < known.length; i++) {
            String w = query.get(i);
            known[i] = !TextNormalizer.isFunctionWord(w) && catalog.titleFrequency(w) > 0;
        }
        return known;
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
