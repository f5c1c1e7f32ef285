package io.linernotes.song;

import io.linernotes.core.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the few songs worth matching in detail: those whose title shares (near) words with the query, or
 * whose joined title words meet two query words run together, ranked by how much of their title those words
 * cover; songs by an artist the query names get a nudge so
 * titles made only of common words ("What We Are") still make the cut.
 */
final class CandidateSearch {

    /** A word in more titles than this says too little to pull in candidates on its own. */
    private static final int MAX_POSTINGS = 20_000;
    private static final double ARTIST_NUDGE = 0.3;

    private CandidateSearch() {
    }

    static List<SongProfile> top(SongCatalog catalog, List<String> query, Scope reader, int limit) {
        Map<Integer, Double> score = new HashMap<>();
        Set<String> seen = new HashSet<>();
        TokenIndex titles = catalog.titleIndex();
        List<String> probes = new ArrayList<>(query);
        for (int i = 0; i + 1 < query.size(); i++) {
            // a title word typed in two pieces ("bella mara") meets the word; two words run together meet
            // the joined pair the catalogue indexes
            probes.add(Fuzzy.joinedPlain(query, i, i + 2));
        }
        for (String q : probes) {
            if (!seen.add(q)) {
                continue;
            }
            Map<Integer, Double> best = new HashMap<>();
            for (String near : titles.near(q)) {
                int[] postings = titles.postings(near);
                if (postings.length > MAX_POSTINGS) {
                    continue;
                }
                double s = Fuzzy.tokenSim(q, near) * SongProfile.weight(near);
                for (int ord : postings) {
                    best.merge(ord, s, Math::max);
                }
            }
            best.forEach((ord, s) -> score.merge(ord, s / titleWeight(catalog.profile(ord)), Double::sum));
        }
        seen.retainAll(query);
        TokenIndex artists = catalog.artistIndex();
        for (String q : seen) {
            if (!QueryText.isContent(q) || q.length() < 3) {
                continue;
            }
            int[] postings = artists.postings(q);
            if (postings.length <= MAX_POSTINGS) {
                for (int ord : postings) {
                    score.computeIfPresent(ord, (k, v) -> v + ARTIST_NUDGE);
                }
            }
        }
        List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(score.entrySet());
        ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<SongProfile> out = new ArrayList<>(limit);
        for (Map.Entry<Integer, Double> e : ranked) {
            SongProfile p = catalog.profile(e.getKey());
            if (p.visibleTo(reader)) {
                out.add(p);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** The lightest form of the title, so a long alias does not bury a short title typed in full. */
    private static double titleWeight(SongProfile p) {
        double w = Double.MAX_VALUE;
        for (SongProfile.Variant v : p.titles()) {
            w = Math.min(w, v.weight());
        }
        return Math.max(1.0, w);
    }
}
