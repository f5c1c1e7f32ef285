package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.SqlEssayStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up and incremental maintenance of the index, across simulated restarts: every "run" opens its own
 * index, cache and (unloaded) model over the same data directory, as a new process would.
 */
class IndexMaintainerTest {

    /** One passage per paragraph: these cases count passages by paragraphs (packing has its own test). */
    private static final RetrievalConfig CONFIG = new RetrievalConfig(0, 0, 0, 0, null, null, 0);
    private static final RetrievalConfig NO_VECTORS = new RetrievalConfig(0, 0, 0, 0, false, null, 0);

    @TempDir
    Path dataDir;

    private SqlEssayStore store;

    /** One process's worth of retrieval objects. */
    private final class Run implements AutoCloseable {
        final MiniLmEmbedder model;
        final CachingEmbedder cache;
        final LuceneIndex index;
        final IndexMaintainer maintainer;

        Run(RetrievalConfig config, MiniLmEmbedder model) {
            this.model = model;
            this.cache = CachingEmbedder.open(model, dataDir);
            this.index = LuceneIndex.open(dataDir.resolve("index"), IndexLayout.of(config, cache));
            this.maintainer = new IndexMaintainer(index, Chunker.of(config), cache);
        }

        HybridRetriever retriever(RetrievalConfig config) {
            return new HybridRetriever(index, cache, store, config);
        }

        @Override
        public void close() {
            index.close();
            cache.close();
        }
    }

    @BeforeEach
    void twoEssays() {
        store = SqlEssayStore.open(dataDir.resolve("essays.db"));
        store.add(SeedEssays.fixture("harbor-lights-juno-vale.txt"), Scope.GLOBAL);
        store.add(SeedEssays.fixture("paper-crowns-low-orchard.txt"), Scope.GLOBAL);
    }

    @Test
    @DisplayName("a restart over an unchanged store embeds nothing and never loads the model")
    void restartEmbedsNothing() {
        int passages;
        try (Run first = new Run(CONFIG, SharedModel.get())) {
            IndexMaintainer.SyncResult built = first.maintainer.syncWith(store);
            assertTrue(built.rebuilt());
            assertEquals("no index yet", built.reason());
            assertEquals(built.passages(), first.cache.computedCount());
            passages = built.passages();
        }

        MiniLmEmbedder fresh = new MiniLmEmbedder(2);
        try (Run second = new Run(CONFIG, fresh)) {
            IndexMaintainer.SyncResult result = second.maintainer.syncWith(store);

            assertFalse(result.rebuilt(), result.reason());
            assertEquals(0, second.cache.computedCount());
            assertFalse(fresh.isLoaded(), "no embedding was needed, so the model stayed unloaded");
            assertEquals(passages, second.index.passageCount());
            assertEquals(OptionalLong.of(store.changeCounter()), second.index.indexedChangeCounter());
        }
    }

    @Test
    @DisplayName("a store that changed behind the index triggers a rebuild that embeds only the new text")
    void storeChangedBehindIndex() {
        try (Run first = new Run(CONFIG, SharedModel.get())) {
            first.maintainer.syncWith(store);
        }
        Essay added = store.add(new EssayDraft("Glass Garden", "Ivo Brandt", List.of(), 2021, null, null, null,
                "A song about a greenhouse that the singer keeps for a friend who moved abroad.\n\n"
                        + "The last verse admits the plants were never the point."), Scope.GLOBAL).essay();

        try (Run second = new Run(CONFIG, SharedModel.get())) {
            IndexMaintainer.SyncResult result = second.maintainer.syncWith(store);

            assertTrue(result.rebuilt());
            assertTrue(result.reason().contains("store is at change 3, the index at 2"), result.reason());
            assertEquals(2, second.cache.computedCount(), "only the new essay's two paragraphs");
            assertEquals(2, result.embedded());
            List<RetrievedPassage> found =
                    second.retriever(CONFIG).retrieve("greenhouse for a friend", Set.of(), Scope.GLOBAL, 1);
            assertEquals(added.id(), found.get(0).essay().id());
        }
    }

