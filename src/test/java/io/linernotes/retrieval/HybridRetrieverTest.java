package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.SqlEssayStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hybrid retriever over a real on-disk Lucene index and the real MiniLM model. */
class HybridRetrieverTest {

    /** One passage per paragraph: these cases name the paragraph that must come first (packing has its own test). */
    private static final RetrievalConfig CONFIG = new RetrievalConfig(0, 0, 0, 0, null, null, 0);

    @TempDir
    static Path dataDir;

    private static SqlEssayStore store;
    private static LuceneIndex index;
    private static CachingEmbedder embedder;
    private static HybridRetriever retriever;
    private static Essay harbor;
    private static Essay crowns;
    private static Essay guildHarbor;
    private static Essay runaway;

    @BeforeAll
    static void indexTheEssays() {
        store = SqlEssayStore.open(dataDir.resolve("essays.db"));
        harbor = store.add(SeedEssays.fixture("harbor-lights-juno-vale.txt"), Scope.GLOBAL).essay();
        crowns = store.add(SeedEssays.fixture("paper-crowns-low-orchard.txt"), Scope.GLOBAL).essay();
        EssayDraft guildNote = new EssayDraft("Harbor Lights", "Juno Vale", List.of("Mack Ore"), 2019, null,
                "a moderator", null,
                "Our server's theory: the lighthouse keeper's logbook in the video is Juno's diary from the tour.");
        guildHarbor = store.add(guildNote, Scope.guild("111")).essay();
        if (Files.exists(SeedEssays.SEED)) {
            runaway = store.add(SeedEssays.fromFile(SeedEssays.SEED), Scope.GLOBAL).essay();
        }
        embedder = CachingEmbedder.open(SharedModel.get(), dataDir);
        index = LuceneIndex.open(dataDir.resolve("index"), IndexLayout.of(CONFIG, embedder));
        new IndexMaintainer(index, Chunker.of(CONFIG), embedder).syncWith(store);
        retriever = new HybridRetriever(index, embedder, store, CONFIG);
    }

    @AfterAll
    static void close() {
        index.close();
        embedder.close();
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "fixture|what is the Captain Ahab line about?|The Captain Ahab line?",
        "seed|what is the Ichabod Crane line about?|The Ichabod Crane line?",
    })
    @DisplayName("a question about a named line gets the paragraph that discusses it first")
    void namedLineComesFirst(String source, String question, String opening) {
        if (source.equals("seed")) {
            Assumptions.assumeTrue(runaway != null, "seed essay ../shared/seeds/runaway-kanye-west.txt absent");
        }
        List<RetrievedPassage> found = retriever.retrieve(question, Set.of(), Scope.GLOBAL, 5);

        assertFalse(found.isEmpty());
        RetrievedPassage top = found.get(0);
        assertTrue(top.passage().text().startsWith(opening), top.passage().text());
        assertEquals(1, top.lexicalRank(), "the names match lexically");
        assertTrue(top.lexicalScore() > 0);
        assertEquals(top.passage().essayId(), top.essay().id(), "the essay comes with the passage");
    }

    @Test
    @DisplayName("a question sharing no word with the right passage still finds it through vectors")
    void semanticQuestionFindsPassageWithoutSharedWords() {
        List<RetrievedPassage> found =
                retriever.retrieve("Which section deals with losing a family member?", Set.of(), Scope.GLOBAL, 3);

        RetrievedPassage bridge = found.stream()
                .filter(r -> r.passage().text().startsWith("The bridge turns inward."))
                .findFirst()
                .orElseThrow(() -> new AssertionError("bridge passage not in " + texts(found)));
        assertEquals(0, bridge.lexicalRank(), "no word in common, so BM25 did not find it");
        assertEquals(1, bridge.vectorRank(), "the nearest passage by meaning");
    }

    @Test
    @DisplayName("a song filter returns only passages of that song")
    void songFilter() {
        List<RetrievedPassage> found =
                retriever.retrieve("what does the chorus mean about money and fame?", Set.of(crowns.song().id()),
                        Scope.GLOBAL, 10);

        assertFalse(found.isEmpty());
        found.forEach(r -> assertEquals(crowns.song().id(), r.passage().songId(), r.passage().text()));
        List<RetrievedPassage> unfiltered =
                retriever.retrieve("what does the chorus mean about money and fame?", Set.of(), Scope.GLOBAL, 10);
        assertTrue(unfiltered.stream().anyMatch(r -> r.passage().songId() == harbor.song().id()),
                "without the filter the other song competes");
    }

    @Test
    @DisplayName("a guild's essay is found in that guild and invisible to other guilds and to global readers")
    void scopeFilter() {
        String question = "the lighthouse keeper's logbook in the video";

        List<RetrievedPassage> own = retriever.retrieve(question, Set.of(), Scope.guild("111"), 3);
        assertEquals(guildHarbor.id(), own.get(0).passage().essayId());

        for (Scope other : List.of(Scope.guild("222"), Scope.GLOBAL)) {
            List<RetrievedPassage> found = retriever.retrieve(question, Set.of(), other, 50);
            assertFalse(found.isEmpty(), "global essays are still visible to " + other);
            found.forEach(r -> assertTrue(r.passage().scope().isGlobal(), other + " saw " + r.passage().id()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "“Keep the harbor lights on for me”|harbor",
        "WE WORE PAPER CROWNS IN THE RAIN|crowns",
        "Run away from me, baby, run away|runaway",
        "\"Never was much of a romantic\"|runaway",
    })
    @DisplayName("a quoted line finds its song whatever its case and quote marks")
    void songsQuoting(String line, String expected) {
        Essay essay = switch (expected) {
            case "harbor" -> harbor;
            case "crowns" -> crowns;
            default -> runaway;
        };
        Assumptions.assumeTrue(essay != null, "seed essay absent");

        assertEquals(List.of(essay.song().id()), retriever.songsQuoting(line, Scope.GLOBAL, 5));
    }

    @Test
    @DisplayName("a quoted line must appear as a phrase, and only in visible essays")
    void songsQuotingNeedsThePhraseAndScope() {
        assertTrue(retriever.songsQuoting("lights harbor the keep", Scope.GLOBAL, 5).isEmpty(), "words out of order");
        assertTrue(retriever.songsQuoting("the lighthouse keeper's logbook", Scope.guild("222"), 5).isEmpty());
        assertEquals(List.of(guildHarbor.song().id()),
                retriever.songsQuoting("the lighthouse keepers logbook", Scope.guild("111"), 5));
    }

    private static List<String> texts(List<RetrievedPassage> found) {
        return found.stream().map(r -> r.passage().text()).toList();
    }
}
