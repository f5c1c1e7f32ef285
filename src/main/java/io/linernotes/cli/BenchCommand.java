package io.linernotes.cli;

import io.linernotes.bench.BenchResult;
import io.linernotes.bench.BenchRun;
import io.linernotes.bench.BenchTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linernotes bench}: speed, size, recall and memory of the engine on essay-like corpora of given sizes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Generate a deterministic essay-like corpus per size and measure, in one run: import throughput "
                + "(beside raw embedding throughput), index size, cold start, autocomplete latency, answer latency and "
                + "recall per kind of question beside the naive baseline's retrieval latency and recall, resident "
                + "memory of a one-shot ask and of a long-running console, and the answer cache's hit rate.")
public final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    LinerNotesCommand root;

    @Option(names = "--sizes", split = ",", defaultValue = "1000,10000",
            description = "Corpus sizes in essays, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = {"--per-kind", "--queries"}, defaultValue = "100",
            description = "Timed questions of each kind: resolve, content, line, absent (default: ${DEFAULT-VALUE}).")
    int perKind;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the corpus and questions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--source", description = "A JSON Lines corpus whose prose and essay shapes the benchmark corpus "
            + "recombines (e.g. the Wikipedia song articles); default: the bundled demo essays and templates.")
    Path source;

    @Option(names = "--bot-questions", defaultValue = "200", description = "Questions a long-running console answers "
            + "before its memory is read; 0 runs no child process (default: ${DEFAULT-VALUE}).")
    int botQuestions;

    @Option(names = "--cache-questions", defaultValue = "1000", description = "Size of the answer-cache workload over "
            + "20 popular songs; 0 skips it (default: ${DEFAULT-VALUE}).")
    int cacheQuestions;

    @Option(names = "--child-jvm", defaultValue = "-Xmx512m", description = "Options of the child JVMs whose memory is "
            + "measured, space-separated (default: ${DEFAULT-VALUE}, as in the Docker image).")
    String childJvm;

    @Option(names = "--work-dir", description = "Keep corpora, data directories and embedding caches here (default: a "
            + "temporary folder, deleted). A run stopped part-way resumes when started again with the same folder: the "
            + "import carries on from its last saved part, and no text embedded before is embedded again.")
    Path workDir;

    @Option(names = "--report", description = "Also write the figures as JSON to this file.")
    Path report;

    @Override
    public Integer call() throws Exception {
        if (sizes.stream().anyMatch(s -> s < 1) || perKind < 1 || botQuestions < 0 || cacheQuestions < 0) {
            System.err.println("--sizes and --per-kind must be positive, --bot-questions and --cache-questions not negative");
            return 2;
        }
        if (source != null && !Files.isRegularFile(source)) {
            System.err.println("No such corpus: " + source);
            return 2;
        }
        List<String> jvm = childJvm.isBlank() ? List.of() : Arrays.asList(childJvm.strip().split("\\s+"));
        List<BenchResult> results = BenchRun.run(new BenchRun.Options(sizes, perKind, seed, workDir, root.loadConfig(),
                source, botQuestions, cacheQuestions, jvm), line -> System.err.println(line));
        for (BenchResult r : results) {
            System.out.println(BenchTable.row(r));
        }
        if (report != null) {
            BenchTable.write(results, report);
            System.out.println("Report written to " + report);
        }
        return 0;
    }
}