    @Test
    @DisplayName("a corrupted index directory is detected, rebuilt from the store, and searchable again")
    void corruptIndexIsRebuilt() throws IOException {
        try (Run first = new Run(CONFIG, SharedModel.get())) {
            first.maintainer.syncWith(store);
        }
        try (Stream<Path> files = Files.list(dataDir.resolve("index"))) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(f, "not a lucene file".getBytes());
            }
        }

        try (Run second = new Run(CONFIG, SharedModel.get())) {
            assertEquals(LuceneIndex.Found.UNREADABLE, second.index.found());
            IndexMaintainer.SyncResult result = second.maintainer.syncWith(store);

            assertTrue(result.rebuilt());
            assertEquals("the index was unreadable", result.reason());
            assertEquals(0, second.cache.computedCount(), "every vector came from the cache");
            List<RetrievedPassage> found = second.retriever(CONFIG)
                    .retrieve("what is the Captain Ahab line about?", Set.of(), Scope.GLOBAL, 1);
            assertTrue(found.get(0).passage().text().startsWith("The Captain Ahab line?"));
        }
    }

    @Test
    @DisplayName("saves and removals show in searches right after they are applied")
    void incrementalUpdates() {
        try (Run run = new Run(CONFIG, SharedModel.get())) {
            run.maintainer.syncWith(store);
            HybridRetriever retriever = run.retriever(CONFIG);
            Essay crowns = store.all().get(1);

            Essay edited = store.update(crowns.id(), new EssayDraft("Paper Crowns", "The Low Orchard", List.of(),
                    2016, null, null, null, "Rewritten: the song is really about a carnival that closed."),
                    Scope.GLOBAL).orElseThrow();
            run.maintainer.onSaved(edited, store.changeCounter());

            List<RetrievedPassage> found = retriever.retrieve("carnival closed", Set.of(), Scope.GLOBAL, 10);
            assertEquals("Rewritten: the song is really about a carnival that closed.",
                    found.get(0).passage().text());
            assertEquals(2, found.get(0).passage().revision());
            assertTrue(retriever.songsQuoting("we wore paper crowns in the rain", Scope.GLOBAL, 5).isEmpty(),
                    "the old revision's passages are gone");

            store.remove(crowns.id(), Scope.GLOBAL);
            run.maintainer.onRemoved(crowns.id(), store.changeCounter());

            assertTrue(retriever.retrieve("carnival closed", Set.of(), Scope.GLOBAL, 10).stream()
                    .noneMatch(r -> r.passage().essayId() == crowns.id()));
            assertEquals(OptionalLong.of(store.changeCounter()), run.index.indexedChangeCounter());
        }
    }

    @Test
    @DisplayName("with vectors off nothing is embedded; turning them on rebuilds with vectors")
    void layoutChangeRebuilds() {
        MiniLmEmbedder unused = new MiniLmEmbedder(2);
        try (Run lexicalOnly = new Run(NO_VECTORS, unused)) {
            lexicalOnly.maintainer.syncWith(store);
            List<RetrievedPassage> found = lexicalOnly.retriever(NO_VECTORS)
                    .retrieve("what is the Captain Ahab line about?", Set.of(), Scope.GLOBAL, 3);
            assertTrue(found.get(0).passage().text().startsWith("The Captain Ahab line?"));
            assertEquals(0, found.get(0).vectorRank());
            assertFalse(unused.isLoaded(), "vectors off never loads the model");
        }

        try (Run hybrid = new Run(CONFIG, SharedModel.get())) {
            IndexMaintainer.SyncResult result = hybrid.maintainer.syncWith(store);

            assertTrue(result.rebuilt());
            assertTrue(result.reason().contains("model=none"), result.reason());
            List<RetrievedPassage> found = hybrid.retriever(CONFIG)
                    .retrieve("what is the Captain Ahab line about?", Set.of(), Scope.GLOBAL, 3);
            assertTrue(found.get(0).vectorRank() > 0, "vectors are searched now");
        }
    }

    @Test
    @DisplayName("a rebuild reports its progress from 0 to the number of passages")
    void progressIsReported() {
        for (int i = 0; i < 3; i++) {
            store.add(new EssayDraft("Song " + i, "Band", List.of(), null, null, null, null,
                    ("Paragraph about song " + i + " and its many verses.\n\n").repeat(30)), Scope.GLOBAL);
        }
        List<int[]> updates = new ArrayList<>();
        try (Run run = new Run(NO_VECTORS, new MiniLmEmbedder(2))) {
            IndexMaintainer.SyncResult result =
                    run.maintainer.syncWith(store, (done, total) -> updates.add(new int[] {done, total}));

            int total = result.passages();
            assertTrue(total > IndexMaintainer.REBUILD_BATCH, "enough passages for several steps");
            assertEquals(0, updates.get(0)[0]);
            assertEquals(total, updates.get(updates.size() - 1)[0]);
            for (int i = 1; i < updates.size(); i++) {
                assertTrue(updates.get(i)[0] > updates.get(i - 1)[0]);
                assertEquals(total, updates.get(i)[1]);
            }
            assertEquals(total, run.index.passageCount());
        }
    }
}
