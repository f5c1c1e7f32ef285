package io.linernotes.essay;

import java.util.List;

/**
 * An essay as parsed from input, before it is stored: the song it is about, who wrote it or where it came
 * from, and the body as paragraphs separated by blank lines. {@code year}, {@code album}, {@code author}
 * and {@code source} may be null.
 */
public record EssayDraft(
        String title,
        String artist,
        List<String> featured,
        Integer year,
        String album,
        String author,
        String source,
        String body) {

    public EssayDraft {
        featured = featured == null ? List.of() : List.copyOf(featured);
    }
}
