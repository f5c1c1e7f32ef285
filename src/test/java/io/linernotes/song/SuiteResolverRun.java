package io.linernotes.song;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.core.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Not a test: runs a generated robustness question file (args[0]) through the name resolver alone over the
 * Wikipedia corpus catalogue and prints, per noise class, how often the question's song (or, for absent songs,
 * nothing) was found, with the misses (a tuning aid; eval gives the figures of the whole answer path).
 */
final class SuiteResolverRun {

    private SuiteResolverRun() {
    }

    public static void main(String[] args) throws Exception {
        WikipediaSongsCorpus corpus = WikipediaSongsCorpus.load();
        SongResolver resolver = new SongResolver(SongCatalog.of(corpus.entries));
        ObjectMapper json = new ObjectMapper();
        Map<String, int[]> tally = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            JsonNode n = json.readTree(line);
            String noise = n.path("noise").asText(n.path("kind").asText());
            String expected = n.path("expected_song_id").isNull() ? null : n.path("expected_song_id").asText();
            SongResolution r = resolver.findInQuestion(n.path("query").asText(), Scope.GLOBAL);
            boolean ok;
            if (expected == null) {
                ok = r instanceof SongResolution.NotFound;
            } else {
                ok = r instanceof SongResolution.Found f && expected.equals(corpus.recordOf.get(f.song().id()));
            }
            int[] t = tally.computeIfAbsent(noise, k -> new int[2]);
            t[0] += ok ? 1 : 0;
            t[1]++;
            if (!ok && (args.length < 2 || noise.equals(args[1]))) {
                String got = r instanceof SongResolution.Found f ? "Found " + f.song().label()
                        : r instanceof SongResolution.Ambiguous a ? "Ambiguous " + a.candidates().size() : "NotFound";
                System.out.println("MISS [" + noise + "] " + n.path("query").asText() + " -> " + got);
            }
        }
        tally.forEach((k, t) -> System.out.printf("%-22s %.3f %d/%d%n", k, (double) t[0] / t[1], t[0], t[1]));
    }
}
