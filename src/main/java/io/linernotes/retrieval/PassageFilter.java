package io.linernotes.retrieval;

import io.linernotes.core.Scope;
import java.util.Set;

/**
 * Which passages a search may return: those a {@code reader} can see (global ones and its own guild's) and,
 * when {@code songIds} is not empty, only those about these songs.
 */
public record PassageFilter(Set<Long> songIds, Scope reader) {

    public PassageFilter {
        songIds = songIds == null ? Set.of() : Set.copyOf(songIds);
        reader = reader == null ? Scope.GLOBAL : reader;
    }

    public static PassageFilter visibleTo(Scope reader) {
        return new PassageFilter(Set.of(), reader);
    }
}
