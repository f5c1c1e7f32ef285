package io.linernotes.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.config.EssayConfig;
import io.linernotes.config.ModelConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.EssayFormatException;
import io.linernotes.eval.CorpusRecord;
import io.linernotes.eval.NaiveRag;
import io.linernotes.retrieval.CachingEmbedder;
import io.linernotes.retrieval.MiniLmEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Measures the engine at several corpus sizes on a {@link SyntheticCorpus}, all figures of a size from one run:
 * import throughput beside raw embedding throughput, index size, cold start on the persisted index,
 * autocomplete latency, answer latency and recall per kind of question beside the naive baseline's retrieval
 * latency and recall on the same questions, resident memory of a one-shot {@code ask} and of a long-running
 * {@code console} (each in a JVM of its own), and the answer cache's hit rate on a popular-songs workload.
 */
public final class BenchRun {

    private static final Logger log = LoggerFactory.getLogger(BenchRun.class);
    private static final int WARM_UP = 5;
    private static final int RAW_SAMPLE = 256;
    private static final int BASELINE_PART = 4_096;

    /**
     * What to run. {@code workDir} null: a temporary folder, deleted afterwards. {@code textSource} null: the
     * bundled prose. {@code perKind}: timed questions of each kind. {@code botQuestions}: questions the
     * long-running process answers before its memory is read (0: no child processes). {@code cacheQuestions}:
     * the answer-cache workload's size (0: not run). {@code childJvmOptions}: options of the child JVMs.
     */
    public record Options(List<Integer> sizes, int perKind, long seed, Path workDir, AppConfig config,
            Path textSource, int botQuestions, int cacheQuestions, List<String> childJvmOptions) {
    }

    private BenchRun() {
    }

    public static List<BenchResult> run(Options options, Consumer<String> progress)
            throws IOException, EssayFormatException, InterruptedException {
        boolean temporary = options.workDir() == null;
        Path work = temporary ? Files.createTempDirectory("linernotes-bench") : options.workDir();
        Files.createDirectories(work);
        TextSource source = options.textSource() == null ? TextSource.bundled()
                : TextSource.fromCorpus(options.textSource());
        progress.accept("prose from " + source.description());
        // The baseline embeds its questions the way a langchain4j user's first setup does: the model's defaults.
        EmbeddingModel baselineQuestions = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<BenchResult> results = new ArrayList<>();
        try {
            for (int size : options.sizes()) {
                progress.accept("size " + size + ": generating");
                results.add(runSize(size, options, source, work.resolve("size-" + size), baselineQuestions, progress));
                progress.accept(BenchTable.row(results.get(results.size() - 1)));
            }
        } finally {
            if (temporary) {
                delete(work);
            }
        }
        return results;
    }

