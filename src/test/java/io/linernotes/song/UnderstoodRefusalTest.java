package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.SongConfig;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a refusal says it understood for a bare "title artist" run naming a song the catalogue lacks, on cases
 * generated from the fixture catalogue: every credited artist of a visible song, beside a made-up title (seeded
 * nonsense words no stored title resembles), in each order people type them. A run with a made-up name instead of
 * a credited artist is named whole.
 */
class UnderstoodRefusalTest {

    private static SongResolver resolver;

    @BeforeAll
    static void buildCatalogue() {
        FixtureCatalogue fixtures = FixtureCatalogue.load();
        resolver = new SongResolver(fixtures.catalog(), fixtures::songsQuoting, SongConfig.defaults());
    }

    /** A capitalised nonsense word of two or three syllables, seeded. */
    private static String madeUp(Random rnd) {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder w = new StringBuilder();
        int syllables = 2 + rnd.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            w.append(consonants.charAt(rnd.nextInt(consonants.length()))).append(vowels.charAt(rnd.nextInt(vowels.length())));
        }
        w.setCharAt(0, Character.toUpperCase(w.charAt(0)));
        return w.toString();
    }

    static Stream<Arguments> creditedArtists() {
        Random rnd = new Random(8);
        List<Arguments> cases = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (SongCatalog.Entry e : FixtureCatalogue.load().entries) {
            Song s = e.song();
            if (s.artist().isBlank() || !e.scopes().contains(Scope.GLOBAL) || seen.contains(s.artist())) {
                continue;
            }
            seen.add(s.artist());
            String title = madeUp(rnd) + (rnd.nextBoolean() ? " " + madeUp(rnd) : "");
            cases.add(Arguments.of(title + " " + s.artist(), title, s.artist()));
            cases.add(Arguments.of(s.artist() + " - " + title, title, s.artist()));
            cases.add(Arguments.of(s.artist() + " " + title, title, s.artist()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "\"{0}\" → “{1}” by {2}")
    @MethodSource("creditedArtists")
    @DisplayName("a bare run of a made-up title and a credited artist is refused as that title by that artist")
    void titleAndCreditedArtistAreToldApart(String query, String title, String artist) {
        for (SongResolution r : List.of(resolver.resolve(query, Scope.GLOBAL), resolver.findInQuestion(query, Scope.GLOBAL))) {
            SongResolution.NotFound nf = assertInstanceOf(SongResolution.NotFound.class, r, query);
            assertEquals(title, nf.title(), query);
            assertEquals(artist, nf.artist(), query);
        }
    }

    static Stream<Arguments> unknownNames() {
        Random rnd = new Random(21);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String run = madeUp(rnd) + " " + madeUp(rnd) + " " + madeUp(rnd);
            cases.add(Arguments.of(run));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "\"{0}\" is named whole")
    @MethodSource("unknownNames")
    @DisplayName("a run with no credited name in it is named whole, with no artist")
    void unknownRunsAreNamedWhole(String query) {
        SongResolution.NotFound nf = assertInstanceOf(SongResolution.NotFound.class, resolver.resolve(query, Scope.GLOBAL));
        assertEquals(query, nf.title());
        assertEquals(null, nf.artist());
        assertTrue(nf.query().equals(query));
    }
}
