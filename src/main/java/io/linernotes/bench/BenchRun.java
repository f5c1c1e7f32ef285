package io.linernotes.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.config.ModelConfig;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayFormatException;
import io.linernotes.essay.Scope;
import io.linernotes.eval.CorpusRecord;
import io.linernotes.eval.NaiveRag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the engine at several corpus sizes on a {@link SyntheticCorpus}: import throughput beside raw
 * embedding throughput, index size, cold start on the persisted index, answer and autocomplete latency, the
 * naive baseline's retrieval latency, resident memory. All in one JVM, so memory figures of later sizes include
 * what earlier ones left (notably the baseline's embedding model, loaded once).
 */
public final class BenchRun {

    private static final Logger log = LoggerFactory.getLogger(BenchRun.class);
    private static final int WARM_UP = 5;
    private static final int RAW_SAMPLE = 256;

    /** What to run. {@code workDir} null: a temporary folder, deleted afterwards. */
    public record Options(List<Integer> sizes, int queries, long seed, Path workDir, AppConfig config) {
    }

    private BenchRun() {
    }

    public static List<BenchResult> run(Options options, Consumer<String> progress) throws IOException, EssayFormatException {
        boolean temporary = options.workDir() == null;
        Path work = temporary ? Files.createTempDirectory("linernotes-bench") : options.workDir();
        Files.createDirectories(work);
        EmbeddingModel raw = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<BenchResult> results = new ArrayList<>();
        try {
            for (int size : options.sizes()) {
                progress.accept("size " + size + ": generating");
                results.add(runSize(size, options, work.resolve("size-" + size), raw, progress));
                progress.accept(BenchTable.row(results.get(results.size() - 1)));
            }
        } finally {
            if (temporary) {
                delete(work);
            }
        }
        return results;
    }

    private static BenchResult runSize(int size, Options options, Path dir, EmbeddingModel raw, Consumer<String> progress)
            throws IOException, EssayFormatException {
        Files.createDirectories(dir);
        List<SyntheticCorpus.Record> records = new SyntheticCorpus(options.seed()).generate(size);
        Path corpus = SyntheticCorpus.write(records, dir.resolve("corpus.jsonl"));
        int paragraphs = records.stream().mapToInt(r -> r.paragraphs().size()).sum();
        Path dataDir = dir.resolve("data");
        delete(dataDir);
        AppConfig config = options.config().withDataDir(dataDir.toString()).withModel(ModelConfig.defaults());

        progress.accept("size " + size + ": importing " + paragraphs + " paragraphs");
        long importMillis;
        try (Engine engine = Engine.open(config)) {
            for (Essay e : engine.essays().list(Scope.GLOBAL)) {
                engine.essays().remove(e.id(), e.scope()); // bundled demo essays: measure the corpus alone
            }
            long started = System.nanoTime();
            engine.essays().importFile("corpus.jsonl", Files.readAllBytes(corpus), Scope.GLOBAL);
            importMillis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        }
        long indexBytes = sizeOf(dataDir.resolve("index"));
        long dataBytes = sizeOf(dataDir);

        progress.accept("size " + size + ": cold start and queries");
        Random random = new Random(options.seed() + size);
        List<String> questions = questions(records, options.queries() + WARM_UP, random);
        List<String> prefixes = prefixes(records, options.queries() + WARM_UP, random);
        long coldStart;
        long embeddedAtStart;
        Latency answer;
        Latency autocomplete;
        long rss;
        long started = System.nanoTime();
        try (Engine engine = Engine.open(config)) {
            coldStart = (System.nanoTime() - started) / 1_000_000;
            embeddedAtStart = engine.embeddingsComputed();
            answer = time(questions, q -> engine.answers().answer(AnswerRequest.ask(q, Scope.GLOBAL)));
            autocomplete = time(prefixes, p -> engine.answers().suggestSongs(p, Scope.GLOBAL, 25));
            rss = ProcessMemory.residentKb().orElse(-1);
        }

        progress.accept("size " + size + ": raw embedding and baseline");
        List<TextSegment> sample = records.stream().flatMap(r -> r.paragraphs().stream()).limit(RAW_SAMPLE)
                .map(TextSegment::from).toList();
        long rawStart = System.nanoTime();
        raw.embedAll(sample);
        double rawRate = sample.size() / ((System.nanoTime() - rawStart) / 1e9);

        long baselineStart = System.nanoTime();
        NaiveRag rag = NaiveRag.build(records.stream()
                .map(r -> new CorpusRecord(r.id(), r.title(), r.artist(), null, r.text())).toList(), raw);
        long baselineMillis = (System.nanoTime() - baselineStart) / 1_000_000;
        Latency baseline = time(questions, rag::retrieve);

        return new BenchResult(size, paragraphs, importMillis, paragraphs / (importMillis / 1000.0), sample.size(),
                rawRate, indexBytes, dataBytes, coldStart, embeddedAtStart, answer, autocomplete, rag.segments(),
                baselineMillis, baseline, rss, ProcessMemory.peakResidentKb().orElse(-1));
    }

    /** Half title questions ("what is X by Y about"), half content questions quoting a few words of a paragraph. */
    static List<String> questions(List<SyntheticCorpus.Record> records, int count, Random random) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SyntheticCorpus.Record r = records.get(random.nextInt(records.size()));
            if (i % 2 == 0) {
                out.add("what is " + r.title() + " by " + r.artist() + " about?");
            } else {
                String[] words = r.paragraphs().get(random.nextInt(r.paragraphs().size())).split("\\s+");
                int from = random.nextInt(Math.max(1, words.length - 8));
                out.add("which song says " + String.join(" ", List.of(words).subList(from, Math.min(words.length, from + 8))));
            }
        }
        return out;
    }

    /** What a user has typed into the song option: the first 1 to 4 characters of a title, in lower case. */
    static List<String> prefixes(List<SyntheticCorpus.Record> records, int count, Random random) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String title = records.get(random.nextInt(records.size())).title();
            out.add(title.substring(0, Math.min(title.length(), 1 + random.nextInt(4))).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static Latency time(List<String> inputs, Consumer<String> call) {
        for (int i = 0; i < Math.min(WARM_UP, inputs.size()); i++) {
            call.accept(inputs.get(i));
        }
        long[] nanos = new long[Math.max(0, inputs.size() - WARM_UP)];
        for (int i = WARM_UP; i < inputs.size(); i++) {
            long t = System.nanoTime();
            call.accept(inputs.get(i));
            nanos[i - WARM_UP] = System.nanoTime() - t;
        }
        return Latency.of(nanos);
    }

    static long sizeOf(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        log.debug("deleted {}", dir);
    }
}