    private static BenchResult runSize(int size, Options options, TextSource source, Path dir,
            EmbeddingModel baselineQuestions, Consumer<String> progress)
            throws IOException, EssayFormatException, InterruptedException {
        Files.createDirectories(dir);
        List<SyntheticCorpus.Record> records = new SyntheticCorpus(options.seed(), source).generate(size);
        Path corpus = dir.resolve("corpus.jsonl");
        if (!Files.exists(corpus)) {
            SyntheticCorpus.write(records, corpus); // the corpus measured, for anyone who wants to look at it
        }
        int paragraphs = records.stream().mapToInt(r -> r.paragraphs().size()).sum();
        Path dataDir = dir.resolve("data");
        Path importState = dir.resolve("import-state.json");
        if (!Files.exists(importState)) {
            // A fresh start; vectors an earlier, stopped run computed are kept (the cache is keyed by model and text).
            clearKeepingEmbeddingCache(dataDir);
        }
        EssayConfig limits = options.config().essays();
        // The operator's import of a large file: the per-file reading budget meant for uploads does not apply.
        AppConfig config = options.config().withDataDir(dataDir.toString()).withModel(ModelConfig.defaults())
                .withEssays(new EssayConfig(limits.maxBodyBytes(), limits.maxTitleChars(), limits.maxParagraphs(),
                        limits.maxEssaysPerServer(), limits.maxRevisionsPerServer(), 3_600));

        progress.accept("size " + size + ": importing " + paragraphs + " paragraphs");
        BenchImport.Figures imported = BenchImport.run(config, records, importState, paragraphs, progress);
        double importLoad = ProcessMemory.loadAverage();
        long importMillis = Math.max(1, imported.millis());
        long indexBytes = sizeOf(dataDir.resolve("index"));
        long dataBytes = sizeOf(dataDir);

        progress.accept("size " + size + ": raw embedding and the baseline");
        List<String> sample = records.stream().flatMap(r -> r.paragraphs().stream()).limit(RAW_SAMPLE).toList();
        double rawRate;
        double rawLoad;
        try (MiniLmEmbedder fresh = new MiniLmEmbedder()) {
            fresh.embed("a warm-up, so that loading the model is not timed");
            long rawStart = System.nanoTime();
            fresh.embedAll(sample);
            rawRate = sample.size() / ((System.nanoTime() - rawStart) / 1e9);
            rawLoad = ProcessMemory.loadAverage();
        }
        long baselineStart = System.nanoTime();
        NaiveRag rag;
        long baselineEmbedded;
        try (MiniLmEmbedder segmentModel = new MiniLmEmbedder();
                CachingEmbedder segments = CachingEmbedder.open(segmentModel, dir.resolve("baseline"))) {
            rag = NaiveRag.build(records.stream()
                    .map(r -> new CorpusRecord(r.id(), r.title(), r.artist(), null, r.text())).toList(),
                    baselineQuestions, texts -> embedInParts(segments, texts, progress));
            baselineEmbedded = segments.computedCount();
        }
        long baselineMillis = (System.nanoTime() - baselineStart) / 1_000_000;

        progress.accept("size " + size + ": cold start and questions");
        Random random = new Random(options.seed() + size);
        List<BenchQuestions.Question> questions = BenchQuestions.generate(records, options.perKind(), random);
        List<String> prefixes = prefixes(records, options.perKind() * 4 + WARM_UP, random);
        long coldStart;
        long embeddedAtStart;
        List<KindFigures> kinds;
        Latency autocomplete;
        long rss;
        long started = System.nanoTime();
        try (Engine engine = Engine.open(config)) {
            coldStart = (System.nanoTime() - started) / 1_000_000;
            embeddedAtStart = engine.embeddingsComputed();
            autocomplete = time(prefixes, p -> engine.answers().suggestSongs(p, Scope.GLOBAL, 25));
            kinds = QuestionRun.run(engine, rag, questions, records);
            rss = ProcessMemory.residentKb().orElse(-1);
        }
        double questionLoad = ProcessMemory.loadAverage();
        // The kernel updates the high-water mark lazily: it can lag the current figure read a moment before.
        long peak = Math.max(rss, ProcessMemory.peakResidentKb().orElse(-1));
        int segments = rag.segments();
        rag = null; // the baseline's vectors are garbage from here on: the child processes need the memory

        ChildMemory.Measured ask = new ChildMemory.Measured(-1, -1, -1, 0);
        ChildMemory.Measured bot = new ChildMemory.Measured(-1, -1, -1, 0);
        if (options.botQuestions() > 0) {
            progress.accept("size " + size + ": memory of a one-shot ask and of a long-running console");
            Path childConfig = Files.writeString(dir.resolve("child.yaml"), "data:\n  dir: " + dataDir + "\n");
            // A content question: it must embed, so the one-shot process loads the embedding model (a question
            // naming its song can be answered by BM25 alone and never loads it).
            String first = questions.stream().filter(q -> q.kind().equals("content")).findFirst()
                    .orElse(questions.get(0)).text();
            ask = ChildMemory.run(options.childJvmOptions(), dataDir, "", Duration.ofMinutes(5),
                    "--config", childConfig.toString(), "ask", first);
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < options.botQuestions(); i++) {
                lines.append(questions.get(i % questions.size()).text().replace('\n', ' ')).append('\n');
            }
            bot = ChildMemory.run(options.childJvmOptions(), dataDir, lines.toString(), Duration.ofMinutes(15),
                    "--config", childConfig.toString(), "console");
            log.info("children: ask exit {} in {} ms; console exit {} in {} ms", ask.exit(), ask.millis(), bot.exit(),
                    bot.millis());
        }
        AnswerCacheBench.Figures cache = null;
        if (options.cacheQuestions() > 0) {
            progress.accept("size " + size + ": answer cache, " + options.cacheQuestions() + " questions");
            cache = AnswerCacheBench.run(config, dataDir, records, options.cacheQuestions(), 20, options.seed());
        }
        return new BenchResult(size, paragraphs, source.description(), importMillis,
                paragraphs / (importMillis / 1000.0), imported.embedded(), imported.sessions(), sample.size(), rawRate,
                indexBytes, dataBytes, coldStart, embeddedAtStart, kinds, all(kinds, true), autocomplete, segments,
                baselineMillis, baselineEmbedded, all(kinds, false), rss, peak, ask.peakKb(), bot.lastKb(),
                bot.peakKb(), options.botQuestions(), cache, new BenchResult.Load(importLoad, rawLoad, questionLoad));
    }

    /** The baseline's segment vectors, {@value #BASELINE_PART} at a time, with progress (an hour at 100,000 essays). */
    private static List<float[]> embedInParts(CachingEmbedder cache, List<String> texts, Consumer<String> progress) {
        List<float[]> out = new ArrayList<>(texts.size());
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += BASELINE_PART) {
            out.addAll(cache.embedAll(texts.subList(from, Math.min(texts.size(), from + BASELINE_PART))));
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = cache.computedCount() / Math.max(1e-3, seconds);
            if (texts.size() > BASELINE_PART) {
                progress.accept(String.format(Locale.ROOT, "baseline: %d/%d segments (%d embedded now, %.1f/s)",
                        out.size(), texts.size(), cache.computedCount(), rate));
            }
        }
        return out;
    }

    /** Empties {@code dataDir} but for the embedding cache, whose vectors a new import can use again. */
    private static void clearKeepingEmbeddingCache(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                boolean cache = p.getParent() != null && p.getParent().equals(dataDir)
                        && p.getFileName().toString().startsWith("embeddings.sqlite");
                if (!cache && !p.equals(dataDir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** All kinds together, weighted by their counts: the nearest-rank percentiles are taken per kind, so approximate. */
    private static Latency all(List<KindFigures> kinds, boolean engine) {
        int n = 0;
        double p50 = 0;
        double p99 = 0;
        double max = 0;
        for (KindFigures k : kinds) {
            Latency l = engine ? k.engine() : k.baseline();
            n += l.count();
            p50 += l.p50Ms() * l.count();
            p99 = Math.max(p99, l.p99Ms());
            max = Math.max(max, l.maxMs());
        }
        return new Latency(n, n == 0 ? 0 : p50 / n, p99, max);
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
