package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What one server's essays teach the catalogue (other titles in an opening, credits) stays in that server's
 * view: another server, and DMs, resolve as if that essay did not exist.
 */
@DisplayName("The catalogue respects scope")
class CatalogueScopeTest {

    private static final Scope A = Scope.fromKey("guild:111");
    private static final Scope B = Scope.fromKey("guild:222");
    private static final Song SHARED = new Song(1, "Harbour Lights", "Juno Vale", List.of(), 2001, null);
    private static final String SHARED_LEAD = "\"Harbour Lights\" is a song by Juno Vale about a ferry crossing.";
    /** Server B's essay on the shared song, whose opening gives it another name and another singer. */
    private static final String B_LEAD = "\"Harbour Lights\" (also sung as \"Night Ferry to Tarrow\") is a song by "
            + "Juno Vale, later recorded by Osric Pell.";

    private static SongCatalog built(boolean incremental) {
        SongCatalog.Entry shared = new SongCatalog.Entry(SHARED, Set.of(Scope.GLOBAL), SHARED_LEAD);
        SongCatalog.Entry fromB = new SongCatalog.Entry(SHARED, Set.of(B), B_LEAD);
        return incremental ? SongCatalog.of(List.of(shared)).with(fromB) : SongCatalog.of(List.of(shared, fromB));
    }

    @Test
    @DisplayName("a title learnt from server B's essay resolves for B only, whether built at once or added later")
    void aliasStaysWithItsServer() {
        for (boolean incremental : new boolean[] {false, true}) {
            SongResolver resolver = new SongResolver(built(incremental));
            assertInstanceOf(SongResolution.Found.class, resolver.resolve("night ferry to tarrow", B), "B sees its alias");
            assertInstanceOf(SongResolution.NotFound.class, resolver.resolve("night ferry to tarrow", A),
                    "A must not resolve through B's essay");
            assertInstanceOf(SongResolution.NotFound.class, resolver.resolve("night ferry to tarrow", Scope.GLOBAL),
                    "DMs must not resolve through B's essay");
            assertInstanceOf(SongResolution.Found.class, resolver.resolve("harbour lights", A), "the shared title");
        }
    }

    @Test
    @DisplayName("a singer named only in server B's essay is a credit for B, and for A just another artist")
    void creditStaysWithItsServer() {
        SongResolver resolver = new SongResolver(built(false));
        SongResolution forB = resolver.resolve("harbour lights by osric pell", B);
        SongResolution forA = resolver.resolve("harbour lights by osric pell", A);
        assertInstanceOf(SongResolution.Found.class, forB);
        assertEquals(null, ((SongResolution.Found) forB).misattribution(), "B's essay credits Osric Pell");
        assertInstanceOf(SongResolution.Found.class, forA);
        assertEquals("osric pell", ((SongResolution.Found) forA).misattribution().claimedArtist(),
                "for A the shared record's artist is the only credit");
    }

    @Test
    @DisplayName("server B's own song is invisible to A, by name and in an artist's list of songs")
    void ownSongInvisible() {
        Song bOnly = new Song(2, "Tarrow Tide", "Osric Pell", List.of(), null, null);
        SongCatalog catalog = SongCatalog.of(List.of(new SongCatalog.Entry(SHARED, Set.of(Scope.GLOBAL), SHARED_LEAD),
                new SongCatalog.Entry(bOnly, Set.of(B), "\"Tarrow Tide\" is a song by Osric Pell.")));
        SongResolver resolver = new SongResolver(catalog);
        assertInstanceOf(SongResolution.NotFound.class, resolver.resolve("tarrow tide", A));
        assertInstanceOf(SongResolution.Found.class, resolver.resolve("tarrow tide", B));
        assertEquals(List.of(), catalog.songsBy("Osric Pell", A, 3));
        assertEquals(List.of(bOnly), catalog.songsBy("pell osric", B, 3));
    }
}
