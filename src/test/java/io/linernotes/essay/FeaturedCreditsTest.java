package io.linernotes.essay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The essay readers' featuring markers, all from {@code text.Featuring}: in a credit (artist field, featured list,
 * first line) "feat" and "ft" count with or without their dot; in a lead's prose only dotted or spelled out.
 */
@DisplayName("Featured credits: one marker rule for artist fields, featured lists and leads")
class FeaturedCreditsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Ada Vale featuring Tomo Reyes    | Ada Vale | Tomo Reyes",
            "Ada Vale feat. Tomo Reyes        | Ada Vale | Tomo Reyes",
            "Ada Vale feat Tomo Reyes         | Ada Vale | Tomo Reyes",
            "Ada Vale ft. Tomo Reyes          | Ada Vale | Tomo Reyes",
            "Ada Vale ft Tomo Reyes           | Ada Vale | Tomo Reyes",
            "'Ada Vale, ft. Tomo Reyes'       | Ada Vale | Tomo Reyes",
            "Inés (feat. Joaquín Almar)       | Inés     | Joaquín Almar",
            "Inés (Feat Joaquín Almar)        | Inés     | Joaquín Almar",
            "Simon & Garfunkel                | Simon & Garfunkel | ''",
            "Ada Vale with Tomo Reyes         | Ada Vale with Tomo Reyes | ''",
            "Defeat Machine                   | Defeat Machine | ''",
            "feat. Tomo Reyes                 | feat. Tomo Reyes | ''"})
    @DisplayName("an artist field splits at a featuring marker, dotted or not, and at nothing else")
    void artistField(String artist, String main, String credit) {
        assertArrayEquals(new String[] {main, credit}, Names.splitArtist(artist));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Dev Okoro & Lio Vance            | Dev Okoro;Lio Vance",
            "'Dev Okoro, Lio Vance'           | Dev Okoro;Lio Vance",
            "Dev Okoro feat. Lio Vance        | Dev Okoro;Lio Vance",
            "Dev Okoro ft. Lio Vance          | Dev Okoro;Lio Vance",
            "Dev Okoro featuring Lio Vance    | Dev Okoro;Lio Vance",
            // Before, a featured list split only at the dotted forms while the artist field took both; a credit
            // is names and joining words, so "ft" there is the abbreviation in either field.
            "Dev Okoro feat Lio Vance         | Dev Okoro;Lio Vance",
            "Dev Okoro ft Lio Vance           | Dev Okoro;Lio Vance",
            "the vocals of Dev Okoro          | Dev Okoro",
            "Featherweight                    | Featherweight"})
    @DisplayName("a featured list splits at the same markers as an artist field, with or without the dot")
    void featuredList(String credit, String names) {
        assertEquals(List.of(names.split(";")), Names.splitCredit(credit));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "“Glass Harbour” is a song by Welsh rapper Orrin featuring Irish singer Maeve Doyle. | Orrin | Maeve Doyle",
            "“Glass Harbour” is a song by Welsh rapper Orrin feat. Maeve Doyle.                 | Orrin | Maeve Doyle",
            "“Glass Harbour” is a song by Welsh rapper Orrin ft. Maeve Doyle.                   | Orrin | Maeve Doyle",
            "“Glass Harbour” is a song by Welsh rapper Orrin Feat. Maeve Doyle.                 | Orrin | Maeve Doyle"})
    @DisplayName("a lead's prose credits a guest after the full word or a dotted abbreviation")
    void leadWithGuest(String lead, String artist, String guest) {
        LeadArtistGuesser.Guess guess = LeadArtistGuesser.guess(lead).orElseThrow();
        assertEquals(artist, guess.artist());
        assertEquals(List.of(guest), guess.featured());
    }

    @Test
    @DisplayName("in prose 'feat' and 'ft' without a dot are words of their own ('a rare feat', 'six ft'): no guest follows them")
    void proseWordsAreNoMarkers() {
        LeadArtistGuesser.Guess feat = LeadArtistGuesser.guess(
                "“Glass Harbour” is a song by Welsh rapper Orrin feat Maeve Doyle.").orElseThrow();
        assertEquals("Orrin", feat.artist());
        assertEquals(List.of(), feat.featured());
        LeadArtistGuesser.Guess ft = LeadArtistGuesser.guess("“Glass Harbour” is a song by the band Six Ft Under.")
                .orElseThrow();
        assertEquals("Six Ft Under", ft.artist());
        assertEquals(List.of(), ft.featured());
    }
}
