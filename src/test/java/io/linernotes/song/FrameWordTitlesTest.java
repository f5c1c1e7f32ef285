package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.text.StopWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * In a large catalogue every word that frames a question ("about", "meaning", "story", "message", "line") is some
 * song's title, often by the artist asked about or featuring them. Cases generated from the fixture catalogue:
 * each artist of a shared song gets songs titled with frame words, credited to them or featuring them, and each
 * of their songs is asked about in the phrasings people use. The question is about the title it types; a title of
 * frame words is still found when it is what the user names.
 */
class FrameWordTitlesTest {

    private static final List<String> PHRASINGS = List.of("What is %s by %s about?", "%s by %s meaning",
            "what does %s by %s mean", "What's the story behind %s by %s?", "explain the message of %s by %s",
            "what is the theme of %s by %s", "what line in %s by %s is about");
    private static final List<String> FRAME_TITLES = List.of("About", "Meaning", "Mean", "Story", "Message", "Theme",
            "Line", "Explain");

    @Test
    @DisplayName("a question about a song is about the title it types, not a song titled with its frame words")
    void frameWordsNameNoSong() {
        List<SongCatalog.Entry> entries = new ArrayList<>(FixtureCatalogue.load().entries);
        List<Song> asked = new ArrayList<>();
        List<Song> framed = new ArrayList<>();
        Set<String> artists = new java.util.HashSet<>();
        long id = 1_000_000;
        for (SongCatalog.Entry e : FixtureCatalogue.load().entries) {
            Song s = e.song();
            if (s.artist().isBlank() || !e.scopes().contains(Scope.GLOBAL) || !artists.add(s.artist())
                    || FRAME_TITLES.stream().anyMatch(t -> s.title().equalsIgnoreCase(t))) {
                continue;
            }
            asked.add(s);
            for (int k = 0; k < 2; k++) {
                String title = FRAME_TITLES.get((asked.size() * 2 + k) % FRAME_TITLES.size());
                // one credited to the artist, one by another artist featuring them
                Song f = k == 0 ? new Song(++id, title, s.artist(), List.of(), 2001, null)
                        : new Song(++id, title + " (Remix)", "Corvin Ashdale", List.of(s.artist()), 2002, null);
                framed.add(f);
                entries.add(new SongCatalog.Entry(f, Set.of(Scope.GLOBAL), "\u201c" + f.title()
                        + "\u201d is a song by " + f.artist() + (k == 0 ? "." : " featuring " + s.artist() + ".")));
            }
        }
        SongResolver resolver = new SongResolver(SongCatalog.of(entries));
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (Song s : asked) {
            for (String phrasing : PHRASINGS) {
                String question = String.format(Locale.ROOT, phrasing, s.title(), s.artist());
                cases++;
                SongResolution r = resolver.findInQuestion(question, Scope.GLOBAL);
                if (!(r instanceof SongResolution.Found f && f.song().id() == s.id())) {
                    wrong.add(question + " -> " + r);
                }
            }
        }
        for (Song f : framed) {
            if (f.featured().isEmpty()) {
                String question = "What is " + f.title() + " by " + f.artist() + " about?";
                cases++;
                SongResolution r = resolver.findInQuestion(question, Scope.GLOBAL);
                if (!(r instanceof SongResolution.Found found && found.song().id() == f.id())) {
                    wrong.add(question + " -> " + r);
                }
            }
        }
        System.out.printf("FRAME WORDS: %d of %d questions resolved to the song they name%n", cases - wrong.size(), cases);
        assertEquals(List.of(), wrong, wrong.size() + " of " + cases);
        assertTrue(StopWords.QUESTION_FRAME.containsAll(
                FRAME_TITLES.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList()), "the titles are frame words");
    }
}
