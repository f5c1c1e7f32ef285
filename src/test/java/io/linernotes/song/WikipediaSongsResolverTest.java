package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Noisy names of songs in the shared Wikipedia corpus (whose metadata is imperfect on purpose), and real
 * songs it does not hold. Skipped when the corpus is absent; the fixture tests cover the same behaviour.
 */
class WikipediaSongsResolverTest {

    private static SongResolver resolver;

    @BeforeAll
    static void load() {
        Assumptions.assumeTrue(WikipediaSongsCorpus.present(), "shared corpus ../shared/corpora/wikipedia-songs absent");
        resolver = new SongResolver(SongCatalog.of(WikipediaSongsCorpus.load().entries));
    }

    @ParameterizedTest(name = "\"{0}\" ({1}) → {2} {3}")
    @DisplayName("noisy names of corpus songs resolve, and songs the corpus lacks are not found")
    @CsvSource(delimiter = '|', textBlock = """
            aplausi camaleonti                        | name     | found     | Applausi
            disperatto by marco masini                | name     | found     | Disperato
            sned in the clowns                        | name     | found     | Send In the Clowns
            welcome to the pleasure dome              | name     | found     | Welcome to the Pleasuredome
            hey that's no way to say goodbye          | name     | found     | Hey, That's No Way to Say Goodbye
            i do wanna know reo speedwagon            | name     | found     | I Do' Wanna Know
            the man who shot liberty valance          | name     | found     | (The Man Who Shot) Liberty Valance
            non sono una signora loredana berte       | name     | found     | Non sono una signora
            speed of the sound of lonliness           | name     | found     | Speed of the Sound of Loneliness
            dumb and dumber                           | name     | found     | Dumb & Dumber
            cherry wine hozier                        | name     | found     | Cherry Wine/Hozier
            cherry wine little ester                  | name     | found     | Cherry Wine/Little Esther
            cherry wine                               | name     | ambiguous | Cherry Wine
            all eyes on me by burna boy               | name     | featured  | All Eyes On Me
            befikra tiger shroff                      | name     | featured  | Befikra
            two tribes by duran duran                 | name     | other     | Two Tribes
            square hamer ghost                        | name     | found     | Square Hammer
            shtil di nacht iz oysgeshternt            | name     | found     | Shtil, di nakht iz oysgeshternt
            vigilante man woody guthrie               | name     | found     | Vigilante Man
            coeur de pirate comme des enfants         | name     | found     | Comme des enfants
            we are number 1                           | name     | found     | We Are Number One
            you want it darker leonard cohen          | name     | found     | You Want It Darker
            what is the song o canada about           | question | found     | O Canada
            whats going home by kenny g about         | question | found     | Going Home
            purple rain by prince                     | name     | none      | -
            monster by kanye west                     | name     | other     | Monster
            golden brown the stranglers               | name     | none      | -
            hotel california eagles                   | name     | none      | -
            stand by me ben e king                    | name     | none      | -
            love my life                              | name     | none      | -
            beautiful by christina aguilera           | name     | other     | Beautiful
            my love by justin timberlake              | name     | other     | My Love
            bohemian rhapsody queen                   | name     | none      | -
            what's the meaning of hey jude            | question | none      | -
            what is rain on me by lady gaga about     | question | none      | -
            """)
    void resolvesCorpusSongs(String query, String mode, String outcome, String song) {
        SongResolution r = mode.equals("name") ? resolver.resolve(query, Scope.GLOBAL)
                : resolver.findInQuestion(query, Scope.GLOBAL);
        switch (outcome) {
            case "none" -> assertInstanceOf(SongResolution.NotFound.class, r, () -> "got " + r);
            case "ambiguous" -> {
                SongResolution.Ambiguous a = assertInstanceOf(SongResolution.Ambiguous.class, r, () -> "got " + r);
                assertEquals(2, a.candidates().size());
                a.candidates().forEach(c -> assertEquals(song, c.song().title()));
            }
            default -> {
                SongResolution.Found f = assertInstanceOf(SongResolution.Found.class, r, () -> "got " + r);
                String[] titleArtist = song.split("/");
                assertEquals(titleArtist[0], f.song().title());
                if (titleArtist.length > 1) {
                    assertEquals(titleArtist[1], f.song().artist());
                }
                if (outcome.equals("found")) {
                    assertNull(f.misattribution(), () -> "got " + r);
                } else {
                    assertNotNull(f.misattribution(), () -> "got " + r);
                    assertTrue(f.misattribution().featured() == outcome.equals("featured"), () -> "got " + r);
                }
            }
        }
    }
}
