package io.linernotes.essay;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.song.OpeningFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system of record for essays, their revisions and the song catalogue. Every write is one
 * transaction. One implementation, {@link SqlEssayStore}, on either engine of the store (SQLite or PostgreSQL).
 */
public interface EssayStore extends AutoCloseable {

    /**
     * Outcome of {@link #add}: the stored essay, whether an identical one already existed, and the live essays
     * of servers that moved to the essay's song because a shared import brought it (their search passages and
     * the catalogue must follow).
     */
    record Saved(Essay essay, boolean unchanged, List<Essay> moved) {
        public Saved {
            moved = moved == null ? List.of() : List.copyOf(moved);
        }

        public Saved(Essay essay, boolean unchanged) {
            this(essay, unchanged, List.of());
        }
    }

    /**
     * Stores a new essay in {@code scope}. An essay with the same song, scope and body already stored is
     * returned as is with {@code unchanged = true}: re-importing the same content changes nothing.
     */
    Saved add(EssayDraft draft, Scope scope);

    /**
     * Stores many essays in one transaction (an import): all of them or, on any failure, none. Each is
     * idempotent as {@link #add} is.
     */
    List<Saved> addAll(List<EssayDraft> drafts, Scope scope);

    /** Replaces the content of essay {@code id} (a new revision), if {@code actor} may see and own it. */
    Optional<Essay> update(long id, EssayDraft draft, Scope actor);

    /** Removes essay {@code id} (its revisions stay, so it can be restored), if owned by {@code actor}. */
    boolean remove(long id, Scope actor);

    /** Brings back revision {@code revision} of essay {@code id} as a new revision, also after a removal. */
    Optional<Essay> restore(long id, int revision, Scope actor);

    Optional<Essay> get(long id);

    /** Essays visible from {@code reader}: its own and the global ones, newest first. */
    List<Essay> list(Scope reader);

    /** Every live essay, in id order: what the search index is built from. */
    List<Essay> all();

    /**
     * One live essay as the song catalogue needs it: its song, its scope and what the opening of its body teaches
     * (other names of the song, credits), without the body.
     */
    record Opening(long essayId, Song song, Scope scope, OpeningFacts opening) {
    }

    /** Every live essay's {@link Opening}, in id order. */
    List<Opening> openings();

    /**
     * The words more than {@code limit} songs' openings hold, with in how many each occurs, as the store keeps
     * them; empty when it cannot say (the catalogue then counts them itself).
     */
    Optional<Map<String, Integer>> openingWordsAbove(int limit);

    List<EssayRevision> history(long id);

    /** Who owns essay {@code id}, also when it has been removed; empty when there never was such an essay. */
    Optional<Scope> ownerOf(long id);

    /** What one scope holds: its live essays, and the revisions of all its essays (removed ones included). */
    record Usage(int liveEssays, long revisions) {
    }

    /** How much {@code owner} stores: what the per-server limits are checked against. */
    Usage usage(Scope owner);

    /** Songs that have at least one live essay. */
    List<Song> songs();

    /**
     * A number that grows with every committed write. The search index records the value it was built
     * at; a different value at start means the store changed behind it.
     */
    long changeCounter();

    @Override
    void close();
}
