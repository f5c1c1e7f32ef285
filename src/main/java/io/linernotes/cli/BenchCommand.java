package io.linernotes.cli;

import io.linernotes.bench.BenchResult;
import io.linernotes.bench.BenchRun;
import io.linernotes.bench.BenchTable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linernotes bench}: speed and size of the engine on synthetic corpora of given sizes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Generate a deterministic synthetic corpus per size and measure import throughput (beside raw "
                + "embedding throughput), index size, cold start, answer and autocomplete latency, the naive "
                + "baseline's retrieval latency and resident memory.")
public final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    LinerNotesCommand root;

    @Option(names = "--sizes", split = ",", defaultValue = "1000,10000",
            description = "Corpus sizes in essays, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--queries", defaultValue = "200", description = "Timed queries per figure (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work-dir", description = "Keep corpora and data directories here (default: a temporary folder, deleted).")
    Path workDir;

    @Option(names = "--report", description = "Also write the figures as JSON to this file.")
    Path report;

    @Override
    public Integer call() throws Exception {
        if (sizes.stream().anyMatch(s -> s < 1) || queries < 1) {
            System.err.println("--sizes and --queries must be positive");
            return 2;
        }
        List<BenchResult> results = BenchRun.run(new BenchRun.Options(sizes, queries, seed, workDir, root.loadConfig()),
                line -> System.err.println(line));
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
