package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.EssayConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayParser;
import io.linernotes.essay.SqlEssayStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ranking within a chosen song, on cases generated from the project's own essays (the bundled demo essays and
 * the retrieval fixtures): for every passage of every song with several passages, a question is made of the
 * words that passage alone holds within its song (names of the song left out), asked the way people ask it
 * ("what does the essay say about …"), with the song named, sometimes misspelt. The passage it was made from
 * must come first; over the real index, the real question analysis and the real embedding model.
 */
class SongRankingGeneratedTest {

    /** One passage per paragraph, so that every paragraph makes a case (packing has its own test). */
    private static final RetrievalConfig CONFIG = new RetrievalConfig(0, 0, 0, 0, null, null, 0);

    @TempDir
    static Path dataDir;

    private static SqlEssayStore store;
    private static LuceneIndex index;
    private static CachingEmbedder embedder;
    private static HybridRetriever retriever;
    private static final Chunker CHUNKER = Chunker.of(CONFIG);

    /** One generated case: the question, the song, its names, and the passage that must come first. */
    record Case(String question, Essay essay, Passage expected) {
        @Override
        public String toString() {
            return question;
        }
    }

    @BeforeAll
    static void indexOurEssays() throws Exception {
        store = SqlEssayStore.open(dataDir.resolve("essays.db"));
        EssayParser parser = new EssayParser(EssayConfig.defaults());
        for (String name : demoNames()) {
            for (EssayDraft d : parser.parse(name, resource("/demo-essays/" + name))) {
                store.add(d, Scope.GLOBAL);
            }
        }
        store.add(SeedEssays.fixture("harbor-lights-juno-vale.txt"), Scope.GLOBAL);
        store.add(SeedEssays.fixture("paper-crowns-low-orchard.txt"), Scope.GLOBAL);
        embedder = CachingEmbedder.open(SharedModel.get(), dataDir);
        index = LuceneIndex.open(dataDir.resolve("index"), IndexLayout.of(CONFIG, embedder));
        new IndexMaintainer(index, CHUNKER, embedder).syncWith(store);
        retriever = new HybridRetriever(index, embedder, store, CONFIG);
    }

    @AfterAll
    static void close() {
        index.close();
        embedder.close();
        store.close();
    }

    static Stream<Arguments> generatedCases() {
        List<Arguments> cases = new ArrayList<>();
        Map<Long, List<Passage>> bySong = new HashMap<>();
        Map<Long, Essay> essayOf = new HashMap<>();
        for (Essay e : store.all()) {
            for (Passage p : CHUNKER.chunk(e)) {
                bySong.computeIfAbsent(e.song().id(), k -> new ArrayList<>()).add(p);
                essayOf.put(p.essayId(), e);
            }
        }
        try (Analyzer text = PassageAnalyzer.forText()) {
            int n = 0;
            for (List<Passage> song : bySong.values()) {
                if (song.size() < 2) {
                    continue;
                }
                for (Passage p : song) {
                    Essay essay = essayOf.get(p.essayId());
                    List<String> own = ownWords(text, p, song, names(essay));
                    if (own.size() < 2) {
                        continue;
                    }
                    String words = String.join(" ", own.subList(0, Math.min(3, own.size())));
                    // Every other case misspells the title the way askers do (two letters swapped).
                    String title = n++ % 2 == 0 ? essay.song().title() : swapLetters(essay.song().title());
                    String question = "what does the essay say about " + words + " in " + title + "?";
                    cases.add(Arguments.of(new Case(question, essay, p)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedCases")
    @DisplayName("the passage that alone holds what is asked comes first")
    void askedPassageComesFirst(Case c) {
        List<RetrievedPassage> ranked = retriever.rankSong(c.question(), c.essay().song().id(), names(c.essay()),
                Scope.GLOBAL, 5);

        assertFalse(ranked.isEmpty());
        assertEquals(c.expected().id(), ranked.get(0).passage().id(),
                () -> "first was: " + ranked.get(0).passage().text());
    }

    @Test
    @DisplayName("enough generated cases to mean something")
    void manyCases() {
        assertTrue(generatedCases().count() >= 15, "cases: " + generatedCases().count());
    }

    @Test
    @DisplayName("every passage of the song is ranked, each once, best first, and never another song's")
    void ranksTheWholeSongOnly() {
        Essay any = store.all().stream().max(Comparator.comparingInt(e -> CHUNKER.chunk(e).size())).orElseThrow();
        int size = CHUNKER.chunk(any).size();
        List<RetrievedPassage> ranked = retriever.rankSong("what is it about?", any.song().id(), names(any),
                Scope.GLOBAL, 20);

        assertTrue(ranked.size() >= Math.min(size, 20));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ranked.size(); i++) {
            assertEquals(any.song().id(), ranked.get(i).passage().songId());
            assertTrue(ids.add(ranked.get(i).passage().id()));
            if (i > 0) {
                assertTrue(ranked.get(i - 1).score() >= ranked.get(i).score());
            }
        }
    }

    /** Words whose analysed term occurs in {@code p} and in no other passage of its song, rarest first. */
    static List<String> ownWords(Analyzer text, Passage p, List<Passage> song, List<String> names) {
        Set<String> elsewhere = new HashSet<>();
        for (Passage other : song) {
            if (!other.id().equals(p.id())) {
                elsewhere.addAll(QuestionRemainder.terms(text, other.text()));
            }
        }
        Set<String> nameTerms = new HashSet<>();
        names.forEach(n -> nameTerms.addAll(QuestionRemainder.terms(text, n)));
        Set<String> seen = new HashSet<>();
        List<String> own = new ArrayList<>();
        for (String word : p.text().split("[^\\p{L}]+")) {
            List<String> terms = QuestionRemainder.terms(text, word);
            if (word.length() < 5 || terms.size() != 1) {
                continue;
            }
            String term = terms.get(0);
            if (!elsewhere.contains(term) && !nameTerms.contains(term) && seen.add(term)) {
                own.add(word.toLowerCase(Locale.ROOT));
            }
        }
        Map<String, Double> rarity = index.termRarity(own.stream()
                .map(w -> QuestionRemainder.terms(text, w).get(0)).toList());
        own.sort(Comparator.comparingDouble((String w) -> -rarity.getOrDefault(
                QuestionRemainder.terms(text, w).get(0), 0.0)).thenComparing(w -> w));
        return own;
    }

    static List<String> names(Essay e) {
        List<String> names = new ArrayList<>();
        names.add(e.song().title());
        names.add(e.song().artist());
        names.addAll(e.song().featured());
        return names;
    }

    static String swapLetters(String title) {
        String[] words = title.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 5) {
                char[] c = words[i].toCharArray();
                char t = c[2];
                c[2] = c[3];
                c[3] = t;
                words[i] = new String(c);
                break;
            }
        }
        return String.join(" ", words);
    }

    private static List<String> demoNames() throws Exception {
        String index = new String(resource("/demo-essays/index.txt"), StandardCharsets.UTF_8);
        return index.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = SongRankingGeneratedTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
