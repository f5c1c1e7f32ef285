package io.linernotes.retrieval;

import io.linernotes.core.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the passages that best answer a question, lexically and semantically, fused. */
public interface Retriever {

    /**
     * The best {@code limit} passages for {@code question} visible from {@code reader}; when
     * {@code songIds} is not empty only passages of those songs.
     */
    List<RetrievedPassage> retrieve(String question, Set<Long> songIds, Scope reader, int limit);

    /**
     * Every passage of song {@code songId} visible from {@code reader}, ranked for {@code question}: the
     * passage that answers first (see {@link SongPassageRanking}); at most {@code limit}. {@code songNames}
     * (title, artist, featured artists) are taken out of the question before its words are matched; an empty
     * question asks what the song means.
     */
    List<RetrievedPassage> rankSong(String question, long songId, List<String> songNames, Scope reader, int limit);

    /**
     * The opening passages of the essays on {@code songIds} visible from {@code reader}: first passages first,
     * at most {@code limit}; a fused score of 0 since no question ranked them.
     */
    List<RetrievedPassage> openings(Set<Long> songIds, Scope reader, int limit);

    /** How rare each word is in the indexed passages (inverse document frequency; 0 when unknown to it). */
    Map<String, Double> rarity(List<String> words);

    /**
     * Songs whose passages contain {@code line} as a phrase (after normalising quotes and case), best
     * first: how a quoted lyric line finds its song.
     */
    List<Long> songsQuoting(String line, Scope reader, int limit);
}
