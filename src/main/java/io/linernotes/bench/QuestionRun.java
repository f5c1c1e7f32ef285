package io.linernotes.bench;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.answer.Source;
import io.linernotes.app.Engine;
import io.linernotes.core.Scope;
import io.linernotes.eval.NaiveRag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Times and scores the benchmark questions, kind by kind, through the engine and through the baseline. */
final class QuestionRun {

    private static final int WARM_UP = 5;

    /** How one question went: its time and whether it found the song (or refused) and the evidence. */
    private record Outcome(long nanos, boolean song, Boolean evidence) {
    }

    private QuestionRun() {
    }

    static List<KindFigures> run(Engine engine, NaiveRag baseline, List<BenchQuestions.Question> questions,
            List<SyntheticCorpus.Record> records) {
        Map<String, String> idBySong = new HashMap<>();
        for (SyntheticCorpus.Record r : records) {
            idBySong.put(songKey(r.title(), r.artist()), r.id());
        }
        // Warm both paths (class loading, the query embedding's first session run) before timing anything.
        for (int i = 0; i < Math.min(WARM_UP, questions.size()); i++) {
            engine.answers().answer(AnswerRequest.ask(questions.get(i).text(), Scope.GLOBAL));
            baseline.retrieve(questions.get(i).text());
        }
        List<KindFigures> out = new ArrayList<>();
        for (String kind : BenchQuestions.KINDS) {
            List<BenchQuestions.Question> ofKind = questions.stream().filter(q -> q.kind().equals(kind)).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            List<Outcome> engineOutcomes = new ArrayList<>();
            List<Outcome> baselineOutcomes = new ArrayList<>();
            for (BenchQuestions.Question q : ofKind) {
                engineOutcomes.add(engine(engine, q, idBySong));
                baselineOutcomes.add(baseline(baseline, q));
            }
            out.add(new KindFigures(kind, ofKind.size(), latency(engineOutcomes), share(engineOutcomes, Outcome::song),
                    evidence(engineOutcomes), latency(baselineOutcomes), share(baselineOutcomes, Outcome::song),
                    evidence(baselineOutcomes)));
        }
        return out;
    }

    private static Outcome engine(Engine engine, BenchQuestions.Question q, Map<String, String> idBySong) {
        long t = System.nanoTime();
        Answer answer = engine.answers().answer(AnswerRequest.ask(q.text(), Scope.GLOBAL));
        long nanos = System.nanoTime() - t;
        if (q.expectedId() == null) {
            return new Outcome(nanos, answer.status() != Answer.Status.ANSWERED, null);
        }
        boolean song = answer.status() == Answer.Status.ANSWERED && answer.song() != null
                && q.expectedId().equals(idBySong.get(songKey(answer.song().title(), answer.song().artist())));
        Boolean evidence = null;
        if (q.evidence() != null) {
            evidence = false;
            for (Source s : song ? answer.sources() : List.<Source>of()) {
                evidence |= squash(s.passage()).contains(squash(q.evidence()));
            }
        }
        return new Outcome(nanos, song, evidence);
    }

    private static Outcome baseline(NaiveRag rag, BenchQuestions.Question q) {
        long t = System.nanoTime();
        List<NaiveRag.Hit> hits = rag.retrieve(q.text());
        long nanos = System.nanoTime() - t;
        if (q.expectedId() == null) {
            return new Outcome(nanos, NaiveRag.answer(hits, NaiveRag.TUNED_THRESHOLD).refused(), null);
        }
        boolean song = !hits.isEmpty() && q.expectedId().equals(hits.get(0).corpusId());
        Boolean evidence = null;
        if (q.evidence() != null) {
            evidence = false;
            for (NaiveRag.Hit h : hits) {
                evidence |= q.expectedId().equals(h.corpusId()) && squash(h.text()).contains(squash(q.evidence()));
            }
        }
        return new Outcome(nanos, song, evidence);
    }

    private static Latency latency(List<Outcome> outcomes) {
        long[] nanos = new long[outcomes.size()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = outcomes.get(i).nanos();
        }
        return Latency.of(nanos);
    }

    private static double share(List<Outcome> outcomes, Function<Outcome, Boolean> test) {
        return outcomes.isEmpty() ? 0 : outcomes.stream().filter(test::apply).count() / (double) outcomes.size();
    }

    private static double evidence(List<Outcome> outcomes) {
        List<Outcome> with = outcomes.stream().filter(o -> o.evidence() != null).toList();
        return with.isEmpty() ? -1 : share(with, Outcome::evidence);
    }

    private static String songKey(String title, String artist) {
        return title.toLowerCase(Locale.ROOT) + "|" + artist.toLowerCase(Locale.ROOT);
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
