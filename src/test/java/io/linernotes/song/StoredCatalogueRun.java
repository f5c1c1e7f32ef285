package io.linernotes.song;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.core.Scope;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayStore;
import io.linernotes.essay.SqlEssayStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Not a test: prints what a start costs the song catalogue on a store of many essays, with the load average:
 * reading every essay's derived opening, building the catalogue from them, the first question, and the first
 * question that needs the openings' word counts (read from the store's counts). Arguments: a JSON Lines corpus,
 * how many of its records, a SQLite file, and how many catalogue builds to time (default 1). The records are
 * stored first when the file holds fewer essays (timed too: the derived data is written inside it); run it once
 * to fill the file, then again in a fresh JVM for the start's figures.
 */
final class StoredCatalogueRun {

    private StoredCatalogueRun() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]);
        int builds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long t0 = System.nanoTime();
        try (SqlEssayStore store = SqlEssayStore.open(file)) {
            System.out.printf("store opened in %d ms (load %s)%n", ms(System.nanoTime() - t0), load());
            long t1 = System.nanoTime();
            int derived = store.refreshOpenings();
            System.out.printf("derived data brought up to date in %d ms: %d openings derived (load %s)%n",
                    ms(System.nanoTime() - t1), derived, load());
            int stored = store.usage(Scope.GLOBAL).liveEssays();
            if (stored < count) {
                fill(store, corpus, stored, count);
                return;
            }
            long t2 = System.nanoTime();
            List<EssayStore.Opening> openings = store.openings();
            long t3 = System.nanoTime();
            List<SongCatalog.Entry> entries = new ArrayList<>(openings.size());
            for (EssayStore.Opening o : openings) {
                entries.add(new SongCatalog.Entry(o.song(), Set.of(o.scope()), o.opening()));
            }
            SongCatalog catalog = SongCatalog.of(entries).countingOpeningsWith(store::openingWordsAbove);
            long t4 = System.nanoTime();
            SongResolver resolver = new SongResolver(catalog);
            resolver.findInQuestion("what does " + entries.get(0).song().title() + " mean", Scope.GLOBAL);
            long t5 = System.nanoTime();
            Optional<Map<String, Integer>> common = store.openingWordsAbove(Math.max(3, catalog.size() / 100));
            catalog.prepareOpenings();
            long t6 = System.nanoTime();
            for (int b = 2; b <= builds; b++) { // the same build again, the JIT warm
                long a0 = System.nanoTime();
                SongCatalog.of(entries);
                System.out.printf("build %d: %d ms (load %s)%n", b, ms(System.nanoTime() - a0), load());
            }
            System.out.printf("%d openings read in %d ms; catalogue of %d songs built in %d ms; first question %d ms;"
                            + " the openings' word counts ready %d ms later (%d words above the rarity limit)"
                            + " (load %s)%n", openings.size(), ms(t3 - t2), catalog.size(), ms(t4 - t3), ms(t5 - t4),
                    ms(t6 - t5), common.map(Map::size).orElse(-1), load());
        }
    }

    private static void fill(SqlEssayStore store, Path corpus, int from, int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<EssayDraft> batch = new ArrayList<>();
        int seen = 0;
        long started = System.nanoTime();
        try (BufferedReader in = Files.newBufferedReader(corpus)) {
            String line;
            while ((line = in.readLine()) != null && seen < count) {
                if (line.isBlank()) {
                    continue;
                }
                if (seen++ < from) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                List<String> featured = new ArrayList<>();
                n.path("features").forEach(f -> featured.add(f.asText()));
                batch.add(new EssayDraft(n.path("title").asText(), n.path("artist").asText(""), featured,
                        n.path("year").isInt() ? n.path("year").asInt() : null, null, null, null, n.path("text").asText()));
                if (batch.size() == 5_000) {
                    store.addAll(batch, Scope.GLOBAL);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            store.addAll(batch, Scope.GLOBAL);
        }
        System.out.printf("stored %d essays in %d ms (load %s)%n", seen - from, ms(System.nanoTime() - started), load());
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
