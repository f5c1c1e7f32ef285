package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkerTest {

    private static Essay essay(String body) {
        Song song = new Song(7, "Song", "Artist", List.of(), null, null);
        return new Essay(42, song, "a", null, Scope.guild("9"), body, Instant.EPOCH, Instant.EPOCH, 3);
    }

    @Test
    @DisplayName("each blank-line paragraph becomes a passage carrying the essay's ids, positions from 0")
    void paragraphsBecomePassages() {
        List<Passage> passages = new Chunker(1200).chunk(essay("First paragraph.\n\nSecond one!\n \nThird?"));

        assertEquals(List.of("First paragraph.", "Second one!", "Third?"),
                passages.stream().map(Passage::text).toList());
        assertEquals(List.of(0, 1, 2), passages.stream().map(Passage::position).toList());
        Passage p = passages.get(1);
        assertEquals(42, p.essayId());
        assertEquals(3, p.revision());
        assertEquals(7, p.songId());
        assertEquals(Scope.guild("9"), p.scope());
        assertEquals("42:1", p.id());
    }

    @Test
    @DisplayName("a stray heading line is merged into the paragraph that follows it")
    void strayHeadingIsMergedIntoNextPassage() {
        EssayDraft draft = SeedEssays.fixture("harbor-lights-juno-vale.txt");

        List<String> texts = new Chunker(1200).chunkText(draft.body());

        assertEquals(6, texts.size(), "seven blocks, one of them a heading");
        assertTrue(texts.get(2).startsWith("Juno Vale Harbor Lights\nMack Ore’s verse changes"), texts.get(2));
        assertTrue(texts.stream().noneMatch(t -> t.equals("Juno Vale Harbor Lights")));
    }

    @Test
    @DisplayName("several headings in a row all join the next paragraph; a heading at the end is dropped")
    void headingRunsAndTrailingHeading() {
        List<String> texts = new Chunker(1200).chunkText(
                "Intro sentence here.\n\nBackground\n\nRecording\n\nThey recorded it in a barn.\n\nCharts");

        assertEquals(List.of("Intro sentence here.", "Background\nRecording\nThey recorded it in a barn."), texts);
    }

    @Test
    @DisplayName("a paragraph over the cap is split between sentences, losing no text")
    void longParagraphSplitsAtSentences() {
        String paragraph = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "Sentence number " + i + " says something about the song and its long history.")
                .collect(Collectors.joining(" "));
        assertTrue(paragraph.length() > 600);

        List<String> texts = new Chunker(300).chunkText(paragraph);

        assertTrue(texts.size() >= 3, "split into " + texts.size());
        for (String t : texts) {
            assertTrue(t.length() <= 300, "piece of " + t.length() + " chars");
            assertTrue(t.startsWith("Sentence number "), t);
            assertTrue(t.endsWith("history."), t);
        }
        assertEquals(paragraph, String.join(" ", texts));
    }

    @Test
    @DisplayName("a heading before a long paragraph stays on its first piece, within the cap")
    void headingBeforeLongParagraph() {
        String paragraph = "A fairly ordinary sentence about the record, nothing more than that. ".repeat(10).strip();

        List<String> texts = new Chunker(200).chunkText("Composition\n\n" + paragraph);

        assertTrue(texts.get(0).startsWith("Composition\nA fairly ordinary"), texts.get(0));
        texts.forEach(t -> assertTrue(t.length() <= 200, "piece of " + t.length() + " chars"));
    }

    @Test
    @DisplayName("one sentence longer than the cap is cut between words")
    void overlongSentenceCutBetweenWords() {
        String sentence = "word ".repeat(100).strip() + ".";

        List<String> texts = new Chunker(150).chunkText(sentence);

        assertTrue(texts.size() >= 4);
        texts.forEach(t -> assertTrue(t.length() <= 150 && !t.startsWith(" ") && !t.endsWith(" "), t));
        assertEquals(sentence, String.join(" ", texts));
    }

    @ParameterizedTest(name = "\"{0}\" looks like a heading: {1}")
    @CsvSource(delimiter = '|', value = {
        "Chart performance|true",
        "Kanye West Runaway|true",
        "The song verses close with the refrain:-|true",
        "The music video featured Lisa Ray.|false",
        "Really?|false",
        "“It ends here.”|false",
        "A line that is long enough to be a real sentence even without punctuation at its end|false",
    })
    void headingDetection(String paragraph, boolean heading) {
        assertEquals(heading, Chunker.isHeadingLike(paragraph));
    }

    @Test
    @DisplayName("an empty body has no passages")
    void emptyBody() {
        assertTrue(new Chunker(1200).chunkText("  \n\n ").isEmpty());
        assertFalse(new Chunker(1200).chunkText("Just this.").isEmpty());
    }
}
