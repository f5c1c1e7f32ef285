package io.linernotes.song;

import io.linernotes.core.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import io.linernotes.text.TextNormalizer;

/**
 * Picks the few songs worth matching in detail, by one Lucene query over the {@link CatalogueIndex}. Each query
 * word, and each pair of adjacent words run together, is a probe; a song's candidate score is
 *
 * <pre>
 *   sum over probes of  max over the song's title terms t near the probe of  tokenSim(probe, t) * weight(t)
 *   ----------------------------------------------------------------------------------------------------------
 *                        weight of the song's lightest title form (at least 1)
 *   + 0.3 for each query word that is a word of the song's artists' names, or a name its visible opening writes
 * </pre>
 *
 * so a short title typed in full ranks above a long one sharing a word, and songs by an artist the query names
 * get a nudge so titles made only of common words ("What We Are") still make the cut. Near terms come from fuzzy
 * queries checked by {@link Fuzzy#tokenSim} (see {@link CatalogueIndex#near}); a title word with the probe's
 * sound-alike key counts as {@code tokenSim}'s sound-alike 0.9; a long typed word (ten letters or more, which may carry
 * three edits, one more than a fuzzy query reaches) that no title term is near meets titles sharing the character
 * trigrams three edits leave, at the similarity three edits get. This is only the candidates' order: each candidate is then judged
 * by {@link MatchJudge}, whose one score decides.
 */
final class CandidateSearch {

    /** A word in more titles than this says too little to pull in candidates on its own. */
    private static final int MAX_POSTINGS = 20_000;
    private static final double ARTIST_NUDGE = 0.3;
    /** tokenSim of a sound-alike word (same phonetic key, other letters). */
    private static final double SOUND_ALIKE = 0.9;
    /** Edits {@link Fuzzy#allowedEdits} forgives a word of ten letters or more: one more than a fuzzy query reaches. */
    private static final int LONG_WORD = 10;
    private static final int LONG_WORD_EDITS = 3;

    private CandidateSearch() {
    }

