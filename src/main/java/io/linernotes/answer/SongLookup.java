package io.linernotes.answer;

import io.linernotes.essay.Scope;
import io.linernotes.song.Song;
import io.linernotes.song.SongResolution;
import java.util.List;
import java.util.Optional;

/** The songs the store knows, as the answer service needs them; kept current as essays change. */
public interface SongLookup {

    /** Resolves the song option of {@code /meaning}. */
    SongResolution resolve(String text, Scope reader);

    /** Finds a song named somewhere in a free question; NotFound when none is named. */
    SongResolution findInQuestion(String question, Scope reader);

    /** Autocomplete: songs for what has been typed so far, best first. */
    List<Song> suggest(String typed, Scope reader, int limit);

    Optional<Song> byId(long id);
}
