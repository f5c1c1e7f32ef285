package io.linernotes.durability;

import static io.linernotes.durability.DurabilityFixtures.essay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.EssayConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayChanges;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayParser;
import io.linernotes.essay.EssayRevision;
import io.linernotes.essay.EssayService;
import io.linernotes.essay.EssayStore;
import io.linernotes.essay.SqlEssayStore;
import io.linernotes.retrieval.Chunker;
import io.linernotes.retrieval.IndexLayout;
import io.linernotes.retrieval.IndexMaintainer;
import io.linernotes.retrieval.LuceneIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails inside the store's transaction, after some of its rows were written: the real SQLite
 * store and the real Lucene index, with the failure injected as a draft the store cannot take, placed
 * last in an import so the drafts before it were already inserted when it fails.
 */
class FailedWriteTest {

    @TempDir
    Path dir;

    /** The real store, with one draft it cannot store appended to every import. */
    private record PoisonedImports(SqlEssayStore real) implements EssayStore {
        @Override
        public List<Saved> addAll(List<EssayDraft> drafts, Scope scope) {
            List<EssayDraft> poisoned = new ArrayList<>(drafts);
            poisoned.add(new EssayDraft("  ", "Nobody", List.of(), null, null, null, null, "No title to store."));
            return real.addAll(poisoned, scope);
        }

        @Override
        public Saved add(EssayDraft draft, Scope scope) {
            return real.add(draft, scope);
        }

        @Override
        public Optional<Essay> update(long id, EssayDraft draft, Scope actor) {
            return real.update(id, draft, actor);
        }

        @Override
        public boolean remove(long id, Scope actor) {
            return real.remove(id, actor);
        }

        @Override
        public Optional<Essay> restore(long id, int revision, Scope actor) {
            return real.restore(id, revision, actor);
        }

        @Override
        public Optional<Essay> get(long id) {
            return real.get(id);
        }

        @Override
        public List<Essay> list(Scope reader) {
            return real.list(reader);
        }

        @Override
        public List<Essay> all() {
            return real.all();
        }

        @Override
        public List<Opening> openings() {
            return real.openings();
        }

        @Override
        public Optional<java.util.Map<String, Integer>> openingWordsAbove(int limit) {
            return real.openingWordsAbove(limit);
        }

        @Override
        public List<EssayRevision> history(long id) {
            return real.history(id);
        }

        @Override
        public Optional<Scope> ownerOf(long id) {
            return real.ownerOf(id);
        }

        @Override
        public Usage usage(Scope owner) {
            return real.usage(owner);
        }

        @Override
        public List<Song> songs() {
            return real.songs();
        }

        @Override
        public long changeCounter() {
            return real.changeCounter();
        }

        @Override
        public void close() {
            real.close();
        }
    }

    @Test
    @DisplayName("an import that fails mid-transaction stores none of its essays, indexes none, and moves no counter")
    void failedImportLeavesStoreAndIndexConsistent() throws Exception {
        RetrievalConfig d = RetrievalConfig.defaults();
        RetrievalConfig retrieval = new RetrievalConfig(d.passages(), d.candidates(), d.chunkMaxChars(), d.rrfK(), false);
        try (SqlEssayStore real = SqlEssayStore.open(dir.resolve("linernotes.db"));
                LuceneIndex index = LuceneIndex.open(dir.resolve("index"), IndexLayout.of(retrieval, null))) {
            IndexMaintainer maintainer = new IndexMaintainer(index, Chunker.of(retrieval), null);
            EssayChanges changes = new EssayChanges() {
                @Override
                public void saved(List<Essay> essays, long changeCounter) {
                    maintainer.onSaved(essays, changeCounter, IndexMaintainer.Progress.NONE);
                }

                @Override
                public void removed(long essayId, long changeCounter) {
                    maintainer.onRemoved(essayId, changeCounter);
                }
            };
            EssayParser parser = new EssayParser(EssayConfig.defaults());
            EssayService good = new EssayService(real, parser, changes);
            EssayService poisoned = new EssayService(new PoisonedImports(real), parser, changes);
            maintainer.syncWith(real);
            good.importFile("one.md", essay(1).getBytes(StandardCharsets.UTF_8), Scope.GLOBAL);
            long counter = real.changeCounter();
            Set<Long> ids = ids(real.all());

            String twoEssays = "{\"title\":\"Amber Ferry\",\"artist\":\"The Harbour Keepers\",\"text\":\"A ferry crosses at dawn.\"}\n"
                    + "{\"title\":\"Cobalt Ferry\",\"artist\":\"The Harbour Keepers\",\"text\":\"A ferry crosses at dusk.\"}\n";
            RuntimeException failure = assertThrows(RuntimeException.class, () ->
                    poisoned.importFile("two.jsonl", twoEssays.getBytes(StandardCharsets.UTF_8), Scope.GLOBAL));
            assertTrue(failure.getMessage().contains("without a title"), failure.getMessage());

            assertEquals(ids, ids(real.all()), "nothing of the failed import was stored");
            assertEquals(counter, real.changeCounter(), "the change counter did not move");
            assertEquals(ids, index.essayIds(), "the index holds exactly the store's essays");
            assertEquals(counter, index.indexedChangeCounter().orElseThrow());
            assertTrue(real.songs().stream().noneMatch(s -> s.title().contains("Ferry")), "no half-made song rows");

            // The same essays through a working door are stored and indexed normally afterwards.
            EssayService.ImportResult ok = good.importFile("two.jsonl", twoEssays.getBytes(StandardCharsets.UTF_8), Scope.GLOBAL);
            assertEquals(2, ok.added().size());
            assertEquals(ids(real.all()), index.essayIds());
            assertEquals(real.changeCounter(), index.indexedChangeCounter().orElseThrow());
        }
    }

    private static Set<Long> ids(List<Essay> essays) {
        Set<Long> ids = new TreeSet<>();
        essays.forEach(e -> ids.add(e.id()));
        return ids;
    }
}