    static List<SongProfile> top(SongCatalog catalog, List<String> query, Scope reader, int limit) {
        CatalogueIndex index = catalog.index();
        Query titles = titleQuery(index, query, true);
        if (titles == null) {
            return List.of();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder()
                .add(FunctionScoreQuery.boostByValue(titles, DoubleValuesSource.fromFloatField(CatalogueIndex.NORM)), Occur.MUST)
                .add(CatalogueIndex.visibleTo(reader), Occur.FILTER);
        for (String q : new LinkedHashSet<>(query)) {
            if (!QueryText.isContent(q) || q.length() < 3) {
                continue;
            }
            List<Query> credits = new ArrayList<>(2);
            if (index.docFreq(CatalogueIndex.ARTIST, q) <= MAX_POSTINGS) {
                credits.add(new TermQuery(new Term(CatalogueIndex.ARTIST, q)));
            }
            credits.add(new TermInSetQuery(CatalogueIndex.NAMED, CatalogueIndex.namedFor(q, reader)));
            all.add(new BoostQuery(new ConstantScoreQuery(new DisjunctionMaxQuery(credits, 0f)), (float) ARTIST_NUDGE),
                    Occur.SHOULD);
        }
        List<SongProfile> out = new ArrayList<>(limit);
        for (ScoreDoc d : index.top(all.build(), limit)) {
            out.add(catalog.profile(d.doc));
        }
        return out;
    }

    /**
     * Songs whose title words are near the typed words (with no length normalisation or artist nudge), best first,
     * skipping the ordinals in {@code skip}: autocomplete's near-spelling tier.
     */
    static List<Integer> nearTitles(SongCatalog catalog, List<String> words, Scope reader, Set<Integer> skip, int limit) {
        CatalogueIndex index = catalog.index();
        Query titles = titleQuery(index, words, false);
        if (titles == null) {
            return List.of();
        }
        Query q = new BooleanQuery.Builder().add(titles, Occur.MUST).add(CatalogueIndex.visibleTo(reader), Occur.FILTER)
                .build();
        List<Integer> out = new ArrayList<>(limit);
        for (ScoreDoc d : index.top(q, limit + skip.size())) {
            if (!skip.contains(d.doc) && out.size() < limit) {
                out.add(d.doc);
            }
        }
        return out;
    }

    /** The sum over probes of each probe's best title term; null when no probe meets any title. */
    private static Query titleQuery(CatalogueIndex index, List<String> query, boolean joinedPairs) {
        Set<String> probes = new LinkedHashSet<>(query);
        if (joinedPairs) {
            for (int i = 0; i + 1 < query.size(); i++) {
                // a title word typed in two pieces ("bella mara") meets the word; two words run together meet
                // the joined pair the catalogue indexes
                probes.add(Fuzzy.joinedPlain(query, i, i + 2));
            }
        }
        BooleanQuery.Builder sum = new BooleanQuery.Builder();
        int clauses = 0;
        for (String probe : probes) {
            Query best = probeQuery(index, probe, query.contains(probe));
            if (best != null) {
                sum.add(best, Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : sum.build();
    }

    /**
     * The best of the ways a title may hold {@code probe}: one constant-score clause per similarity value, so a
     * song scores its nearest term's similarity times that term's weight.
     */
    private static Query probeQuery(CatalogueIndex index, String probe, boolean typedWord) {
        Map<Double, List<BytesRef>> bySim = new TreeMap<>();
        int edits = edits(index, CatalogueIndex.TITLE, probe, typedWord);
        for (Map.Entry<String, Double> e : index.near(CatalogueIndex.TITLE, probe, edits).entrySet()) {
            if (index.docFreq(CatalogueIndex.TITLE, e.getKey()) <= MAX_POSTINGS) {
                bySim.computeIfAbsent(e.getValue() * SongProfile.weight(e.getKey()), k -> new ArrayList<>())
                        .add(new BytesRef(e.getKey()));
            }
        }
        List<Query> ways = new ArrayList<>();
        bySim.forEach((sim, terms) -> ways.add(constant(new TermInSetQuery(CatalogueIndex.TITLE, terms), sim)));
        String c = Fuzzy.canon(probe);
        String sound = Fuzzy.soundKey(c);
        if (index.docFreq(CatalogueIndex.TITLE_SOUND, sound) <= MAX_POSTINGS) {
            ways.add(constant(new TermQuery(new Term(CatalogueIndex.TITLE_SOUND, sound)), SOUND_ALIKE * SongProfile.weight(c)));
        }
        if (typedWord && bySim.isEmpty() && c.length() >= LONG_WORD) {
            // a long typed word no title term is within two edits of: titles keeping the trigrams three edits leave
            List<String> grams = CatalogueIndex.grams(c);
            BooleanQuery.Builder overlap = new BooleanQuery.Builder();
            new LinkedHashSet<>(grams).forEach(g -> overlap.add(new TermQuery(new Term(CatalogueIndex.TITLE_GRAMS, g)), Occur.SHOULD));
            // each edit breaks at most three trigrams, so a word three edits away keeps all but nine
            overlap.setMinimumNumberShouldMatch(Math.max(1, grams.size() - 3 * LONG_WORD_EDITS));
            ways.add(constant(overlap.build(), 1.0 - (double) LONG_WORD_EDITS / (c.length() + 1)));
        }
        return ways.isEmpty() ? null : new DisjunctionMaxQuery(ways, 0f);
    }

    /**
     * How far to look for near spellings of {@code probe}: two edits only for a typed word the field does not hold as
     * typed (a word spelt as some title spells it is rarely two edits off another title's word); one for words run
     * together, since the matcher forgives a joined title one edit. A two-edit automaton costs about 1.5 ms to build,
     * one edit 0.1 ms, and a question has twenty probes.
     */
    private static int edits(CatalogueIndex index, String field, String probe, boolean typedWord) {
        return typedWord && index.docFreq(field, Fuzzy.canon(probe)) == 0 ? 2 : 1;
    }

    private static Query constant(Query q, double score) {
        return new BoostQuery(new ConstantScoreQuery(q), (float) score);
    }

    /** Every song with an artist word near a word of {@code claim} (or its words run together), ascending. */
    static int[] byArtist(SongCatalog catalog, List<String> claim) {
        CatalogueIndex index = catalog.index();
        List<String> probes = new ArrayList<>(claim);
        if (claim.size() > 1) {
            probes.add(Fuzzy.joinedPlain(claim, 0, claim.size()));
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String t : probes) {
            if (t.length() < 2 || TextNormalizer.isFunctionWord(t)) {
                continue;
            }
            List<BytesRef> terms = new ArrayList<>();
            index.near(CatalogueIndex.ARTIST, t, edits(index, CatalogueIndex.ARTIST, t, true)).keySet().forEach(w -> terms.add(new BytesRef(w)));
            if (!terms.isEmpty()) {
                any.add(new TermInSetQuery(CatalogueIndex.ARTIST, terms), Occur.SHOULD);
                clauses++;
            }
            any.add(new TermQuery(new Term(CatalogueIndex.ARTIST_SOUND, Fuzzy.soundKey(Fuzzy.canon(t)))), Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? new int[0] : index.matching(any.build());
    }
}
