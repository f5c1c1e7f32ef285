package io.linernotes.eval;

import java.util.Locale;

/**
 * The ways of naming a song that the generated robustness suite covers, one class per way people get a name
 * wrong (or leave it out). Each question of the suite carries its class in the {@code noise} field, and
 * {@code eval} prints its figures per class.
 */
public enum NoiseClass {
    /** One letter dropped, doubled, swapped or replaced in a title word of five letters or more. */
    TYPO_TITLE,
    /** The title exact, one letter wrong in a word of the artist's name. */
    TYPO_ARTIST,
    /** Two title words run together, or one long word split in two. */
    SPLIT_JOIN,
    /** The artist's family name first, or an acronym written with dots or spaces ("t.l.c", "t l c"). */
    NAME_ORDER,
    /** Accents and punctuation dropped from title and artist. */
    PUNCTUATION_ACCENTS,
    /** Everything lower case, or everything upper case. */
    CASE,
    /** The title alone, with no artist (titles the corpus holds once). */
    TITLE_ONLY,
    /** The song credited to the artist its essay says is featured on it. */
    FEATURED_AS_OWNER,
    /** A question that describes the song with words of its essay and names the artist, not the title. */
    DESCRIPTIVE,
    /** A well-known song the corpus does not hold. */
    ABSENT_FAMOUS,
    /** A stored title with one word changed: a song the corpus does not hold. */
    ABSENT_NEAR_MISS;

    /** The name used in question files and reports ({@code typo-title}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean absent() {
        return this == ABSENT_FAMOUS || this == ABSENT_NEAR_MISS;
    }
}
