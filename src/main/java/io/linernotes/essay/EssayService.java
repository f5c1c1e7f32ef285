package io.linernotes.essay;

import io.linernotes.config.EssayConfig;
import io.linernotes.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What moderators and importers do with essays: add, import, edit, remove, restore, show, list. Parses and
 * validates input, writes through the store (one transaction per call), then brings the index and the
 * catalogue up to date before returning, so a new essay is answerable at once.
 */
public final class EssayService {

    private static final Logger log = LoggerFactory.getLogger(EssayService.class);

    /** What an import did: the essays stored anew or changed, and how many were already there as they are. */
    public record ImportResult(List<Essay> added, int unchanged, List<String> warnings) {
        public ImportResult {
            added = List.copyOf(added);
            warnings = List.copyOf(warnings);
        }
    }

    private final EssayStore store;
    private final EssayParser parser;
    private final EssayChanges changes;
    private final EssayConfig limits;
    /**
     * Held from a store write until the index has taken it. Without it two concurrent writers could
     * commit at counters 5 and 6, and the first would then index its essays under counter 6: a crash
     * before the second indexed its own left an index that claims change 6 without holding it, and the
     * next start would trust it. SQLite and the index maintainer serialise writes anyway, so this costs
     * no parallelism.
     */
    private final Object writes = new Object();

    public EssayService(EssayStore store, EssayParser parser, EssayChanges changes) {
        this(store, parser, changes, EssayConfig.defaults());
    }

    /** {@code limits}: the per-server limits on essays and revisions are read from it. */
    public EssayService(EssayStore store, EssayParser parser, EssayChanges changes, EssayConfig limits) {
        this.store = store;
        this.parser = parser;
        this.changes = changes;
        this.limits = limits;
    }

    /**
     * Refuses a write that would take a server past its limits: {@code newEssays} more live essays and
     * {@code newRevisions} more revisions. Shared (operator) writes have no limit. Called under {@link #writes},
     * so two writes of one process cannot both pass the last free place.
     */
    private void checkLimits(Scope scope, int newEssays, int newRevisions) throws EssayLimitException {
        if (scope.isGlobal()) {
            return;
        }
        EssayStore.Usage usage = store.usage(scope);
        if (newEssays > 0 && usage.liveEssays() + newEssays > limits.maxEssaysPerServer()) {
            log.info("{} reached its limit of {} essays", scope, limits.maxEssaysPerServer());
            throw new EssayLimitException("This server has reached its limit of " + limits.maxEssaysPerServer()
                    + " essays (it has " + usage.liveEssays() + "); nothing was stored. Remove an essay first, or "
                    + "ask the bot's operator to raise essays.maxEssaysPerServer.");
        }
        if (usage.revisions() + newRevisions > limits.maxRevisionsPerServer()) {
            log.info("{} reached its limit of {} revisions", scope, limits.maxRevisionsPerServer());
            throw new EssayLimitException("This server's essays have reached their limit of "
                    + limits.maxRevisionsPerServer() + " saved revisions; nothing was stored. Ask the bot's operator "
                    + "to raise essays.maxRevisionsPerServer.");
        }
    }

    /** Imports every essay in one file (any accepted format); a bad record stores nothing of the file. */
    public ImportResult importFile(String fileName, byte[] content, Scope scope) throws EssayFormatException {
        EssayParser.Parsed parsed = parser.parseReport(fileName, content);
        ImportResult result = store(parsed.drafts(), scope);
        return new ImportResult(result.added(), result.unchanged(), parsed.warnings());
    }

