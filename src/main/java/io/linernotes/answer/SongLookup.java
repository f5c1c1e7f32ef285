package io.linernotes.answer;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.song.SongResolution;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The songs the store knows, as the answer service needs them; kept current as essays change. */
public interface SongLookup {

    /** Resolves the song option of {@code /meaning}. */
    SongResolution resolve(String text, Scope reader);

    /** Finds a song named somewhere in a free question; NotFound when none is named. */
    SongResolution findInQuestion(String question, Scope reader);

    /** Autocomplete: songs for what has been typed so far, best first. */
    List<Song> suggest(String typed, Scope reader, int limit);

    /** Stored songs of the artist {@code artist} names (typos and word order forgiven), at most {@code limit}. */
    List<Song> songsBy(String artist, Scope reader, int limit);

    /** Ids of the visible songs whose main artist's full name the question contains (as whole words). */
    Set<Long> songsOfArtistsNamedIn(String question, Scope reader);

    Optional<Song> byId(long id);

    /** The song {@code id} if {@code reader} may see it (one of its essays is shared or the reader's own). */
    Optional<Song> byId(long id, Scope reader);
}
