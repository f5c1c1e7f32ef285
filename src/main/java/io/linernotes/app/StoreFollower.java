package io.linernotes.app;

import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayStore;
import io.linernotes.retrieval.IndexMaintainer;
import io.linernotes.retrieval.LuceneIndex;
import io.linernotes.retrieval.LuceneIndex.AppliedChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this process's search index (and, through {@link Applied}, its song catalogue) in step with the store's
 * change log, the truth every process follows. The index records the last log entry it applied; at start the
 * follower applies the entries after it, and rebuilds only when the index is unusable or the log no longer holds
 * that entry (another store, or a restored one). While running it is woken (a local write, a NOTIFY, a poll)
 * and applies what is new, in log order, page by page, one index commit per page.
 *
 * <p>An entry names an essay; the follower reads the essay as the store has it now: live, it is indexed again,
 * gone, it is removed. Several entries of one essay in a page are one read. The store logs every essay a write
 * touched, the servers' essays an import or edit moved onto a shared song included, so those follow too.
 */
public final class StoreFollower {

    private static final Logger log = LoggerFactory.getLogger(StoreFollower.class);
    /** Log entries applied per index commit. */
    static final int PAGE = 500;

    /** One entry of the change log: essay {@code essayId} changed, as entry {@code id}, at {@code atMillis}. */
    public record Entry(long id, long essayId, long atMillis) {
        AppliedChange applied() {
            return new AppliedChange(id, atMillis);
        }
    }

    /** The store's change log, as the follower reads it. */
    public interface Log {
        /** Entries with an id above {@code afterId}, oldest first, at most {@code limit}. */
        List<Entry> since(long afterId, int limit);

        /** The store's change counter (what the index also records, for the consistency check). */
        long changeCounter();

        /** The newest entry, if any. */
        default Optional<Entry> latest() {
            Optional<Entry> newest = Optional.empty();
            long after = 0;
            for (List<Entry> page = since(after, PAGE); !page.isEmpty(); page = since(after, PAGE)) {
                newest = Optional.of(page.get(page.size() - 1));
                after = newest.get().id();
            }
            return newest;
        }
    }

    /** Told after each applied page, with the essays indexed and the ids removed. */
    @FunctionalInterface
    public interface Applied {
        void applied(List<Essay> saved, List<Long> removed);
    }

    /** What {@link #start} did. */
    public record Started(boolean rebuilt, String how, long changesApplied, Duration took) {
    }

    private final EssayStore store;
    private final Log changes;
    private final IndexMaintainer maintainer;
    private final LuceneIndex index;
    private final Applied listener;
    private AppliedChange last = AppliedChange.NONE;
    private boolean stopped;

    public StoreFollower(EssayStore store, Log changes, IndexMaintainer maintainer, LuceneIndex index,
            Applied listener) {
        this.store = store;
        this.changes = changes;
        this.maintainer = maintainer;
        this.index = index;
        this.listener = listener;
    }

    /** Brings the index up to date at start: change by change from where it stopped, or by a rebuild. */
    public synchronized Started start(IndexMaintainer.Progress progress) {
        long begun = System.nanoTime();
        String unusable = maintainer.unusableReason();
        Optional<AppliedChange> recorded = index.indexedChange();
        if (unusable == null && recorded.isPresent() && logHolds(recorded.get())) {
            last = recorded.get();
            long applied = catchUp(progress);
            log.info("Search index caught up from change {}: {} changes applied", recorded.get().id(), applied);
            return new Started(false, "caught up " + applied + " changes after change " + recorded.get().id(),
                    applied, since(begun));
        }
        if (unusable == null && recorded.isEmpty()
                && index.indexedChangeCounter().getAsLong() == changes.changeCounter()) {
            // Built before the store kept a log, and nothing changed since: it holds everything up to now.
            last = changes.latest().map(Entry::applied).orElse(AppliedChange.NONE);
            index.commit(changes.changeCounter(), last);
            long applied = catchUp(progress);
            return new Started(false, "current", applied, since(begun));
        }
        String reason = unusable != null ? unusable
                : recorded.isPresent() ? "the store's change log does not hold change " + recorded.get().id()
                        + " the index last applied" : "the index predates the change log and the store changed";
        rebuild(reason, progress);
        long applied = catchUp(progress);
        return new Started(true, reason, applied, since(begun));
    }

    /** Rebuilds the index from the store, then applies whatever was logged meanwhile. */
    public synchronized IndexMaintainer.SyncResult rebuild(String reason, IndexMaintainer.Progress progress) {
        // Read before the store: a change committed during the rebuild is applied after it, never skipped.
        AppliedChange latest = changes.latest().map(Entry::applied).orElse(AppliedChange.NONE);
        IndexMaintainer.SyncResult result = maintainer.rebuild(store, reason, latest, progress);
        last = latest;
        listener.applied(List.of(), List.of());
        catchUp(progress);
        return result;
    }

    /** The last change-log entry this process applied. */
    public synchronized AppliedChange lastApplied() {
        return last;
    }

    /** Applies every entry after the last one applied; returns how many were applied (none once stopped). */
    public synchronized long catchUp(IndexMaintainer.Progress progress) {
        long applied = 0;
        while (!stopped) {
            // Read before the entries: the index never records a counter ahead of the changes it holds.
            long counter = changes.changeCounter();
            List<Entry> page = changes.since(last.id(), PAGE);
            if (page.isEmpty()) {
                return applied;
            }
            apply(page, counter, progress);
            applied += page.size();
        }
        return applied;
    }

    /** Waits for a catch-up in progress, and applies nothing after: the index is about to close. */
    public synchronized void stop() {
        stopped = true;
    }

    private void apply(List<Entry> page, long counter, IndexMaintainer.Progress progress) {
        Set<Long> essayIds = new LinkedHashSet<>();
        for (Entry entry : page) {
            essayIds.add(entry.essayId());
        }
        Map<Long, Essay> saved = new LinkedHashMap<>();
        List<Long> removed = new ArrayList<>();
        for (long id : essayIds) {
            Optional<Essay> essay = store.get(id);
            if (essay.isPresent()) {
                saved.put(id, essay.get());
            } else {
                removed.add(id);
            }
        }
        AppliedChange upTo = page.get(page.size() - 1).applied();
        List<Essay> indexed = List.copyOf(saved.values());
        maintainer.apply(indexed, removed, counter, upTo, progress);
        last = upTo;
        listener.applied(indexed, removed);
    }

    /** Whether the log still holds {@code applied} as this index saw it (none applied: an empty start). */
    private boolean logHolds(AppliedChange applied) {
        if (applied.id() == 0) {
            return true;
        }
        List<Entry> at = changes.since(applied.id() - 1, 1);
        return !at.isEmpty() && at.get(0).id() == applied.id() && at.get(0).atMillis() == applied.atMillis();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
