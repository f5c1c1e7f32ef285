package io.linernotes.bench;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.config.ModelConfig;
import io.linernotes.core.Scope;
import io.linernotes.model.CachingAnswerModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The answer cache under a popular-songs workload: {@code questions} questions over {@code songs} songs, the
 * songs and the phrasings drawn with a skew (the first far more often than the last), typed with varying case
 * and punctuation, answered through the real OpenAI-protocol client against {@link StandInChatServer}.
 */
final class AnswerCacheBench {

    /** What the workload did. {@code modelCalls}: calls the server received; {@code saved}: answers served from the cache. */
    record Figures(int questions, int songs, int answeredByModel, int modelCalls, long hits, double hitRate,
            Latency hitLatency, Latency missLatency) {
    }

    private static final List<String> PHRASINGS = List.of(
            "What is %s by %s about?", "what does %s by %s mean", "What's the meaning of %s by %s?",
            "Explain %s by %s", "What is the chorus of %s by %s about?", "Who is %s by %s addressed to?",
            "what is %s by %s really about", "Why did %s write %s?", "What is the story of %s by %s?",
            "Is %s by %s a sad song?");

    private AnswerCacheBench() {
    }

    static Figures run(AppConfig base, Path dataDir, List<SyntheticCorpus.Record> records, int questions, int songs,
            long seed) throws IOException {
        Random random = new Random(seed);
        List<SyntheticCorpus.Record> popular = new ArrayList<>();
        for (SyntheticCorpus.Record r : records) {
            // Songs with a title of their own, so that every question is about one song.
            if (popular.size() < songs && records.stream().filter(o -> o.title().equals(r.title())).count() == 1) {
                popular.add(r);
            }
        }
        try (StandInChatServer server = new StandInChatServer(20)) {
            ModelConfig model = new ModelConfig("openai", server.baseUrl(), "bench-stand-in", "LINERNOTES_BENCH_KEY",
                    10, 0, null, 0, false);
            AppConfig config = base.withDataDir(dataDir.toString()).withModel(model);
            try (Engine engine = Engine.open(config, Path.of("prompts"), name -> "bench-not-a-secret")) {
                int answeredByModel = 0;
                List<Long> hitNanos = new ArrayList<>();
                List<Long> missNanos = new ArrayList<>();
                for (int i = 0; i < questions; i++) {
                    SyntheticCorpus.Record song = popular.get(skewed(random, popular.size()));
                    String phrasing = PHRASINGS.get(skewed(random, PHRASINGS.size()));
                    String text = phrasing.startsWith("Why did") ? String.format(Locale.ROOT, phrasing, song.artist(),
                            song.title()) : String.format(Locale.ROOT, phrasing, song.title(), song.artist());
                    text = retype(text, random);
                    int before = server.calls();
                    long t = System.nanoTime();
                    Answer answer = engine.answers().answer(AnswerRequest.ask(text, Scope.GLOBAL));
                    long nanos = System.nanoTime() - t;
                    if (answer.status() == Answer.Status.ANSWERED && answer.generatedBy().startsWith("openai")) {
                        answeredByModel++;
                        (server.calls() > before ? missNanos : hitNanos).add(nanos);
                    }
                }
                CachingAnswerModel.Stats stats = engine.answerCacheStats().orElseThrow();
                return new Figures(questions, popular.size(), answeredByModel, server.calls(), stats.hits(),
                        stats.hitRate(), Latency.of(hitNanos.stream().mapToLong(Long::longValue).toArray()),
                        Latency.of(missNanos.stream().mapToLong(Long::longValue).toArray()));
            }
        }
    }

    /** 0..n-1, the low end far more often (the square of a uniform draw). */
    private static int skewed(Random random, int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) (n * u * u));
    }

    /** As people type: sometimes all lower case, sometimes without the question mark, sometimes with two. */
    private static String retype(String text, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> text.toLowerCase(Locale.ROOT);
            case 1 -> text.replace("?", "");
            case 2 -> text + "?";
            default -> text;
        };
    }
}
