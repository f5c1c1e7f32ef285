package io.linernotes.cli;

import io.linernotes.app.Engine;
import io.linernotes.console.ConsoleSession;
import io.linernotes.console.ParallelLines;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = "A terminal session with the commands users type in Discord (/meaning, /ask, /essay, /help).")
final class ConsoleCommand implements Callable<Integer> {

    @ParentCommand
    LinerNotesCommand root;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Handle up to N input lines at once, replies in completion order (for scripts and "
                    + "load tests; default 1: one at a time, with follow-up questions).")
    int parallel;

    @Override
    public Integer call() throws Exception {
        try (Engine engine = root.openEngine()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
            ConsoleSession session = new ConsoleSession(engine.answers(), engine.essays());
            if (parallel > 1) {
                ParallelLines.run(session, in, out, Math.min(parallel, 64));
            } else {
                session.run(in, out, System.console() != null);
            }
            return 0;
        }
    }
}
