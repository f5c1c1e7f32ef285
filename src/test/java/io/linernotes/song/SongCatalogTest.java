package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SongCatalogTest {

    private static SongCatalog catalog;

    @BeforeAll
    static void build() {
        catalog = FixtureCatalogue.load().catalog();
    }

    private static List<Long> ids(List<Song> songs) {
        return songs.stream().map(Song::id).toList();
    }

    @ParameterizedTest(name = "typing \"{0}\" suggests song {1} first")
    @DisplayName("autocomplete puts title prefixes, word prefixes, near spellings, then artists first")
    @CsvSource(delimiter = '|', textBlock = """
            runa         | 1
            Lant         | 11
            runawya      | 1
            senorita ll  | 8
            tamsin       | 19
            café o       | 26
            """)
    void suggestsFirst(String typed, long first) {
        List<Song> s = catalog.suggest(typed, Scope.GLOBAL, 5);
        assertFalse(s.isEmpty(), "no suggestion for " + typed);
        assertEquals(first, s.get(0).id(), () -> "got " + s);
    }

    @Test
    @DisplayName("both songs sharing a title are suggested, and an artist's songs after title matches")
    void sharedTitlesAndArtists() {
        assertEquals(Set.of(2L, 3L), Set.copyOf(ids(catalog.suggest("cherry", Scope.GLOBAL, 2))));
        List<Long> velvet = ids(catalog.suggest("velvet orch", Scope.GLOBAL, 5));
        assertTrue(velvet.containsAll(List.of(3L, 27L)), () -> "got " + velvet);
    }

    @Test
    @DisplayName("nothing typed suggests songs alphabetically, never more than asked")
    void emptyInput() {
        List<Song> s = catalog.suggest("", Scope.GLOBAL, 4);
        assertEquals(4, s.size());
        List<String> titles = s.stream().map(x -> TextNormalizer.fold(x.title())).toList();
        assertEquals(titles.stream().sorted().toList(), titles);
        assertEquals(List.of(), catalog.suggest("anything", Scope.GLOBAL, 0));
    }

    @Test
    @DisplayName("a server's own song is visible and suggested only in that server")
    void scopes() {
        assertEquals(31, catalog.visibleTo(Scope.GLOBAL).size());
        assertEquals(32, catalog.visibleTo(Scope.guild("123")).size());
        assertFalse(ids(catalog.suggest("basement", Scope.GLOBAL, 5)).contains(30L));
        assertEquals(List.of(30L), ids(catalog.suggest("basement", Scope.guild("123"), 5)));
        assertTrue(catalog.byId(30).isPresent());
        assertTrue(catalog.byId(999).isEmpty());
    }

    @Test
    @DisplayName("with and without give new catalogues and leave the old one as it was")
    void withAndWithout() {
        Song added = new Song(100, "Lantern Fish", "Deep Shelf", List.of(), 2021, null);
        SongCatalog bigger = catalog.with(new SongCatalog.Entry(added, Set.of(Scope.GLOBAL), "\"Lantern Fish\" is a song."));
        assertEquals(catalog.size() + 1, bigger.size());
        assertTrue(catalog.byId(100).isEmpty());
        SongResolution r = new SongResolver(bigger).resolve("lantern fish", Scope.GLOBAL);
        assertEquals(100, assertInstanceOf(SongResolution.Found.class, r).song().id());
        assertEquals(List.of(100L), ids(bigger.suggest("lantern f", Scope.GLOBAL, 1)));

        SongCatalog smaller = bigger.without(1);
        assertTrue(smaller.byId(1).isEmpty());
        assertInstanceOf(SongResolution.NotFound.class, new SongResolver(smaller).resolve("runaway", Scope.GLOBAL));
        assertTrue(bigger.byId(1).isPresent());
        assertTrue(smaller.without(12345) == smaller);
    }
}
