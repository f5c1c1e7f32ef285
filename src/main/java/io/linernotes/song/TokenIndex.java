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

    /** Bits of a {@link #nearKeys} entry that hold the vocabulary ordinal; the rest hold the key's hash. */
    private static final int WORD_BITS = 28;
    private static final long WORD_MASK = (1L << WORD_BITS) - 1;

    private final Map<String, int[]> postings;
    private final String[] vocabulary;
    /**
     * The near-spelling key table, compact: one sorted {@code long} per (key, word) pair, the key's hash in the
     * high bits and the word's ordinal in {@link #vocabulary} in the low ones. A map of key strings to word
     * arrays cost ~110 bytes a pair (about 45 keys per title word: 50 MB at 10,000 songs, most of the
     * catalogue); this costs 8. Two keys whose hashes meet only propose a word more, which {@link #near}
     * checks with {@link Fuzzy#tokenSim} like every other.
     */
    private final long[] nearKeys;

    TokenIndex(Map<String, List<Integer>> raw) {
        postings = new HashMap<>(raw.size() * 2);
        for (Map.Entry<String, List<Integer>> e : raw.entrySet()) {
            postings.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).distinct().toArray());
        }
        vocabulary = postings.keySet().toArray(new String[0]);
        Arrays.sort(vocabulary);
        if (vocabulary.length > WORD_MASK) {
            throw new IllegalStateException("a vocabulary of " + vocabulary.length + " words is too large to index");
        }
        long[] pairs = new long[vocabulary.length * 16];
        int n = 0;
        for (int word = 0; word < vocabulary.length; word++) {
            for (long h : keyHashes(vocabulary[word])) {
                if (n == pairs.length) {
                    pairs = Arrays.copyOf(pairs, pairs.length * 2);
                }
                pairs[n++] = (h << WORD_BITS) | word;
            }
        }
        nearKeys = Arrays.copyOf(pairs, n);
        Arrays.sort(nearKeys);
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
        for (long h : keyHashes(c)) {
            int i = Arrays.binarySearch(nearKeys, h << WORD_BITS);
            for (i = i < 0 ? -i - 1 : i; i < nearKeys.length && nearKeys[i] >>> WORD_BITS == h; i++) {
                String w = vocabulary[(int) (nearKeys[i] & WORD_MASK)];
                if (!out.contains(w) && Fuzzy.tokenSim(c, w) > 0) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** A well-mixed hash of {@code key} in the {@code 64 - WORD_BITS} bits a table entry has room for. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        return mixed(h);
    }

    /**
     * {@link #hash} of {@code kind + ":" + s} without the character at {@code skip} (none when negative), computed
     * without building that string: the table is built at every start from ~45 keys per title word.
     */
    private static long hash(char kind, String s, int skip) {
        long h = 0xcbf29ce484222325L;
        h = (h ^ kind) * 0x100000001b3L;
        h = (h ^ ':') * 0x100000001b3L;
        for (int i = 0; i < s.length(); i++) {
            if (i != skip) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
        }
        return mixed(h);
    }

    private static long mixed(long fnv) {
        long h = fnv;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h >>> WORD_BITS;
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

    /** The {@link #hash}es of {@link #keysOf}{@code (token)}, in the same order. */
    static long[] keyHashes(String token) {
        String ph = TextNormalizer.phonetic(token);
        int n = 1 + (token.length() >= 4 ? token.length() + 1 : 0) + (ph.length() >= 4 ? ph.length() : 0);
        long[] out = new long[n];
        int k = 0;
        out[k++] = hash('p', ph, -1);
        if (token.length() >= 4) {
            out[k++] = hash('d', token, -1);
            for (int i = 0; i < token.length(); i++) {
                out[k++] = hash('d', token, i);
            }
        }
        if (ph.length() >= 4) {
            for (int i = 0; i < ph.length(); i++) {
                out[k++] = hash('p', ph, i);
            }
        }
        return out;
    }

    /** Keys under which near spellings meet: sound-alike form and single deletions of both forms. */
    static List<String> keysOf(String token) {
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
