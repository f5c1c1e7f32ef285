package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue's candidate index kept on disk between starts: a start over the same songs reads it and decides
 * exactly as a catalogue built from scratch (the recorded decisions of {@link CatalogueDecisionsTest}); any
 * change to what the index is made of builds it again; a damaged copy or a folder that cannot be written never
 * stops the catalogue.
 */
class SavedCatalogueIndexTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a second start over the same songs reads the saved index and makes the recorded decisions")
    void savedIndexDecidesAsBuilt() throws IOException {
        Path folder = tmp.resolve("catalogue");
        SongCatalog.of(CatalogueDecisionsTest.entries(CatalogueDecisionsTest.records()), new SavedCatalogueIndex(folder));
        Object saved = identity(folder);
        String fingerprint = Files.readString(folder.resolve("fingerprint"));

        List<String> decisions = CatalogueDecisionsTest.decisions(
                entries -> SongCatalog.of(entries, new SavedCatalogueIndex(folder)));

        assertEquals(saved, identity(folder), "the saved copy was read, not built and saved again");
        assertEquals(fingerprint, Files.readString(folder.resolve("fingerprint")));
        assertEquals(Files.readAllLines(CatalogueDecisionsTest.RECORDED, StandardCharsets.UTF_8), decisions);
    }

    @Test
    @DisplayName("every value the index is made of is in the fingerprint; the order of sets is not")
    void fingerprintCoversEveryInput() {
        // openings of one sentence, so that each change below changes one value only
        List<SongCatalog.Entry> base = fixture().stream()
                .map(e -> entry(e, e.song().title(), e.song().artist(), e.song().featured(), e.scopes(), lead(e)))
                .toList();
        String before = fingerprint(base);
        assertEquals(before, fingerprint(new ArrayList<>(base)), "the same songs built again");
        List<UnaryOperator<SongCatalog.Entry>> changes = List.of(
                e -> entry(e, e.song().title() + " Reprise", e.song().artist(), e.song().featured(), e.scopes(), lead(e)),
                e -> entry(e, e.song().title(), "Someone Else", e.song().featured(), e.scopes(), lead(e)),
                e -> entry(e, e.song().title(), e.song().artist(), List.of("Guest Singer"), e.scopes(), lead(e)),
                e -> entry(e, e.song().title(), e.song().artist(), e.song().featured(),
                        Set.of(Scope.guild("100000000000000009")), lead(e)),
                e -> entry(e, e.song().title(), e.song().artist(), e.song().featured(), e.scopes(),
                        lead(e) + " It was recorded in Harrowgate with Delphine Okafor."),
                e -> entry(e, e.song().title(), e.song().artist(), e.song().featured(), e.scopes(),
                        "Known also as \u201cThe Other Name\u201d, " + lead(e)));
        for (UnaryOperator<SongCatalog.Entry> change : changes) {
            List<SongCatalog.Entry> changed = new ArrayList<>(base);
            changed.set(7, change.apply(base.get(7)));
            assertNotEquals(before, fingerprint(changed), "changed: " + changed.get(7));
        }
        List<SongCatalog.Entry> fewer = new ArrayList<>(base);
        fewer.remove(3);
        assertNotEquals(before, fingerprint(fewer), "a song removed");
    }

    @Test
    @DisplayName("a damaged copy, a copy of other songs or a lost fingerprint is built again, and decides right")
    void damagedCopyIsBuiltAgain() throws IOException {
        Path folder = tmp.resolve("catalogue");
        List<SongCatalog.Entry> entries = fixture();
        SongCatalog plain = SongCatalog.of(entries);
        SongCatalog.of(entries, new SavedCatalogueIndex(folder));
        try (Stream<Path> files = Files.list(folder)) {
            Path largest = files.filter(f -> !f.getFileName().toString().equals("fingerprint"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
            try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
                file.seek(file.length() / 2);
                int b = file.read();
                file.seek(file.length() / 2);
                file.write(b ^ 0x5a);
            }
        }
        Object damaged = identity(folder);
        SongCatalog read = SongCatalog.of(entries, new SavedCatalogueIndex(folder));
        assertNotEquals(damaged, identity(folder), "built again and saved in place of the damaged copy");
        assertSameAnswers(plain, read);

        // the saved index of other songs under this catalogue's fingerprint: its size and order give it away
        Path other = tmp.resolve("other");
        SongCatalog.of(entries.subList(0, 20), new SavedCatalogueIndex(other));
        String fingerprint = Files.readString(folder.resolve("fingerprint"));
        Files.writeString(other.resolve("fingerprint"), fingerprint);
        assertSameAnswers(plain, SongCatalog.of(entries, new SavedCatalogueIndex(other)));

        Files.delete(folder.resolve("fingerprint"));
        assertSameAnswers(plain, SongCatalog.of(entries, new SavedCatalogueIndex(folder)));
        assertTrue(Files.exists(folder.resolve("fingerprint")), "saved again");
    }

    @Test
    @DisplayName("a folder that cannot be written leaves the catalogue working from memory")
    void unwritableFolderIsHarmless() throws IOException {
        Path blocked = Files.writeString(tmp.resolve("data"), "a file where the data folder would go");
        List<SongCatalog.Entry> entries = fixture();
        assertSameAnswers(SongCatalog.of(entries),
                SongCatalog.of(entries, new SavedCatalogueIndex(blocked.resolve("catalogue"))));
        assertEquals("a file where the data folder would go", Files.readString(blocked));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(blocked), left.toList(), "no half-written folder left behind");
        }
    }

    @Test
    @DisplayName("an essay added to a running catalogue saves the new index, which the next start reads")
    void addedSongIsSaved() throws IOException {
        Path folder = tmp.resolve("catalogue");
        List<SongCatalog.Entry> entries = fixture();
        SongCatalog running = SongCatalog.of(entries.subList(0, entries.size() - 1), new SavedCatalogueIndex(folder));
        Object first = identity(folder);
        SongCatalog added = running.with(entries.get(entries.size() - 1));
        Object second = identity(folder);
        assertNotEquals(first, second, "the index of the catalogue with the new song was saved");

        SongCatalog restarted = SongCatalog.of(entries, new SavedCatalogueIndex(folder));
        assertEquals(second, identity(folder), "read at the next start");
        assertSameAnswers(added, restarted);
        SongCatalog.Entry last = entries.get(entries.size() - 1);
        Scope reader = last.scopes().iterator().next();
        SongResolution found = new SongResolver(restarted).resolve(last.song().title() + " by " + last.song().artist(),
                reader);
        assertEquals(last.song().id(), found instanceof SongResolution.Found f ? f.song().id() : -1, found.toString());
    }

    /** Songs of the benchmark's generator, a few stored for one server only. */
    private static List<SongCatalog.Entry> fixture() {
        return CatalogueDecisionsTest.entries(CatalogueDecisionsTest.records().subList(0, 60));
    }

    private static String lead(SongCatalog.Entry e) {
        return "\u201c" + e.song().title() + "\u201d is a song by " + e.song().artist() + ".";
    }

    private static SongCatalog.Entry entry(SongCatalog.Entry e, String title, String artist, List<String> featured,
            Set<Scope> scopes, String lead) {
        Song s = e.song();
        return new SongCatalog.Entry(new Song(s.id(), title, artist, featured, s.year(), null), scopes, lead);
    }

    private static String fingerprint(List<SongCatalog.Entry> entries) {
        return SavedCatalogueIndex.fingerprint(SongCatalog.of(entries).profiles());
    }

    /** Resolution and autocomplete of every song's title (with and without its artist) agree. */
    private static void assertSameAnswers(SongCatalog want, SongCatalog got) {
        SongResolver a = new SongResolver(want);
        SongResolver b = new SongResolver(got);
        assertEquals(want.size(), got.size());
        for (SongProfile p : want.profiles()) {
            Song s = p.song();
            for (String typed : List.of(s.title(), s.title() + " by " + s.artist(), "what does " + s.title() + " mean")) {
                assertEquals(a.resolve(typed, Scope.GLOBAL).toString(), b.resolve(typed, Scope.GLOBAL).toString(), typed);
                assertEquals(a.findInQuestion(typed, Scope.GLOBAL).toString(),
                        b.findInQuestion(typed, Scope.GLOBAL).toString(), typed);
            }
            String prefix = s.title().substring(0, Math.min(3, s.title().length()));
            assertEquals(want.suggest(prefix, Scope.GLOBAL, 10), got.suggest(prefix, Scope.GLOBAL, 10), prefix);
        }
    }

    /** What tells one saved folder from another written in its place. */
    private static Object identity(Path folder) throws IOException {
        BasicFileAttributes a = Files.readAttributes(folder, BasicFileAttributes.class);
        return a.fileKey() != null ? a.fileKey() : a.creationTime();
    }
}
