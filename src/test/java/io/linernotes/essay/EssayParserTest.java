package io.linernotes.essay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.EssayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The essay parser reads the three accepted layouts")
class EssayParserTest {

    private final EssayParser parser = new EssayParser(EssayConfig.defaults());

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = EssayParserTest.class.getResourceAsStream("/essays-fixtures/" + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            return in.readAllBytes();
        }
    }

    private EssayDraft single(String name, String text) throws EssayFormatException {
        List<EssayDraft> drafts = parser.parse(name, text.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, drafts.size());
        return drafts.get(0);
    }

    @Test
    @DisplayName("the seed essay on Runaway imports with its exact title, artist, feature, year and body")
    void seedImportsExactly() throws Exception {
        Path seed = Path.of("..", "shared", "seeds", "runaway-kanye-west.txt");
        Assumptions.assumeTrue(Files.exists(seed), "the shared seed " + seed + " is absent");
        String raw = Files.readString(seed);

        EssayDraft draft = single(seed.getFileName().toString(), raw);

        assertEquals("Runaway", draft.title());
        assertEquals("Kanye West", draft.artist());
        assertEquals(List.of("Pusha T"), draft.featured());
        assertEquals(2010, draft.year());
        assertTrue(draft.body().startsWith("Ah, you caught a little snag there, fam."), draft.body());
        assertTrue(draft.body().endsWith("wrapped in a symphony of soulful grooves and piercing bars."));
        assertFalse(draft.body().contains("Released:"));
        assertFalse(draft.body().contains("Features:"));
        assertFalse(draft.body().contains("Meaning of"));
        // Same paragraphs as the file after its three header lines, one blank line between each.
        String[] rawParagraphs = raw.strip().split("\n\\s*\n");
        List<String> expected = List.of(rawParagraphs).subList(3, rawParagraphs.length).stream().map(String::strip).toList();
        assertEquals(String.join("\n\n", expected), draft.body());
        assertEquals(7, draft.body().split("\n\n").length);
    }

    @Test
    @DisplayName("an own essay in the seed layout with ft., two features, CRLF and stray blank lines is normalised")
    void ownSeedLayoutFixture() throws Exception {
        List<EssayDraft> drafts = parser.parse("paper-lanterns-mara-quill.txt", fixture("paper-lanterns-mara-quill.txt"));

        EssayDraft draft = drafts.get(0);
        assertEquals("Paper Lanterns", draft.title());
        assertEquals("Mara Quill", draft.artist());
        assertEquals(List.of("Dev Okoro", "Lio Vance"), draft.featured());
        assertEquals(2019, draft.year());
        assertFalse(draft.body().contains("\r"));
        String[] paragraphs = draft.body().split("\n\n", -1);
        assertEquals(3, paragraphs.length);
        assertTrue(paragraphs[0].startsWith("‘Paper Lanterns’ is a song about letting go"));
        assertTrue(paragraphs[0].endsWith("from the night bus."), "trailing blanks trimmed");
        assertEquals("Dev Okoro’s verse answers her from the other side: he stayed, and the windows are still lit"
                + " for him.\nHe does not sound sorry about it.", paragraphs[1]);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @DisplayName("the first line names title, artist and featured artists however it is quoted and credited")
    @CsvSource(delimiter = '|', value = {
        "Meaning of ‘Runaway’ by ‘Kanye West’ feat. Pusha T            | Runaway        | Kanye West    | Pusha T",
        "Meaning of 'Runaway' by 'Kanye West' ft. Pusha T              | Runaway        | Kanye West    | Pusha T",
        "Meaning of “Runaway” by “Kanye West” featuring Pusha T        | Runaway        | Kanye West    | Pusha T",
        "Meaning of \"Runaway\" by Kanye West & Pusha T                | Runaway        | Kanye West    | Pusha T",
        "Meaning of ‘Don’t Stop Me Now’ by ‘Queen’                     | Don’t Stop Me Now | Queen      | ''",
        "Meaning of ‘Stand by Me’ by ‘Ben E. King’                     | Stand by Me    | Ben E. King   | ''",
        "Meaning of ‘Simon & Garfunkel Song’ by ‘Simon & Garfunkel’    | Simon & Garfunkel Song | Simon & Garfunkel | ''",
        "Meaning of ‘Peaches’ by ‘Justin Bieber’ feat. Daniel Caesar & Giveon | Peaches | Justin Bieber | Daniel Caesar;Giveon",
        "Meaning of ‘Blinding’ by Artist A x Artist B                 | Blinding       | Artist A      | Artist B",
        "Meaning of ‘Duet’ by ‘Ana Lune’ with Ben Hale, Cy Moor        | Duet           | Ana Lune      | Ben Hale;Cy Moor",
        "Meaning of Plain Title by Plain Artist ft. Guest              | Plain Title    | Plain Artist  | Guest",
        "Meaning of ‘Runaway’ by ‘Kanye West’ feat Pusha T             | Runaway        | Kanye West    | Pusha T",
        "Meaning of Plain Title by Plain Artist ft Guest               | Plain Title    | Plain Artist  | Guest",
        "Meaning of ‘Duet’ by ‘Ana Lune’ ft. Ben Hale ft Cy Moor        | Duet           | Ana Lune      | Ben Hale;Cy Moor",
        "Meaning of ‘Duet’ by Ana Lune feat Ben Hale feat. Cy Moor      | Duet           | Ana Lune      | Ben Hale;Cy Moor",
    })
    void titleLineVariants(String firstLine, String title, String artist, String featured) throws Exception {
        EssayDraft draft = single("essay.txt", firstLine + "\n\nThe essay itself.\n");

        assertEquals(title, draft.title());
        assertEquals(artist, draft.artist());
        assertEquals(featured.isEmpty() ? List.of() : List.of(featured.split(";")), draft.featured());
    }

    @Test
    @DisplayName("zero-width and bidi characters are stripped from the title and artist")
    void invisibleCharactersStripped() throws Exception {
        EssayDraft draft = single("essay.txt",
                "Meaning of ‘Run\u200Baway\u202E’ by ‘\uFEFFKanye\u2066 West’\n\nBody.");

        assertEquals("Runaway", draft.title());
        assertEquals("Kanye West", draft.artist());
    }

    @Test
    @DisplayName("Markdown front matter gives every field, accepts a features list with '&', ignores unknown keys")
    void frontMatter() throws Exception {
        List<EssayDraft> drafts = parser.parse("harbour-lights.md", fixture("harbour-lights.md"));

        EssayDraft draft = drafts.get(0);
        assertEquals("Harbour Lights at Noon", draft.title());
        assertEquals("The Tidewater Set", draft.artist());
        assertEquals(List.of("June Ashby", "Rafe Cole", "Ona Vey"), draft.featured());
        assertEquals(2004, draft.year());
        assertEquals("Salt Roads", draft.album());
        assertEquals("Liner Notes contributors", draft.author());
        assertEquals("written for the Liner Notes test fixtures", draft.source());
        assertTrue(draft.body().startsWith("# Why the lights are on at noon\n\nThe band explains"), draft.body());
        assertEquals(3, draft.body().split("\n\n").length);
    }

    @Test
    @DisplayName("front matter accepts 'featured' as a comma string and a year given as text")
    void frontMatterFeaturedString() throws Exception {
        EssayDraft draft = single("x.markdown", "---\ntitle: Song\nartist: Band\nfeatured: A, B & C\nyear: '1999'\n---\nText.\n");

        assertEquals(List.of("A", "B", "C"), draft.featured());
        assertEquals(1999, draft.year());
        assertNull(draft.album());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @DisplayName("without a telling extension the layout is read from the content")
    @CsvSource({
        "upload.bin, '---\ntitle: T\nartist: A\n---\nBody.'",
        "upload, 'Meaning of ‘T’ by ‘A’\n\nBody.'",
        "essay.md, 'Meaning of ‘T’ by ‘A’\n\nBody.'",
        "notes.txt, '---\ntitle: T\nartist: A\n---\nBody.'",
        "bulk.json, '{\"title\": \"T\", \"artist\": \"A\", \"text\": \"Body.\"}'",
    })
    void detectsByContent(String fileName, String content) throws Exception {
        EssayDraft draft = single(fileName, content);

        assertEquals("T", draft.title());
        assertEquals("A", draft.artist());
        assertEquals("Body.", draft.body());
    }

    @Test
    @DisplayName("a jsonl file gives one draft a record, takes a null artist from the lead, sets aside the rest")
    void jsonLines() throws Exception {
        EssayParser.Parsed parsed = parser.parseReport("songs-small.jsonl", fixture("songs-small.jsonl"));

        assertEquals(4, parsed.drafts().size());
        EssayDraft copper = parsed.drafts().get(0);
        assertEquals("Copper Kettle Blues", copper.title());
        assertEquals("Nell Brandt", copper.artist());
        assertEquals(1971, copper.year());
        assertEquals("Wikipedia: Copper Kettle Blues (Nell Brandt song) (CC BY-SA 3.0)", copper.source());
        assertNull(copper.author());
        assertEquals(2, copper.body().split("\n\n").length);

        EssayDraft division = parsed.drafts().get(1);
        assertEquals("Jo Marsh", division.artist());
        assertEquals(List.of("Tye Brook"), division.featured());

        EssayDraft green = parsed.drafts().get(2);
        assertEquals(List.of("Sami Oduya"), green.featured());
        assertEquals(1999, green.year());
        assertEquals("liner notes fixture", green.source());

        assertEquals(1, parsed.warnings().size());
        assertTrue(parsed.warnings().get(0).startsWith("line 4:"), parsed.warnings().get(0));
        assertTrue(parsed.warnings().get(0).contains("Anthem of Nowhere"));
        assertTrue(parsed.warnings().get(0).contains("no artist"));
        EssayDraft anthem = parsed.drafts().get(3);
        assertEquals("Anthem of Nowhere", anthem.title());
        assertEquals(JsonLinesReader.UNKNOWN_ARTIST, anthem.artist());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @DisplayName("a lead names the artist and the featured artist in the ways encyclopaedias write it")
    @CsvSource(delimiter = '|', value = {
        "\"Catch 22\" is a song by Australian rapper Illy featuring English singer, Anne-Marie. The song… | Illy | Anne-Marie",
        "\"Menatap\" is a single by Malaysian artist, Siti Nurhaliza. It is the second…                | Siti Nurhaliza | ''",
        "\"Very\" is a song recorded by South Korean girl group project I.O.I for their second album.      | I.O.I | ''",
        "\"Jack\" is a song by a pioneering British house music act under the name of Jack 'N' Chill consisting of two | Jack 'N' Chill | ''",
        "\"Hell Naw\" is the lead single from Nasty C's debut album, Bad Hair.                            | Nasty C | ''",
        "\"Say It\" is the fourth single from the Pet Shop Boys album Super. It was released…            | Pet Shop Boys | ''",
        "\"Stand by Me\" is a song by Ben E. King, released in 1961.                                      | Ben E. King | ''",
        "\"Shadow\" is a song by English electronic group UNKLE, featuring the vocals of Ian Astbury. Despite… | UNKLE | Ian Astbury",
        "\"Tomodachi\" is a song recorded by Japanese singer-songwriter Utada Hikaru,featuring Nariaki Obukuro from her album | Utada Hikaru | Nariaki Obukuro",
        "\"Vuelvo\" is a song recorded by the Spanish singer-songwriters Malú featuring Pablo Alborán. The…   | Malú | Pablo Alborán",
        "\"Umbrella\" is a song recorded by Barbadian singer Rihanna featuring Jay-Z and Kanye West. It… | Rihanna | Jay-Z;Kanye West",
    })
    void leadArtists(String lead, String artist, String featured) {
        LeadArtistGuesser.Guess guess = LeadArtistGuesser.guess(lead).orElseThrow();

        assertEquals(artist, guess.artist());
        assertEquals(featured.isEmpty() ? List.of() : List.of(featured.split(";")), guess.featured());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @DisplayName("a lead that does not say whose song it is gives no guess")
    @CsvSource(delimiter = '|', value = {
        "\"God Save the Queen\" is the royal anthem in a number of Commonwealth realms.",
        "\"No One Is Alone\" is a song from the musical Into the Woods, performed toward the end of Act II.",
        "\"Hymn\" is a song by a composer whose name is lost.",
    })
    void leadWithoutArtist(String lead) {
        assertTrue(LeadArtistGuesser.guess(lead).isEmpty());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @DisplayName("an artist field that carries its features is split into artist and featured artists")
    @CsvSource(delimiter = '|', value = {
        "a.md    | '---\ntitle: Vuelvo a verte\nartist: Malú featuring Pablo Alborán\n---\nText.'  | Malú | Pablo Alborán",
        "a.md    | '---\ntitle: T\nartist: AKA (feat. Burna Boy)\nfeatures: [JR]\n---\nText.'       | AKA  | Burna Boy;JR",
        "a.jsonl | '{\"title\": \"Befikra\", \"artist\": \"Aditi Singh Sharma featuring Tiger Shroff and Disha Patani\", \"text\": \"Text.\"}' | Aditi Singh Sharma | Tiger Shroff;Disha Patani",
        "a.jsonl | '{\"title\": \"Crank It\", \"artist\": \"Kideko featuring the vocals of Nadia Rose\", \"text\": \"Text.\"}' | Kideko | Nadia Rose",
        "a.md    | '---\ntitle: T\nartist: Simon & Garfunkel\n---\nText.'                              | Simon & Garfunkel | ''",
    })
    void artistFieldWithFeatures(String fileName, String content, String artist, String featured) throws Exception {
        EssayDraft draft = single(fileName, content);

        assertEquals(artist, draft.artist());
        assertEquals(featured.isEmpty() ? List.of() : List.of(featured.split(";")), draft.featured());
    }

    @Test
    @DisplayName("validate cleans a draft from a Discord form and normalises its body")
    void validateCleansFormDraft() throws Exception {
        EssayDraft form = new EssayDraft("  Runaway\u200B ", " Kanye  West ", List.of("Pusha T", "pusha t", "Kanye West"),
                2010, " ", null, "", "First.\r\n\r\n\r\n  Second.  \r\n");

        EssayDraft clean = parser.validate(form);

        assertEquals("Runaway", clean.title());
        assertEquals("Kanye West", clean.artist());
        assertEquals(List.of("Pusha T"), clean.featured());
        assertNull(clean.album());
        assertNull(clean.source());
        assertEquals("First.\n\nSecond.", clean.body());
    }
}
