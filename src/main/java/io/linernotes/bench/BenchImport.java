package io.linernotes.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayFormatException;
import io.linernotes.retrieval.IndexMaintainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The benchmark's import, in parts of {@value #PART} essays, that survives being stopped. After each part the
 * figures so far (parts done, milliseconds spent importing, texts embedded) are written to
 * {@code import-state.json} beside the data directory; a later run with the same work directory carries on
 * from the first part not done. Vectors computed before a stop are in the data directory's embedding cache, so
 * a part cut short is not embedded again, and the index catches up from the store when the engine opens
 * (that opening is timed as import too). The import time reported is the sum of the time spent importing in
 * every session, not the wall time between the first start and the last stop.
 */
final class BenchImport {

    /**
     * Essays per part. A stop loses no vector (they are cached as they are computed), so parts can be large;
     * each part ends with the song catalogue rebuilt from the store, which at 100,000 essays costs seconds.
     */
    static final int PART = 10_000;
    private static final int PROGRESS_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the import cost: over all sessions, and how many texts the model embedded (the rest came cached). */
    record Figures(long millis, long embedded, int sessions) {
    }

    /** Progress saved after every part. */
    record State(int essays, int partsDone, long millis, long embedded, int sessions) {
    }

    private BenchImport() {
    }

    /**
     * Imports {@code records} into the data directory of {@code config}, or finishes an import a previous run
     * began; returns at once with the saved figures when it is complete.
     */
    static Figures run(AppConfig config, List<SyntheticCorpus.Record> records, Path stateFile, int paragraphs,
            Consumer<String> progress) throws IOException, EssayFormatException {
        return run(config, records, stateFile, paragraphs, progress, PART);
    }

    /** As above, {@code partSize} essays a part (tests use small parts). */
    static Figures run(AppConfig config, List<SyntheticCorpus.Record> records, Path stateFile, int paragraphs,
            Consumer<String> progress, int partSize) throws IOException, EssayFormatException {
        int parts = (records.size() + partSize - 1) / partSize;
        State state = read(stateFile, records.size());
        if (state.partsDone() >= parts) {
            progress.accept(String.format(Locale.ROOT, "import already complete (in %d session(s)): skipped",
                    state.sessions()));
            return new Figures(state.millis(), state.embedded(), state.sessions());
        }
        boolean fresh = state.partsDone() == 0;
        long sessionStart = System.nanoTime();
        long millis = state.millis();
        long embedded = state.embedded();
        int sessions = state.sessions() + 1;
        try (Engine engine = Engine.open(config)) {
            if (fresh) {
                for (Essay e : engine.essays().list(Scope.GLOBAL)) {
                    engine.essays().remove(e.id(), e.scope()); // bundled demo essays: measure the corpus alone
                }
            }
            long partStart = sessionStart;
            long embeddedBefore = 0;
            int paragraphsDone = countParagraphs(records, state.partsDone() * partSize);
            for (int part = state.partsDone(); part < parts; part++) {
                List<SyntheticCorpus.Record> slice = records.subList(part * partSize, Math.min(records.size(),
                        (part + 1) * partSize));
                engine.onIndexProgress(within(part, parts, paragraphsDone, paragraphs, engine, sessionStart,
                        progress));
                engine.essays().importFile("corpus-part-" + part + ".jsonl", SyntheticCorpus.jsonLines(slice),
                        Scope.GLOBAL);
                long now = System.nanoTime();
                millis += (now - partStart) / 1_000_000;
                embedded += engine.embeddingsComputed() - embeddedBefore;
                embeddedBefore = engine.embeddingsComputed();
                partStart = now;
                write(stateFile, new State(records.size(), part + 1, millis, embedded, sessions));
                paragraphsDone += countParagraphs(slice, slice.size());
                double rate = embeddedBefore / Math.max(1e-3, (now - sessionStart) / 1e9);
                progress.accept(String.format(Locale.ROOT,
                        "import: part %d/%d, %d/%d paragraphs; %.1f texts embedded/s this session; about %s left",
                        part + 1, parts, paragraphsDone, paragraphs, rate,
                        rate <= 0 ? "no time" : minutes((paragraphs - paragraphsDone) / rate)));
            }
        }
        return new Figures(millis, embedded, sessions);
    }

    /** A line at most every {@value #PROGRESS_SECONDS} s while a part is indexed: a part can take many minutes. */
    private static IndexMaintainer.Progress within(int part, int parts, int paragraphsBefore, int paragraphs,
            Engine engine, long sessionStart, Consumer<String> progress) {
        long[] last = {System.nanoTime()};
        return (done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] < PROGRESS_SECONDS * 1_000_000_000L || done >= total) {
                return;
            }
            last[0] = now;
            double rate = engine.embeddingsComputed() / Math.max(1e-3, (now - sessionStart) / 1e9);
            progress.accept(String.format(Locale.ROOT,
                    "import: part %d/%d, passages %d/%d of this part; %.1f texts embedded/s this session; about %s"
                            + " left", part + 1, parts, done, total, rate,
                    rate <= 0 ? "unknown time" : minutes((paragraphs - paragraphsBefore - done) / rate)));
        };
    }

    private static State read(Path stateFile, int essays) throws IOException {
        if (!Files.exists(stateFile)) {
            return new State(essays, 0, 0, 0, 0);
        }
        State saved = JSON.readValue(stateFile.toFile(), State.class);
        if (saved.essays() != essays) {
            throw new IllegalStateException(stateFile + " belongs to a corpus of " + saved.essays() + " essays, not "
                    + essays + "; remove the work directory of this size to start again");
        }
        return saved;
    }

    private static void write(Path stateFile, State state) throws IOException {
        Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), state);
        Files.move(tmp, stateFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static int countParagraphs(List<SyntheticCorpus.Record> records, int first) {
        int n = 0;
        for (int i = 0; i < Math.min(first, records.size()); i++) {
            n += records.get(i).paragraphs().size();
        }
        return n;
    }

    private static String minutes(double seconds) {
        return seconds < 90 ? Math.round(seconds) + " s" : Math.round(seconds / 60) + " min";
    }
}
