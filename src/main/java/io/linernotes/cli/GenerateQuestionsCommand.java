package io.linernotes.cli;

import io.linernotes.eval.EvalFiles;
import io.linernotes.eval.NoiseClass;
import io.linernotes.eval.RobustnessSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code linernotes generate-questions}: the seeded robustness suite for a corpus, in the eval format. */
@Command(name = "generate-questions", mixinStandardHelpOptions = true,
        description = "Write noisy questions for every song of a corpus (typos, split and joined words, name order, "
                + "dropped punctuation and accents, case, title only, featured artist as owner, descriptive "
                + "questions naming the artist) and absent songs, with a 'noise' field per question; "
                + "'eval --questions' on the file prints figures per noise class.")
public final class GenerateQuestionsCommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, description = "Corpus in JSON Lines (wikipedia-songs shape).")
    Path corpus;

    @Option(names = "--out", required = true, description = "Question file to write (JSON Lines).")
    Path out;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 8L;

    @Option(names = "--per-class", description = "Questions per song and noise class (default: ${DEFAULT-VALUE}).")
    int perClass = 1;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(corpus)) {
            System.err.println("No such file: " + corpus);
            return 2;
        }
        if (perClass < 1) {
            System.err.println("--per-class must be at least 1");
            return 2;
        }
        List<RobustnessSuite.Generated> questions = RobustnessSuite.generate(EvalFiles.corpus(corpus),
                EvalFiles.corpusYears(corpus), seed, perClass);
        RobustnessSuite.write(questions, out);
        Map<NoiseClass, Integer> counts = new TreeMap<>();
        questions.forEach(g -> counts.merge(g.noise(), 1, Integer::sum));
        System.out.println(questions.size() + " questions written to " + out);
        counts.forEach((c, n) -> System.out.println("  " + c.key() + ": " + n));
        return 0;
    }
}
