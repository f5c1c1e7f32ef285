package io.linernotes.answer;

import io.linernotes.core.Song;
import java.util.List;

/**
 * What the answer service returns; transports only render it. {@code notes} come before the text (for
 * example the correction of a wrong artist); {@code candidates} are filled when the song is ambiguous.
 * {@code sources} are the cited passages, numbered as the text cites them; {@code read} is every passage the
 * model was given, in ranking order and numbered so, with its score (what evaluation scores and what a model's
 * cost is estimated from).
 */
public record Answer(
        Status status,
        String text,
        List<String> notes,
        List<Source> sources,
        Song song,
        List<Song> candidates,
        String generatedBy,
        List<Source> read) {

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
        read = read == null ? sources : List.copyOf(read);
    }

    /** The texts of the passages read, in ranking order. */
    public List<String> readTexts() {
        return read.stream().map(Source::passage).toList();
    }

    /** An answer whose passages read are exactly its sources. */
    public Answer(Status status, String text, List<String> notes, List<Source> sources, Song song,
            List<Song> candidates, String generatedBy) {
        this(status, text, notes, sources, song, candidates, generatedBy, null);
    }
}
