package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Noisy song names and questions against the fixture catalogue. Expected outcomes: {@code found:ID},
 * {@code found:ID:featured} / {@code found:ID:other} (found, and the asker credited a featured or another
 * artist), {@code ambiguous:ID,ID}, {@code none}.
 */
class SongResolverFixtureTest {

    private static FixtureCatalogue fixtures;
    private static SongResolver resolver;

    @BeforeAll
    static void buildCatalogue() {
        fixtures = FixtureCatalogue.load();
        resolver = new SongResolver(fixtures.catalog(), fixtures::songsQuoting, io.linernotes.config.SongConfig.defaults());
    }

    @ParameterizedTest(name = "song option \"{0}\" as {1} → {2}")
    @DisplayName("a song option typed with noise resolves to the right song, or honestly to none")
    @CsvSource(delimiter = '|', textBlock = """
            Runaway                                  | global    | found:1
            runaway kanye                            | global    | found:1
            Runaway by Pusha T                       | global    | found:1:featured
            Kanye West - Runaway                     | global    | found:1
            runawya                                  | global    | found:1
            cherry wine                              | global    | ambiguous:2,3
            cherry wine velvet orchard               | global    | found:3
            Cherry Wine by Adele                     | global    | ambiguous:2,3
            crazy in love beyonce                    | global    | found:4
            Crazy In Love - BEYONCÉ                  | global    | found:4
            crazy in love by jay z                   | global    | found:4:featured
            dance till dawn                          | global    | found:5
            i wanna dance till dawn night owls       | global    | found:5
            Dance Till Morning                       | global    | none
            roustabout rumble the fell               | global    | found:7
            roustabot rumble by the fell             | global    | found:7
            senorita lluvia                          | global    | found:8
            ok corral blues                          | global    | found:9
            dont stop til dawn lola and the lanterns | global    | found:10
            paper lanterns kaito                     | global    | found:11:featured
            paper                                    | global    | none
            hey little comet by the beach boys       | global    | found:15:other
            golden hour lady by marvin gaye          | global    | found:14:other
            salt and vinegar                         | global    | found:16
            24000 stars                              | global    | found:17
            24 mila stelle                           | global    | found:17
            24000 stars adriano vento                | global    | found:17
            we are the night neon harbour            | global    | found:18
            brikwork tamsin rowe                     | global    | found:19
            monster                                  | global    | found:20
            monster by lady gaga                     | global    | found:20:other
            lighthouse keepers daughter              | global    | found:21
            something like home priya nair           | global    | found:22
            heirs of the heron tao meng              | global    | found:23
            who we are                               | global    | found:24
            bal u babci zosi                         | global    | found:25
            cafe ole                                 | global    | found:26
            rain                                     | global    | found:28
            purple rain by prince                    | global    | none
            summer rain                              | global    | none
            heartbreak hotel by elvis presley        | global    | none
            make believe by lyle carter              | global    | found:31:featured
            basement tapes lullaby                   | global    | none
            basement tapes lullaby                   | guild:123 | found:30
            basement tapes lullaby                   | guild:999 | none
            raise a glass to the ones who ran        | global    | found:1
            "who keeps the keys when nobody stays"   | global    | found:32
            """)
    void resolvesSongOption(String query, String reader, String expected) {
        check(resolver.resolve(query, Scope.fromKey(reader)), expected);
    }

    @ParameterizedTest(name = "question \"{0}\" → {1}")
    @DisplayName("a free question finds the song it names, and no song when it names none: a bare name with its featured artist, a title run on by a word or with one word changed is another song")
    @CsvSource(delimiter = '|', textBlock = """
            What's the song Runaway by Pusha T about?                      | found:1:featured
            what is the meaning of roustabout rumble by the fell?          | found:7
            In Vela's 'Monster', what is under the bed?                     | found:20
            sorry what is the brickwork song about                         | found:19
            Why does the narrator in 'Heirs of the Heron' mention rivers?  | found:23
            what is the Ichabod Crane line about?                          | none
            Which song by a Galician singer personifies the rain?          | none
            What does the line "raise a glass to the ones who ran" mean?   | found:1
            what's hey little comet by the beach boys about                | found:15:other
            what does dear prudence by the beatles mean                    | none
            lighthouse keeper's daughter ewan fairlie - what's it about?   | found:21
            Paper Lanterns Kaito                                           | found:11:featured
            KANYE WEST FEATURING PUSHA T - RUNAWAY                         | found:1
            Runaway Kanye West featuring Pusha T                           | found:1
            what's kaito's verse about in paper lanterns, the lantern festival bit | found:11
            Make Believe Lyle Carter                                       | found:31:featured
            Dana Frost - Make Believe                                      | found:31
            Brickwork Me Tamsin Rowe                                       | none
            what does Brickwork Do mean?                                   | none
            Monster El Vela                                                | none
            What is Golden Hour Pretty by Seb Marlowe about?               | none
            What is Hey Little Comet Said about?                           | none
            Midnight Train Nowhere                                         | found:13
            Salt Vinegar by Crisp Packet                                   | found:16
            What is Salt Sugar Vinegar about?                              | none
            What is Roustabout Rumble I Do Fell about?                     | none
            What is Cherrywine by Marlow Keyes about?                      | found:2
            WHAT IS BRICKWORK BY TAMSIN ROWE ABOUT?                        | found:19
            Rain Drought                                                   | none
            Ghost Town Radyo Sam Pike                                      | none
            """)
    void findsSongInQuestion(String question, String expected) {
        check(resolver.findInQuestion(question, Scope.GLOBAL), expected);
    }

    private static void check(SongResolution r, String expected) {
        String[] parts = expected.split(":");
        switch (parts[0]) {
            case "none" -> assertInstanceOf(SongResolution.NotFound.class, r, () -> "expected none, got " + r);
            case "ambiguous" -> {
                SongResolution.Ambiguous a = assertInstanceOf(SongResolution.Ambiguous.class, r, () -> "got " + r);
                List<Long> ids = a.candidates().stream().map(c -> c.song().id()).sorted().collect(Collectors.toList());
                List<Long> want = Arrays.stream(parts[1].split(",")).map(Long::valueOf).sorted().collect(Collectors.toList());
                assertEquals(want, ids);
            }
            default -> {
                SongResolution.Found f = assertInstanceOf(SongResolution.Found.class, r, () -> "got " + r);
                assertEquals(Long.parseLong(parts[1]), f.song().id(), () -> "got " + r);
                if (parts.length == 2) {
                    assertNull(f.misattribution(), () -> "no misattribution expected: " + r);
                } else {
                    assertTrue(f.misattribution() != null
                            && f.misattribution().featured() == parts[2].equals("featured"), () -> "got " + r);
                }
                assertTrue(f.confidence() > 0 && f.confidence() <= 1.0);
            }
        }
    }
}
