package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.bench.SyntheticCorpus;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.text.TextNormalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Lucene catalogue index proposes the songs a noisy name means: near spellings of title and artist words,
 * title words split or run together, names in any order, and only songs (and title forms) the reader may see.
 * Cases are generated from the bench's catalogue generator (fixed seed), one per song, so no case is written for
 * one title.
 */
@DisplayName("The catalogue index")
class CatalogueIndexTest {

    private static final Scope SERVER = Scope.guild("100000000000000001");
    private static final Scope OTHER = Scope.guild("100000000000000002");

    private static final List<SyntheticCorpus.Record> RECORDS = new SyntheticCorpus(7).generate(800);
    private static final SongCatalog CATALOG = catalog();

    private static SongCatalog catalog() {
        List<SongCatalog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < RECORDS.size(); i++) {
            SyntheticCorpus.Record r = RECORDS.get(i);
            Song song = new Song(i + 1, r.title(), r.artist(), r.featured(), r.year(), null);
            Scope scope = i % 10 == 9 ? SERVER : Scope.GLOBAL;
            entries.add(new SongCatalog.Entry(song, Set.of(scope), r.text().substring(0, Math.min(600, r.text().length()))));
        }
        return SongCatalog.of(entries);
    }

    private static boolean proposes(List<String> typed, long songId, Scope reader) {
        return CandidateSearch.top(CATALOG, typed, reader, 40).stream().anyMatch(p -> p.song().id() == songId);
    }

    /** What a user types: the (noisy) title, then the artist, as in "title artist". */
    private static List<String> withArtist(List<String> title, int i) {
        List<String> out = new ArrayList<>(title);
        out.addAll(TextNormalizer.tokens(RECORDS.get(i).artist()));
        return out;
    }

    private static Scope home(int i) {
        return i % 10 == 9 ? SERVER : Scope.GLOBAL;
    }

    @Test
    @DisplayName("a title word with one typo (or two in a long word), typed with the artist, still proposes its song")
    void nearSpellings() {
        Random random = new Random(3);
        int tried = 0;
        int found = 0;
        for (int i = 0; i < RECORDS.size(); i++) {
            List<String> title = TextNormalizer.tokens(RECORDS.get(i).title());
            String longest = title.stream().filter(w -> !TextNormalizer.isFunctionWord(w))
                    .max((a, b) -> Integer.compare(a.length(), b.length())).orElse("");
            if (longest.length() < 5) {
                continue;
            }
            List<String> typed = new ArrayList<>(title);
            String wrong = typo(longest, random);
            if (longest.length() >= 8) {
                wrong = typo(wrong, random);
            }
            typed.set(title.indexOf(longest), wrong);
            if (Fuzzy.tokenSim(wrong, longest) == 0) {
                continue; // the matcher itself would not take this spelling
            }
            tried++;
            if (proposes(withArtist(typed, i), i + 1, home(i))) {
                found++;
            } else {
                System.out.println("MISSED " + withArtist(typed, i) + " for " + title);
            }
        }
        assertTrue(tried > 200, "cases: " + tried);
        // the generated titles are common words shared by many songs, so a one-word title may rank below forty others
        assertTrue(found >= tried * 0.99, found + " of " + tried + " songs proposed for titles with a typo");
    }

    @Test
    @DisplayName("two title words typed as one, and one long title word typed in two pieces, with the artist, propose the song")
    void splitAndJoinedWords() {
        int joined = 0;
        int split = 0;
        for (int i = 0; i < RECORDS.size(); i++) {
            List<String> title = TextNormalizer.tokens(RECORDS.get(i).title());
            if (title.size() >= 2) {
                List<String> typed = new ArrayList<>(title.subList(2, title.size()));
                typed.add(0, title.get(0) + title.get(1));
                assertTrue(proposes(withArtist(typed, i), i + 1, home(i)), "joined: " + typed + " for " + title);
                joined++;
            }
            String longWord = title.stream().filter(w -> w.length() >= 8).findFirst().orElse(null);
            if (longWord != null) {
                List<String> typed = new ArrayList<>(title);
                int at = typed.indexOf(longWord);
                typed.set(at, longWord.substring(0, 4));
                typed.add(at + 1, longWord.substring(4));
                assertTrue(proposes(withArtist(typed, i), i + 1, home(i)), "split: " + typed + " for " + title);
                split++;
            }
        }
        assertTrue(joined > 200 && split > 20, "cases: " + joined + " joined, " + split + " split");
    }

    @Test
    @DisplayName("an artist's words in any order, run together, or with one typo find the artist's songs")
    void orderFreeNames() {
        Random random = new Random(5);
        int tried = 0;
        for (int i = 0; i < RECORDS.size(); i += 3) {
            List<String> name = TextNormalizer.tokens(RECORDS.get(i).artist());
            if (name.size() < 2) {
                continue;
            }
            List<String> reversed = new ArrayList<>(name);
            java.util.Collections.reverse(reversed);
            List<String> misspelt = new ArrayList<>(name);
            int longest = 0;
            for (int k = 1; k < name.size(); k++) {
                longest = name.get(k).length() > name.get(longest).length() ? k : longest;
            }
            if (name.get(longest).length() >= 5) {
                misspelt.set(longest, typo(name.get(longest), random));
            }
            for (List<String> claim : List.of(reversed, List.of(String.join("", name)), misspelt)) {
                Set<Long> ids = new HashSet<>();
                for (int ord : CandidateSearch.byArtist(CATALOG, claim)) {
                    ids.add(CATALOG.profile(ord).song().id());
                }
                assertTrue(ids.contains((long) i + 1), claim + " should find songs of " + name);
            }
            tried++;
        }
        assertTrue(tried > 100, "cases: " + tried);
    }

    @Test
    @DisplayName("a song stored for one server is proposed to that server only; a shared song to everyone")
    void scopeVisibility() {
        int checked = 0;
        for (int i = 0; i < RECORDS.size(); i++) {
            List<String> title = TextNormalizer.tokens(RECORDS.get(i).title());
            if (home(i).isGlobal()) {
                assertTrue(proposes(title, i + 1, OTHER), "a shared song for another server: " + title);
                continue;
            }
            assertTrue(proposes(title, i + 1, SERVER), "its own server: " + title);
            assertFalse(proposes(title, i + 1, OTHER), "another server: " + title);
            assertFalse(proposes(title, i + 1, Scope.GLOBAL), "direct messages: " + title);
            checked++;
        }
        assertTrue(checked >= 70, "server songs checked: " + checked);
    }

    @Test
    @DisplayName("names an opening writes are indexed under the opening's scope")
    void namesFromTheOpeningKeepTheirScope() {
        Song song = new Song(1, "Harbour Lights", "Juno Vale", List.of(), 2001, null);
        SongCatalog catalog = SongCatalog.of(List.of(
                new SongCatalog.Entry(song, Set.of(Scope.GLOBAL), "\"Harbour Lights\" is a song by Juno Vale."),
                new SongCatalog.Entry(song, Set.of(SERVER), "\"Harbour Lights\" is a song later recorded by Osric Pell.")));
        CatalogueIndex index = catalog.index();
        assertEquals(1, index.docFreq(CatalogueIndex.NAMED, SERVER.key() + " osric"));
        assertEquals(0, index.docFreq(CatalogueIndex.NAMED, Scope.GLOBAL.key() + " osric"));
        assertEquals(1, index.docFreq(CatalogueIndex.ARTIST, "junovale"), "a name of two words is also indexed joined");
        Map<String, Double> near = index.near(CatalogueIndex.TITLE, "harbuor", 2);
        assertTrue(near.containsKey("harbour"), "near spellings of a title word: " + near);
    }

    /** One deletion, substitution, insertion or swap of neighbours, away from the first letter. */
    private static String typo(String word, Random random) {
        int i = 1 + random.nextInt(word.length() - 2);
        char letter = (char) ('a' + random.nextInt(26));
        switch (random.nextInt(4)) {
            case 0:
                return word.substring(0, i) + word.substring(i + 1);
            case 1:
                return word.substring(0, i) + letter + word.substring(i + 1);
            case 2:
                return word.substring(0, i) + letter + word.substring(i);
            default:
                return word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
        }
    }
}
