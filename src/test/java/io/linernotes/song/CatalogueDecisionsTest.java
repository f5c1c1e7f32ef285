package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linernotes.bench.BenchQuestions;
import io.linernotes.bench.SyntheticCorpus;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's decisions on a generated question set, compared with the decisions recorded before the
 * catalogue's start-up work was made faster: how a catalogue is built must never change what it decides.
 *
 * <p>Songs and questions come from the benchmark's own generator (bundled text, fixed seed): 2,000 songs, one in
 * ten stored for one server only, and questions of every kind the bench knows, each resolved as a question and
 * as a song name, for everyone and for that server, plus autocomplete of its first letters. When resolution is
 * changed on purpose, record the file again with {@code -Dcatalogue.record=true} and review its diff.
 */
class CatalogueDecisionsTest {

    static final Path RECORDED = Path.of("src", "test", "resources", "song-decisions", "decisions.txt");
    private static final Scope SERVER = Scope.guild("100000000000000001");

    @Test
    void decisionsAreThoseRecorded() throws IOException {
        String now = String.join("\n", decisions()) + "\n";
        if (Boolean.getBoolean("catalogue.record")) {
            Files.writeString(RECORDED, now, StandardCharsets.UTF_8);
        }
        String recorded = Files.readString(RECORDED, StandardCharsets.UTF_8);
        List<String> want = recorded.lines().toList();
        List<String> got = now.lines().toList();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertEquals(want.get(i), got.get(i), "decision " + (i + 1) + " changed");
        }
        assertEquals(want.size(), got.size(), "number of decisions");
    }

    static List<String> decisions() {
        return decisions(SongCatalog::of);
    }

    /** The decisions of the catalogue {@code build} makes of the generated songs. */
    static List<String> decisions(Function<List<SongCatalog.Entry>, SongCatalog> build) {
        List<SyntheticCorpus.Record> records = records();
        SongCatalog catalog = build.apply(entries(records));
        SongResolver resolver = new SongResolver(catalog);
        List<String> out = new ArrayList<>();
        for (BenchQuestions.Question q : BenchQuestions.generate(records, 150, new Random(12))) {
            for (Scope reader : List.of(Scope.GLOBAL, SERVER)) {
                String who = reader.isGlobal() ? "all" : "server";
                out.add(q.kind() + " " + who + " question | " + q.text() + " | "
                        + describe(resolver.findInQuestion(q.text(), reader)));
                out.add(q.kind() + " " + who + " name | " + q.text() + " | " + describe(resolver.resolve(q.text(), reader)));
            }
            String typed = q.text().substring(0, Math.min(5, q.text().length()));
            out.add(q.kind() + " suggest | " + typed + " | " + catalog.suggest(typed, Scope.GLOBAL, 10).stream()
                    .map(s -> Long.toString(s.id())).collect(Collectors.joining(",")));
        }
        return out;
    }

    static List<SyntheticCorpus.Record> records() {
        return new SyntheticCorpus(12).generate(2000);
    }

    /** The generated songs as catalogue entries: one in ten stored for one server only. */
    static List<SongCatalog.Entry> entries(List<SyntheticCorpus.Record> records) {
        List<SongCatalog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            SyntheticCorpus.Record r = records.get(i);
            Song song = new Song(i + 1, r.title(), r.artist(), r.featured(), r.year(), null);
            String text = r.text();
            Scope scope = i % 10 == 9 ? SERVER : Scope.GLOBAL;
            entries.add(new SongCatalog.Entry(song, Set.of(scope), text.substring(0, Math.min(600, text.length()))));
        }
        return entries;
    }

    private static String describe(SongResolution r) {
        if (r instanceof SongResolution.Found f) {
            return String.format("found %d %.6f %s", f.song().id(), f.confidence(), f.misattribution());
        }
        if (r instanceof SongResolution.Ambiguous a) {
            return "ambiguous " + a.candidates().stream().map(c -> String.format("%d:%.6f", c.song().id(), c.score()))
                    .collect(Collectors.joining(","));
        }
        SongResolution.NotFound n = (SongResolution.NotFound) r;
        return "not found " + n.title() + " / " + n.artist();
    }
}
