package io.linernotes.cli;

import io.linernotes.eval.EvalReport;
import io.linernotes.eval.EvalRun;
import io.linernotes.eval.NaiveRag;
import io.linernotes.eval.ReportTable;
import io.linernotes.eval.ThresholdTuner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linernotes eval}: answer quality of the engine beside a naive langchain4j baseline. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Import a corpus into a temporary data directory, ask every question of a question file, and "
                + "print song top-1, absent refusals, evidence recall@1/@5 and MRR, misattribution corrections and "
                + "keyword hits per question kind, for the engine and for a naive langchain4j baseline.")
public final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    LinerNotesCommand root;

    @Option(names = "--corpus", required = true, description = "Corpus in JSON Lines (wikipedia-songs shape).")
    Path corpus;

    @Option(names = "--questions", required = true, description = "Questions in JSON Lines (shared/eval format).")
    Path questions;

    @Option(names = "--report", description = "Also write every figure as JSON to this file.")
    Path report;

    @Option(names = "--details",
            description = "Also write one JSON line per question: status, refusal reason, song, the passages handed to"
                    + " the answer with rank, score and source, and the evidence rank, for the engine, retrieval alone"
                    + " and the baseline.")
    Path details;

    @Option(names = "--baseline-threshold",
            description = "Score under which the baseline refuses (default: ${DEFAULT-VALUE}, tuned on the dev set).")
    double baselineThreshold = NaiveRag.TUNED_THRESHOLD;

    @Option(names = "--tune-baseline",
            description = "Only sweep the baseline's refusal threshold on these questions and print the best.")
    boolean tune;

    @Override
    public Integer call() throws Exception {
        for (Path p : List.of(corpus, questions)) {
            if (!Files.isRegularFile(p)) {
                System.err.println("No such file: " + p);
                return 2;
            }
        }
        if (tune) {
            List<ThresholdTuner.Point> points = EvalRun.tune(corpus, questions, 0.30, 0.95, 0.01);
            for (ThresholdTuner.Point p : points) {
                System.out.printf(Locale.ROOT, "threshold %.2f  song top-1 %.3f  absent refusals %.3f  sum %.3f%n",
                        p.threshold(), p.songTop1(), p.absentRefusals(), p.objective());
            }
            ThresholdTuner.Point best = ThresholdTuner.best(points);
            System.out.printf(Locale.ROOT, "best threshold %.2f (song top-1 %.3f + absent refusals %.3f)%n",
                    best.threshold(), best.songTop1(), best.absentRefusals());
            return 0;
        }
        EvalReport result = EvalRun.run(new EvalRun.Options(corpus, questions, baselineThreshold, root.loadConfig(),
                details));
        System.out.print(ReportTable.render(result));
        if (report != null) {
            result.write(report);
            System.out.println("\nReport written to " + report);
        }
        if (details != null) {
            System.out.println("Details written to " + details);
        }
        return 0;
    }
}
