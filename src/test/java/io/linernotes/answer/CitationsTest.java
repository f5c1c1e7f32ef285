package io.linernotes.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.linernotes.core.Scope;
import io.linernotes.retrieval.Chunker;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Citations and source entries")
class CitationsTest {

    private static Source source(int n, long essay, String author, String passage) {
        return new Source(n, essay, "Song — Artist · 2001", author, null, Scope.GLOBAL, passage, "Song (Artist)", null,
                null);
    }

    private final List<Source> given = List.of(
            source(1, 1, "Ann", "First passage of Ann's essay, which says one thing."),
            source(2, 1, "Ann", "Second passage of Ann's essay, which says another."),
            source(3, 2, "Bo", "Bo's passage reads it otherwise."),
            source(4, 2, "Bo", "Bo's passage reads it otherwise."));

    @Test
    @DisplayName("renumbers citations from [1] in the order a reader meets them, listing only cited passages")
    void renumbersInReadingOrder() {
        Citations.Numbered n = Citations.renumber("Lead. > a [3]\n> b [1]\n> c [3]", given);

        assertEquals("Lead. > a [1]\n> b [2]\n> c [1]", n.text());
        assertEquals(2, n.sources().size());
        assertEquals(1, n.sources().get(0).number());
        assertEquals(2, n.sources().get(0).essayId());
        assertEquals("Ann", n.sources().get(1).credit());
    }

    @Test
    @DisplayName("merges passages whose entries are identical into one source, and drops numbers it was not given")
    void mergesIdenticalEntries() {
        Citations.Numbered n = Citations.renumber("x [4, 3] y [2][9] z [7]", given);

        assertEquals("x [1] y [2] z", n.text());
        assertEquals(2, n.sources().size());
    }

    @Test
    @DisplayName("an entry says essay, author, section and first words; no author means 'from' the origin")
    void entries() {
        Source withSection = new Source(1, 1, "L", "Wikipedia: Song (CC BY-SA 3.0)", "Wikipedia: Song (CC BY-SA 3.0)",
                Scope.GLOBAL, "Reception\nThe song was praised by critics for its daring and its long outro.",
                "Song (Artist)", "Reception", null);
        assertEquals("Song (Artist), essay #1 from Wikipedia: Song (CC BY-SA 3.0) · Reception · opens: The song was "
                + "praised by critics for its daring and\u2026", withSection.entry());
        Source authored = new Source(1, 1, "L", "Ann", "https://example.org/a", Scope.GLOBAL, "Short one.");
        assertEquals("L, essay #1 by Ann (https://example.org/a) · opens: Short one.", authored.entry());
    }

    @Test
    @DisplayName("a passage's section is the last heading before it, as the chunker glued it on")
    void sections() {
        String body = "Intro paragraph that opens the article and ends here.\n\nBackground\n\nThe first paragraph of "
                + "the background section.\n\nA second paragraph of the background.\n\nReception\n\nCritics liked it.";
        Chunker chunker = new Chunker(1200);
        assertNull(Passages.section(chunker, body, 0));
        assertEquals("Background", Passages.section(chunker, body, 1));
        assertEquals("Background", Passages.section(chunker, body, 2));
        assertEquals("Reception", Passages.section(chunker, body, 3));
        assertEquals("## Lyrics".replaceFirst("^#+\\s*", ""), Passages.heading("## Lyrics\nThe words say this."));
    }

    @Test
    @DisplayName("packed passages: a passage's section is the one open where it starts, and its heading is not its text")
    void packedPassages() {
        String body = "Intro paragraph that opens the article and ends here.\n\nBackground\n\nThe first paragraph of "
                + "the background section.\n\nA second paragraph of it.\n\nReception\n\nCritics liked it.";
        Chunker packing = new Chunker(1200, 60);
        List<String> passages = packing.chunkText(body);
        assertEquals(List.of("Intro paragraph that opens the article and ends here." + Chunker.PARAGRAPH_BREAK
                + "Background\nThe first paragraph of the background section.",
                "A second paragraph of it." + Chunker.PARAGRAPH_BREAK + "Reception\nCritics liked it."), passages);
        assertNull(Passages.section(packing, body, 0));
        assertEquals("Background", Passages.section(packing, body, 1), "the second passage starts in Background");
        assertEquals("Reception", Passages.lastHeading(passages.get(1)));
        assertNull(Passages.heading(passages.get(0)), "a packed paragraph is not a heading");
        assertEquals(passages.get(0), Passages.body(passages.get(0)));

        String opensSection = "Background\nThe first." + Chunker.PARAGRAPH_BREAK + "More of it.";
        assertEquals("Background", Passages.heading(opensSection));
        assertEquals("The first." + Chunker.PARAGRAPH_BREAK + "More of it.", Passages.body(opensSection));
        assertEquals("The first…", Passages.opening(opensSection, 2));
    }
}
