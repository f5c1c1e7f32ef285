package io.linernotes.eval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.config.ModelConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayFormatException;
import io.linernotes.retrieval.RetrievedPassage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation: imports the corpus into a fresh data directory through {@link Engine#essays()}, asks every
 * question through the real answer path (extractive model, global scope), runs the {@link NaiveRag} baseline
 * on the same corpus and questions, and scores both with one {@link Scorer}.
 */
public final class EvalRun {

    private static final Logger log = LoggerFactory.getLogger(EvalRun.class);

    /**
     * What to evaluate. {@code config} supplies retrieval settings; its data dir and model are replaced.
     * {@code details}, when not null, receives one JSON line per question ({@link EvalDetails}).
     */
    public record Options(Path corpus, Path questions, double baselineThreshold, AppConfig config, Path details) {

        public Options(Path corpus, Path questions, double baselineThreshold, AppConfig config) {
            this(corpus, questions, baselineThreshold, config, null);
        }
    }

    private EvalRun() {
    }

    public static EvalReport run(Options options) throws IOException, EssayFormatException {
        List<CorpusRecord> records = EvalFiles.corpus(options.corpus());
        List<EvalQuestion> questions = EvalFiles.questions(options.questions());
        Path dataDir = Files.createTempDirectory("linernotes-eval");
        AppConfig config = options.config().withDataDir(dataDir.toString()).withModel(ModelConfig.defaults());
        Map<String, SystemAnswer> engineAnswers = new HashMap<>();
        Map<String, SystemAnswer> retrievalAnswers = new HashMap<>();
        EvalDetails details = new EvalDetails();
        CorpusMap map;
        long importMillis;
        try (Engine engine = Engine.open(config)) {
            removeEverything(engine);
            long started = System.nanoTime();
            engine.essays().importFile(options.corpus().getFileName().toString(),
                    Files.readAllBytes(options.corpus()), Scope.GLOBAL);
            importMillis = (System.nanoTime() - started) / 1_000_000;
            List<Essay> stored = engine.essays().list(Scope.GLOBAL);
            map = CorpusMap.of(records, stored);
            log.info("imported {} essays in {} ms; {} match no corpus record", stored.size(), importMillis,
                    map.unmatchedEssays());
            for (EvalQuestion q : questions) {
                Answer answer = engine.answers().answer(AnswerRequest.ask(q.query(), Scope.GLOBAL));
                SystemAnswer scored = toSystemAnswer(answer, map);
                engineAnswers.put(q.id(), scored);
                List<RetrievedPassage> alone = retrievalAlone(engine, q);
                SystemAnswer aloneScored = toSystemAnswer(alone, map);
                retrievalAnswers.put(q.id(), aloneScored);
                details.add(q, answer, scored, alone, aloneScored.songIds());
            }
        } finally {
            deleteQuietly(dataDir);
        }
        Scorer scorer = new Scorer(records.stream().map(CorpusRecord::title).filter(t -> t != null).toList(),
                CorpusMap.expectedArtist(records, map));

        long baselineStart = System.nanoTime();
        NaiveRag rag = NaiveRag.build(records, new AllMiniLmL6V2QuantizedEmbeddingModel());
        long baselineMillis = (System.nanoTime() - baselineStart) / 1_000_000;
        Map<String, SystemAnswer> baselineAnswers = new HashMap<>();
        Map<String, SystemAnswer> baselineUnfiltered = new HashMap<>();
        for (EvalQuestion q : questions) {
            List<NaiveRag.Hit> hits = rag.retrieve(q.query());
            baselineAnswers.put(q.id(), NaiveRag.answer(hits, options.baselineThreshold()));
            baselineUnfiltered.put(q.id(), NaiveRag.answer(hits, Double.NEGATIVE_INFINITY));
            details.baseline(q, hits, options.baselineThreshold());
        }
        if (options.details() != null) {
            details.write(options.details());
        }
        Map<String, String> noise = EvalFiles.noiseClasses(options.questions());
        return new EvalReport(options.corpus().toString(), options.questions().toString(), questions.size(),
                records.size(), map.storedIds().size(), options.baselineThreshold(), rag.segments(), importMillis,
                baselineMillis, byNoise(scorer.scoreAll(questions, engineAnswers), scorer, questions, engineAnswers, noise),
                byNoise(scorer.scoreAll(questions, baselineAnswers), scorer, questions, baselineAnswers, noise),
                scorer.scoreAll(questions, retrievalAnswers), scorer.scoreAll(questions, baselineUnfiltered));
    }

    /**
     * The engine's search alone: the question over the whole index, before any song is chosen, as many
     * passages as the baseline returns. Not what answers are made of; what the song helpers start from.
     */
    static List<RetrievedPassage> retrievalAlone(Engine engine, EvalQuestion q) {
        return engine.retriever().retrieve(q.query(), Set.of(), Scope.GLOBAL, NaiveRag.MAX_RESULTS);
    }

    static SystemAnswer toSystemAnswer(List<RetrievedPassage> alone, CorpusMap map) {
        Set<String> top = alone.isEmpty() ? Set.of() : map.idsOf(alone.get(0).essay().song());
        return new SystemAnswer(alone.isEmpty(), top, "", List.of(),
                alone.stream().map(p -> p.passage().text()).toList());
    }

    /** The figures per kind, then per noise class of generated questions ({@code "noise:typo-title"}). */
    static Map<String, Figures> byNoise(Map<String, Figures> byKind, Scorer scorer, List<EvalQuestion> questions,
            Map<String, SystemAnswer> answers, Map<String, String> noise) {
        if (noise.isEmpty()) {
            return byKind;
        }
        Map<String, List<EvalQuestion>> groups = new java.util.TreeMap<>();
        for (EvalQuestion q : questions) {
            String c = noise.get(q.id());
            if (c != null) {
                groups.computeIfAbsent("noise:" + c, k -> new java.util.ArrayList<>()).add(q);
            }
        }
        Map<String, Figures> out = new LinkedHashMap<>(byKind);
        groups.forEach((c, qs) -> out.put(c, scorer.scoreAll(qs, answers).get("all")));
        return out;
    }

    /**
     * The baseline threshold sweep on a question set; needs no engine, since the objective (song top-1 plus
     * absent refusals) uses neither the engine nor the artists.
     */
    public static List<ThresholdTuner.Point> tune(Path corpus, Path questionsFile, double from, double to, double step)
            throws IOException {
        List<CorpusRecord> records = EvalFiles.corpus(corpus);
        List<EvalQuestion> questions = EvalFiles.questions(questionsFile);
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        NaiveRag rag = NaiveRag.build(records, model);
        Map<String, List<NaiveRag.Hit>> hits = new LinkedHashMap<>();
        for (EvalQuestion q : questions) {
            hits.put(q.id(), rag.retrieve(q.query()));
        }
        Scorer scorer = new Scorer(records.stream().map(CorpusRecord::title).filter(t -> t != null).toList(),
                id -> java.util.Optional.empty());
        return ThresholdTuner.sweep(questions, hits, scorer, from, to, step);
    }

    static SystemAnswer toSystemAnswer(Answer answer, CorpusMap map) {
        return new SystemAnswer(answer.status() == Answer.Status.NO_COMMENTARY, map.idsOf(answer.song()),
                answer.text(), answer.notes(), answer.readTexts());
    }

    /** The store of a fresh data directory may hold bundled demo essays; the evaluation wants the corpus alone. */
    static void removeEverything(Engine engine) {
        for (Essay e : engine.essays().list(Scope.GLOBAL)) {
            engine.essays().remove(e.id(), e.scope());
        }
    }

    static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}", dir, e);
        }
    }
}
