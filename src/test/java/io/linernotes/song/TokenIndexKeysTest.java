package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.linernotes.bench.SyntheticCorpus;
import io.linernotes.text.TextNormalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The near-spelling table hashes its keys without building them; the hashes must be those of the keys. */
class TokenIndexKeysTest {

    @Test
    @DisplayName("key hashes are the hashes of the keys, in order, for every word of titles, artists and openings")
    void keyHashesAreTheKeysHashes() {
        Set<String> words = new LinkedHashSet<>(List.of("a", "ab", "abc", "abcd", "phee", "zzzz", "24000", "señor", "x"));
        for (SyntheticCorpus.Record r : new SyntheticCorpus(3).generate(500)) {
            words.addAll(TextNormalizer.tokens(r.title() + " " + r.artist() + " " + r.text()));
        }
        for (String w : words) {
            long[] want = TokenIndex.keysOf(w).stream().mapToLong(TokenIndex::hash).toArray();
            assertArrayEquals(want, TokenIndex.keyHashes(w), w);
        }
    }
}
