package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.bench.SyntheticCorpus;
import io.linernotes.text.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The compact near-spelling table (one hashed {@code long} per key and word) proposes exactly the words a plain
 * map from key strings to words proposes, for the title and artist words of a generated catalogue and one-edit
 * misspellings of them.
 */
class TokenIndexTest {

    @Test
    @DisplayName("near spellings from the compact key table equal those of a plain key map, typos included")
    void compactTableFindsWhatAPlainMapFinds() {
        Map<String, List<Integer>> raw = new HashMap<>();
        List<SyntheticCorpus.Record> records = new SyntheticCorpus(3).generate(1_500);
        for (int i = 0; i < records.size(); i++) {
            for (String t : TextNormalizer.tokens(records.get(i).title() + " " + records.get(i).artist())) {
                raw.computeIfAbsent(Fuzzy.canon(t), k -> new ArrayList<>()).add(i);
            }
        }
        TokenIndex index = new TokenIndex(raw);
        Map<String, Set<String>> plain = new HashMap<>();
        for (String word : raw.keySet()) {
            for (String k : TokenIndex.keysOf(word)) {
                plain.computeIfAbsent(k, x -> new HashSet<>()).add(word);
            }
        }
        Random random = new Random(5);
        int compared = 0;
        int withNeighbours = 0;
        for (String word : raw.keySet()) {
            for (String query : List.of(word, typo(word, random), typo(word, random))) {
                Set<String> expected = expected(query, raw, plain);
                assertEquals(expected, index.near(query), "near spellings of '" + query + "'");
                compared++;
                withNeighbours += expected.size() > 1 ? 1 : 0;
            }
        }
        assertTrue(raw.size() > 300 && withNeighbours > 100,
                "a vocabulary of " + raw.size() + " words, " + withNeighbours + " of " + compared
                        + " queries with several near words");
    }

    private static Set<String> expected(String query, Map<String, List<Integer>> raw, Map<String, Set<String>> plain) {
        Set<String> out = new HashSet<>();
        String c = Fuzzy.canon(query);
        if (raw.containsKey(c)) {
            out.add(c);
        }
        String twin = Fuzzy.numberTwin(query);
        if (twin != null && raw.containsKey(Fuzzy.canon(twin))) {
            out.add(Fuzzy.canon(twin));
        }
        for (String k : TokenIndex.keysOf(c)) {
            for (String w : plain.getOrDefault(k, Set.of())) {
                if (Fuzzy.tokenSim(c, w) > 0) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** One deletion, substitution, insertion or swap of neighbours, at a random place. */
    private static String typo(String word, Random random) {
        if (word.length() < 2) {
            return word;
        }
        int i = random.nextInt(word.length() - 1);
        char letter = (char) ('a' + random.nextInt(26));
        switch (random.nextInt(4)) {
            case 0:
                return word.substring(0, i) + word.substring(i + 1);
            case 1:
                return word.substring(0, i) + letter + word.substring(i + 1);
            case 2:
                return word.substring(0, i) + letter + word.substring(i);
            default:
                return word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
        }
    }
}
