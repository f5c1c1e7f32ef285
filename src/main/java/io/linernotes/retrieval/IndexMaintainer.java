package io.linernotes.retrieval;

import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link LuceneIndex} a faithful copy of the essay store. At start {@link #syncWith} trusts the
 * index only if it is readable, was built under the same layout (model, chunk size, schema) and at the
 * store's current change counter; otherwise it rebuilds it from the store. Afterwards {@link #onSaved} and
 * {@link #onRemoved} apply each write as it happens.
 *
 * <p>Embeddings go through the given (normally caching) {@link Embedder}, so a rebuild embeds only text it
 * has never seen. Its operations are serialised (each write is indexed and committed before the next
 * starts); callers should report writes in the order the store committed them, so that the counter the
 * index records never runs ahead of the changes it holds.
 */
public final class IndexMaintainer {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintainer.class);

    /** Passages embedded per progress step during a rebuild. */
    static final int REBUILD_BATCH = 64;

    /** Receives rebuild progress: {@code done} of {@code total} passages embedded and indexed. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /** What {@link #syncWith} did and why. */
    public record SyncResult(boolean rebuilt, String reason, int essays, int passages, long embedded, Duration took) {
    }

    private final LuceneIndex index;
    private final Chunker chunker;
    private final Embedder embedder;

    /**
     * @param embedder used when the index layout has vectors (normally a {@link CachingEmbedder}); may be
     *                 null when it has none
     */
    public IndexMaintainer(LuceneIndex index, Chunker chunker, Embedder embedder) {
        this.index = Objects.requireNonNull(index, "index");
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        if (index.layout().vectors()) {
            Objects.requireNonNull(embedder, "an embedder is needed for an index with vectors");
            if (!embedder.modelId().equals(index.layout().modelId())) {
                throw new IllegalArgumentException("embedder " + embedder.modelId()
                        + " does not match the index layout " + index.layout().modelId());
            }
        }
        if (chunker.maxChars() != index.layout().chunkMaxChars()
                || chunker.minChars() != index.layout().chunkMinChars()) {
            throw new IllegalArgumentException("chunker " + chunker.maxChars() + "/" + chunker.minChars()
                    + " does not match the index layout " + index.layout().chunkMaxChars() + "/"
                    + index.layout().chunkMinChars());
        }
        this.embedder = index.layout().vectors() ? embedder : null;
    }

    public SyncResult syncWith(EssayStore store) {
        return syncWith(store, Progress.NONE);
    }

    /** Rebuilds the index from {@code store} unless it is already current; see the class comment. */
    public synchronized SyncResult syncWith(EssayStore store, Progress progress) {
        long start = System.nanoTime();
        long storeCounter = store.changeCounter();
        String reason = staleReason(storeCounter);
        if (reason == null) {
            SyncResult result = new SyncResult(false, "current", 0, index.passageCount(), 0, since(start));
            log.info("Search index is current at change {} ({} passages); checked in {} ms",
                    storeCounter, result.passages(), result.took().toMillis());
            return result;
        }
        return rebuild(store, reason, progress, start);
    }

    /**
     * Rebuilds the index from {@code store} and records {@code applied} as the last change-log entry it holds;
     * {@code applied} must be read before the store is: a change committed meanwhile is then applied again
     * afterwards (harmless), never skipped.
     */
    public synchronized SyncResult rebuild(EssayStore store, String reason, LuceneIndex.AppliedChange applied,
            Progress progress) {
        return rebuild(store, reason, progress, System.nanoTime(), applied);
    }

    /**
     * Applies one batch of the change log: {@code saved} essays are indexed in place of their old passages,
     * {@code removed} ones dropped, and one commit records {@code applied} as the last entry the index holds.
     */
    public synchronized void apply(List<Essay> saved, List<Long> removed, long changeCounter,
            LuceneIndex.AppliedChange applied, Progress progress) {
        long start = System.nanoTime();
        for (long essayId : removed) {
            index.removeEssay(essayId);
        }
        List<Passage> passages = new ArrayList<>();
        for (Essay essay : saved) {
            List<Passage> chunks = chunker.chunk(essay);
            if (chunks.isEmpty()) {
                index.removeEssay(essay.id());
            }
            passages.addAll(chunks);
        }
        indexInBatches(passages, progress);
        index.commit(changeCounter, applied);
        log.info("Applied changes up to {}: {} essays indexed ({} passages), {} removed, in {} ms",
                applied.id(), saved.size(), passages.size(), removed.size(), since(start).toMillis());
    }

    /** Rebuilds the index from {@code store} whether or not it is current (the {@code reindex} command). */
    public synchronized SyncResult rebuild(EssayStore store, Progress progress) {
        return rebuild(store, "asked to rebuild", progress, System.nanoTime());
    }

    private SyncResult rebuild(EssayStore store, String reason, Progress progress, long start) {
        return rebuild(store, reason, progress, start, index.indexedChange().orElse(null));
    }

    private SyncResult rebuild(EssayStore store, String reason, Progress progress, long start,
            LuceneIndex.AppliedChange applied) {
        long storeCounter = store.changeCounter();
        log.info("Rebuilding the search index: {}", reason);
        List<Essay> essays = store.all();
        List<Passage> passages = new ArrayList<>();
        for (Essay essay : essays) {
            passages.addAll(chunker.chunk(essay));
        }
        long computedBefore = computedBy(embedder);
        index.clear();
        indexInBatches(passages, progress);
        index.commit(storeCounter, applied);
        long embedded = embedder == null ? 0
                : embedder instanceof CachingEmbedder ? computedBy(embedder) - computedBefore : passages.size();
        SyncResult result = new SyncResult(true, reason, essays.size(), passages.size(), embedded, since(start));
        log.info("Rebuilt the search index at change {}: {} essays, {} passages, {} newly embedded, in {} ms",
                storeCounter, essays.size(), passages.size(), embedded, result.took().toMillis());
        return result;
    }

    /**
     * Indexes the current revisions of {@code essays} in place of their old passages and commits once: an
     * import of many essays embeds in batches over the embedder's workers instead of one essay at a time.
     */
    public synchronized void onSaved(List<Essay> essays, long changeCounter, Progress progress) {
        long start = System.nanoTime();
        List<Passage> passages = new ArrayList<>();
        for (Essay essay : essays) {
            List<Passage> chunks = chunker.chunk(essay);
            if (chunks.isEmpty()) {
                index.removeEssay(essay.id());
            }
            passages.addAll(chunks);
        }
        indexInBatches(passages, progress);
        index.commit(changeCounter);
        log.info("Indexed {} essays ({} passages) at change {} in {} ms",
                essays.size(), passages.size(), changeCounter, since(start).toMillis());
    }

    /** Embeds {@code passages} (grouped by essay, in order) batch by batch and replaces each essay's passages. */
    private void indexInBatches(List<Passage> passages, Progress progress) {
        int done = 0;
        progress.update(0, passages.size());
        // Embedding goes in batches (each spread over the embedder's workers) so progress can be shown;
        // an essay's passages may span two batches, and are indexed together once its last one is embedded.
        List<Passage> pendingEssay = new ArrayList<>();
        List<float[]> pendingVectors = new ArrayList<>();
        for (int from = 0; from < passages.size(); from += REBUILD_BATCH) {
            List<Passage> batch = passages.subList(from, Math.min(passages.size(), from + REBUILD_BATCH));
            List<float[]> vectors = embedder == null ? null : embedder.embedAll(texts(batch));
            for (int i = 0; i < batch.size(); i++) {
                Passage p = batch.get(i);
                if (!pendingEssay.isEmpty() && pendingEssay.get(0).essayId() != p.essayId()) {
                    index.replaceEssay(pendingEssay.get(0).essayId(), pendingEssay, pendingVectors);
                    pendingEssay = new ArrayList<>();
                    pendingVectors = new ArrayList<>();
                }
                pendingEssay.add(p);
                if (vectors != null) {
                    pendingVectors.add(vectors.get(i));
                }
            }
            done += batch.size();
            progress.update(done, passages.size());
        }
        if (!pendingEssay.isEmpty()) {
            index.replaceEssay(pendingEssay.get(0).essayId(), pendingEssay, pendingVectors);
        }
    }

    /** Indexes the current revision of {@code essay} in place of its old passages, and commits. */
    public synchronized void onSaved(Essay essay, long changeCounter) {
        long start = System.nanoTime();
        List<Passage> passages = chunker.chunk(essay);
        List<float[]> vectors = embedder == null ? null : embedder.embedAll(texts(passages));
        index.replaceEssay(essay.id(), passages, vectors);
        index.commit(changeCounter);
        log.info("Indexed essay {} r{} ({} passages) at change {} in {} ms",
                essay.id(), essay.revision(), passages.size(), changeCounter, since(start).toMillis());
    }

    /** Removes the passages of essay {@code essayId}, and commits. */
    public synchronized void onRemoved(long essayId, long changeCounter) {
        long start = System.nanoTime();
        index.removeEssay(essayId);
        index.commit(changeCounter);
        log.info("Removed essay {} from the search index at change {} in {} ms",
                essayId, changeCounter, since(start).toMillis());
    }

    /**
     * Why the index cannot be used at all (unreadable, never committed, built under another layout), or null when
     * it can be brought up to date change by change.
     */
    public String unusableReason() {
        OptionalLong indexed = index.indexedChangeCounter();
        if (indexed.isEmpty()) {
            if (index.found() == LuceneIndex.Found.UNREADABLE) {
                return "the index was unreadable";
            }
            return index.found() == LuceneIndex.Found.MISSING ? "no index yet" : "the index was never committed";
        }
        String layout = index.indexedLayout().orElse("unknown");
        if (!layout.equals(index.layout().signature())) {
            return "the index was built as " + layout + ", now " + index.layout().signature();
        }
        return null;
    }

    /** Why the index cannot be trusted as it is, or null when it can. */
    private String staleReason(long storeCounter) {
        String unusable = unusableReason();
        if (unusable != null) {
            return unusable;
        }
        long indexed = index.indexedChangeCounter().getAsLong();
        if (indexed != storeCounter) {
            return "the store is at change " + storeCounter + ", the index at " + indexed;
        }
        return null;
    }

    private static List<String> texts(List<Passage> passages) {
        List<String> texts = new ArrayList<>(passages.size());
        for (Passage p : passages) {
            texts.add(p.text());
        }
        return texts;
    }

    private static long computedBy(Embedder embedder) {
        return embedder instanceof CachingEmbedder caching ? caching.computedCount() : 0;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