    /** Stores already-parsed drafts in one transaction. */
    public ImportResult store(List<EssayDraft> drafts, Scope scope) throws EssayFormatException {
        List<EssayDraft> valid = new ArrayList<>(drafts.size());
        for (EssayDraft draft : drafts) {
            valid.add(parser.validate(draft));
        }
        List<Essay> added;
        int unchanged;
        synchronized (writes) {
            // Counted as if every draft were new: a file at the limit is refused whole, never stored in part.
            checkLimits(scope, valid.size(), valid.size());
            List<EssayStore.Saved> saved = store.addAll(valid, scope);
            added = saved.stream().filter(s -> !s.unchanged()).map(EssayStore.Saved::essay).toList();
            unchanged = saved.size() - added.size();
            if (!added.isEmpty()) {
                changes.saved(withMoved(added, saved), store.changeCounter());
            }
        }
        log.info("stored {} essays in {} ({} unchanged)", added.size(), scope, unchanged);
        return new ImportResult(added, unchanged, List.of());
    }

    /** Adds one essay, e.g. from a Discord form. Returns the stored essay (the existing one if identical). */
    public Essay add(EssayDraft draft, Scope scope) throws EssayFormatException {
        EssayDraft valid = parser.validate(draft);
        synchronized (writes) {
            checkLimits(scope, 1, 1);
            EssayStore.Saved saved = store.add(valid, scope);
            if (!saved.unchanged()) {
                changes.saved(withMoved(List.of(saved.essay()), List.of(saved)), store.changeCounter());
            }
            return saved.essay();
        }
    }

    /** Replaces an essay's content as a new revision; empty when it does not exist or {@code actor} does not own it. */
    public Optional<Essay> edit(long id, EssayDraft draft, Scope actor) throws EssayFormatException {
        EssayDraft valid = parser.validate(draft);
        synchronized (writes) {
            checkLimits(actor, 0, 1);
            Optional<Essay> edited = store.update(id, valid, actor);
            edited.ifPresent(e -> changes.saved(withSongmates(e), store.changeCounter()));
            return edited;
        }
    }

    public boolean remove(long id, Scope actor) {
        synchronized (writes) {
            boolean removed = store.remove(id, actor);
            if (removed) {
                changes.removed(id, store.changeCounter());
            }
            return removed;
        }
    }

    /** Brings back a revision; refused with {@link EssayLimitException} when the server is at one of its limits. */
    public Optional<Essay> restore(long id, int revision, Scope actor) throws EssayLimitException {
        synchronized (writes) {
            // Restoring a removed essay makes it live again: it takes an essay's place as well as a revision's.
            checkLimits(actor, store.get(id).isEmpty() ? 1 : 0, 1);
            Optional<Essay> restored = store.restore(id, revision, actor);
            restored.ifPresent(e -> changes.saved(withSongmates(e), store.changeCounter()));
            return restored;
        }
    }

    /** The essays written, then the servers' essays that moved to their songs (see {@link EssayStore.Saved}). */
    private static List<Essay> withMoved(List<Essay> written, List<EssayStore.Saved> saved) {
        List<Essay> all = new ArrayList<>(written);
        saved.forEach(s -> all.addAll(s.moved()));
        return all;
    }

    /**
     * An edited shared essay, with the servers' essays on its song: an edit that renames a shared essay into
     * a song servers had rows of their own for moves their essays to it, and their passages must follow.
     */
    private List<Essay> withSongmates(Essay edited) {
        if (!edited.scope().isGlobal()) {
            return List.of(edited);
        }
        List<Essay> all = new ArrayList<>(List.of(edited));
        store.all().stream().filter(e -> e.song().id() == edited.song().id() && !e.scope().isGlobal())
                .forEach(all::add);
        return all;
    }

    /** The essay, if {@code reader} may see it. */
    public Optional<Essay> find(long id, Scope reader) {
        return store.get(id).filter(e -> reader.canSee(e.scope()));
    }

    /** Any live essay, whoever owns it: for the operator at the command line only. */
    public Optional<Essay> findAny(long id) {
        return store.get(id);
    }

    public List<Essay> list(Scope reader) {
        return store.list(reader);
    }

    /** The revisions of an essay owned by {@code actor}, oldest first; empty for anyone else. */
    public List<EssayRevision> history(long id, Scope actor) {
        // ownerOf also answers for a removed essay, whose owner may still look back and restore it.
        boolean owns = store.ownerOf(id).map(actor::equals).orElse(false);
        return owns ? store.history(id) : List.of();
    }
}
