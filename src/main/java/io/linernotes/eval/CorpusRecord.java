package io.linernotes.eval;

/**
 * The fields of a corpus record (wikipedia-songs shape) that scoring needs. {@code artist} and
 * {@code wikiTitle} may be null.
 */
public record CorpusRecord(String id, String title, String artist, String wikiTitle, String text) {
}
