package io.linernotes.essay;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.time.Instant;

/** A stored essay at its current revision (revisions count from 1). */
public record Essay(
        long id,
        Song song,
        String author,
        String source,
        Scope scope,
        String body,
        Instant createdAt,
        Instant updatedAt,
        int revision) {

    /** Who to credit in a source line: the author, else the source, else "unknown". */
    public String credit() {
        if (author != null && !author.isBlank()) {
            return author;
        }
        if (source != null && !source.isBlank()) {
            return source;
        }
        return "unknown";
    }
}
