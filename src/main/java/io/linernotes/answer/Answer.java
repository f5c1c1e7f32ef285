package io.linernotes.answer;

import io.linernotes.song.Song;
import java.util.List;

/**
 * What the answer service returns; transports only render it. {@code notes} come before the text (for
 * example the correction of a wrong artist); {@code candidates} are filled when the song is ambiguous.
 */
public record Answer(
        Status status,
        String text,
        List<String> notes,
        List<Source> sources,
        Song song,
        List<Song> candidates,
        String generatedBy) {

    public enum Status {
        /** Answered from stored essays. */
        ANSWERED,
        /** No essay covers the song or question; no model was called. */
        NO_COMMENTARY,
        /** Several songs fit; the user should pick one of {@code candidates}. */
        AMBIGUOUS
    }

    public Answer {
        notes = notes == null ? List.of() : List.copyOf(notes);
        sources = sources == null ? List.of() : List.copyOf(sources);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
