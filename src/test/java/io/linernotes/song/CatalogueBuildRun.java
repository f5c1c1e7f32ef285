package io.linernotes.song;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Not a test: prints how long building the song catalogue takes from the openings of a JSON Lines corpus (the
 * bench's or the import format), section by section, with the load average: deriving the openings' facts (what an
 * import does once per essay) apart from building the catalogue from them (what a start does). Arguments: the corpus file and
 * how many records to read (default all), how many builds to time (default 3), and optionally a folder for the
 * catalogue's saved candidate index ({@link SavedCatalogueIndex}): the first build then saves it there (unless the
 * folder already holds the index of these songs) and the next ones read it, as a start over an unchanged store does.
 */
final class CatalogueBuildRun {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private CatalogueBuildRun() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        int builds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SavedCatalogueIndex saved = args.length > 3 ? new SavedCatalogueIndex(Path.of(args[3])) : null;
        List<SongCatalog.Entry> raw = read(file, limit);
        System.out.printf("%d openings read from %s (load %s)%n", raw.size(), file, load());
        long before = heapAfterGc();
        SongCatalog kept = null;
        for (int b = 1; b <= builds; b++) {
            // What an import does once per essay (and a start no longer does): derive each opening's facts.
            long t0 = System.nanoTime();
            List<SongCatalog.Entry> entries = new ArrayList<>(raw.size());
            long words = 0;
            for (SongCatalog.Entry e : raw) {
                OpeningFacts facts = OpeningFacts.of(e.opening().words());
                entries.add(new SongCatalog.Entry(e.song(), e.scopes(), facts));
                words += facts.wordList().size();
            }
            long t1 = System.nanoTime();
            long c2 = CPU.getCurrentThreadCpuTime();
            // What a start does: the catalogue from derived facts.
            SongCatalog catalog = SongCatalog.of(entries, saved);
            kept = catalog;
            long t3 = System.nanoTime();
            long c3 = CPU.getCurrentThreadCpuTime();
            new SongResolver(catalog).findInQuestion("what does " + entries.get(0).song().title() + " mean", Scope.GLOBAL);
            long t4 = System.nanoTime();
            catalog.prepareOpenings();
            long t5 = System.nanoTime();
            // The Lucene candidate index alone, built again from the same songs: its share of the catalogue's build.
            CatalogueIndex.of(catalog.profiles());
            long t6 = System.nanoTime();
            System.out.printf("build %d: catalogue of %d songs from derived openings in %d ms (%d ms CPU), first question"
                            + " %d ms; counting the openings' words without a store %d ms (deriving the openings, as an"
                            + " import does: %d ms, %d words); its candidate index alone, built again: %d ms (load %s)%n",
                    b, catalog.size(), ms(t3 - t1), ms(c3 - c2), ms(t4 - t3), ms(t5 - t4), ms(t1 - t0), words,
                    ms(t6 - t5), load());
        }
        long with = heapAfterGc();
        System.out.printf("heap held by the catalogue of %d songs (after GC): %.1f MB%n", kept == null ? 0 : kept.size(),
                (with - before) / 1e6);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static List<SongCatalog.Entry> read(Path file, int limit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<SongCatalog.Entry> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            while ((line = in.readLine()) != null && out.size() < limit) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                List<String> featured = new ArrayList<>();
                n.path("features").forEach(f -> featured.add(f.asText()));
                String text = n.path("text").asText("");
                Song song = new Song(out.size() + 1, n.path("title").asText(), n.path("artist").asText(""), featured,
                        null, null);
                // the raw opening, carried until the run derives it
                out.add(new SongCatalog.Entry(song, Set.of(Scope.GLOBAL),
                        new OpeningFacts(false, OpeningFacts.lead(text), "", "")));
            }
        }
        return out;
    }
}
