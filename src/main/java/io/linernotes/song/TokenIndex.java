package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word → songs postings over one field (titles or artists), with a sorted vocabulary for prefixes and a
 * deletion/sound-alike key table so near spellings are found without scanning the vocabulary.
 */
final class TokenIndex {

    private static final int[] NONE = new int[0];

    private final Map<String, int[]> postings;
    private final String[] vocabulary;
    private final Map<String, String[]> nearKeys;

    TokenIndex(Map<String, List<Integer>> raw) {
        postings = new HashMap<>(raw.size() * 2);
        Map<String, List<String>> keys = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : raw.entrySet()) {
            postings.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).distinct().toArray());
            for (String k : keysOf(e.getKey())) {
                keys.computeIfAbsent(k, x -> new ArrayList<>(2)).add(e.getKey());
            }
        }
        vocabulary = postings.keySet().toArray(new String[0]);
        Arrays.sort(vocabulary);
        nearKeys = new HashMap<>(keys.size() * 2);
        keys.forEach((k, v) -> nearKeys.put(k, v.toArray(new String[0])));
    }

    /** Songs (ordinals, ascending) with this word. */
    int[] postings(String token) {
        int[] p = postings.get(Fuzzy.canon(token));
        return p == null ? NONE : p;
    }

    /** Indexed words that {@link Fuzzy#tokenSim} accepts as spellings of {@code token} (itself included). */
    Set<String> near(String token) {
        Set<String> out = new LinkedHashSet<>();
        String c = Fuzzy.canon(token);
        if (postings.containsKey(c)) {
            out.add(c);
        }
        String twin = Fuzzy.numberTwin(token);
        if (twin != null && postings.containsKey(Fuzzy.canon(twin))) {
            out.add(Fuzzy.canon(twin));
        }
        for (String k : keysOf(c)) {
            String[] words = nearKeys.get(k);
            if (words != null) {
                for (String w : words) {
                    if (!out.contains(w) && Fuzzy.tokenSim(c, w) > 0) {
                        out.add(w);
                    }
                }
            }
        }
        return out;
    }

    /** Vocabulary words starting with {@code prefix}, alphabetically, at most {@code max}. */
    List<String> withPrefix(String prefix, int max) {
        List<String> out = new ArrayList<>();
        int i = Arrays.binarySearch(vocabulary, prefix);
        if (i < 0) {
            i = -i - 1;
        }
        for (; i < vocabulary.length && out.size() < max && vocabulary[i].startsWith(prefix); i++) {
            out.add(vocabulary[i]);
        }
        return out;
    }

    /** Keys under which near spellings meet: sound-alike form and single deletions of both forms. */
    private static List<String> keysOf(String token) {
        List<String> keys = new ArrayList<>();
        String ph = TextNormalizer.phonetic(token);
        keys.add("p:" + ph);
        if (token.length() >= 4) {
            keys.add("d:" + token);
            for (int i = 0; i < token.length(); i++) {
                keys.add("d:" + token.substring(0, i) + token.substring(i + 1));
            }
        }
        if (ph.length() >= 4) {
            for (int i = 0; i < ph.length(); i++) {
                keys.add("p:" + ph.substring(0, i) + ph.substring(i + 1));
            }
        }
        return keys;
    }
}
