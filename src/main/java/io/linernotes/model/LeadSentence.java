package io.linernotes.model;

import io.linernotes.core.Song;
import io.linernotes.text.Folding;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The plain sentence every answer opens with: which song it is about, by whom, from when. For a question that
 * asks which song something is ("Which song tells of …?"), that sentence is the answer itself, so it is put as
 * one ("The song is …").
 */
public final class LeadSentence {

    /** The question asks to identify a song, in any of the usual English forms. */
    private static final Pattern WHICH_SONG = Pattern.compile(
            "\\b(which|what)(?:'s|\u2019s| is| was)?\\s+(?:the\\s+)?(song|track|single|tune|record)s?\\b"
                    + "|\\bname (?:of )?the (song|track|single)\\b",
            Pattern.CASE_INSENSITIVE);

    private LeadSentence() {
    }

    /** The opening sentence for an answer about {@code song} to {@code question} (which may be null). */
    public static String of(Song song, String question) {
        String title = "\u201C" + song.title() + "\u201D";
        String by = song.artist() + featuring(song.featured());
        if (asksWhichSong(question)) {
            return "The song is " + title + " by " + by + (song.year() == null ? "" : " (" + song.year() + ")") + ".";
        }
        return title + " is a " + (song.year() == null ? "" : song.year() + " ") + "song by " + by + ".";
    }

    /** True when {@code question} asks to identify a song rather than to explain one. */
    public static boolean asksWhichSong(String question) {
        return question != null && WHICH_SONG.matcher(question).find();
    }

    /**
     * True when the first sentence of {@code text} names {@code song}'s title (ignoring case, accents, quotes
     * and punctuation): a model's answer that does so needs no lead sentence put in front of it.
     */
    public static boolean firstSentenceNames(String text, Song song) {
        if (text == null || text.isBlank()) {
            return false;
        }
        List<String> sentences = Sentences.split(text.strip());
        String first = sentences.isEmpty() ? text : sentences.get(0);
        String title = fold(song.title());
        return !title.isBlank() && (" " + fold(first) + " ").contains(" " + title + " ");
    }

    private static String featuring(List<String> featured) {
        if (featured.isEmpty()) {
            return "";
        }
        if (featured.size() == 1) {
            return " featuring " + featured.get(0);
        }
        return " featuring " + String.join(", ", featured.subList(0, featured.size() - 1)) + " and "
                + featured.get(featured.size() - 1);
    }

    private static String fold(String s) {
        return Folding.key(s);
    }
}
