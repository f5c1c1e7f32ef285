package io.linernotes.song;

import io.linernotes.core.Song;
import java.util.List;

/** The outcome of finding a song from what a user typed: found, ambiguous, or not found. Never a guess. */
public sealed interface SongResolution
        permits SongResolution.Found, SongResolution.Ambiguous, SongResolution.NotFound {

    /**
     * The asker credited the song to someone else. {@code claimedArtist} is what they wrote;
     * {@code featured} is true when that artist features on the song (as Pusha T on "Runaway").
     */
    record Misattribution(String claimedArtist, boolean featured) {
    }

    /** {@code misattribution} is null when the asker named the right artist or none. */
    record Found(Song song, double confidence, Misattribution misattribution) implements SongResolution {
    }

    /** Several songs fit about as well; best first. */
    record Ambiguous(List<Candidate> candidates) implements SongResolution {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * No song fits. {@code title} and {@code artist} are what the query was understood to name (either may be
     * null), so a refusal can say what it looked for instead of repeating a whole question.
     */
    record NotFound(String query, String title, String artist) implements SongResolution {
        public NotFound(String query) {
            this(query, null, null);
        }
    }

    record Candidate(Song song, double score) {
    }
}
