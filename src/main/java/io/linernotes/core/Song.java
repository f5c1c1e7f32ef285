package io.linernotes.core;

import java.util.List;
import java.util.Objects;

/**
 * A song of the catalogue. {@code id} is the store's; {@code featured} lists featured artists in credit
 * order; {@code year} and {@code album} may be null.
 */
public record Song(long id, String title, String artist, List<String> featured, Integer year, String album) {

    public Song {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(artist, "artist");
        featured = featured == null ? List.of() : List.copyOf(featured);
    }

    /** "Title — Artist (feat. X) · Year", the label used in lists, sources and autocomplete. */
    public String label() {
        StringBuilder sb = new StringBuilder(title).append(" — ").append(artist);
        if (!featured.isEmpty()) {
            sb.append(" (feat. ").append(String.join(", ", featured)).append(')');
        }
        if (year != null) {
            sb.append(" · ").append(year);
        }
        return sb.toString();
    }
}
