package io.linernotes.cli;

import java.io.PrintStream;
import picocli.CommandLine;

/** Entry point of the jar; the commands are wired in {@link LinerNotesCommand}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        // Everything printed while a command runs passes the control-character filter (see SafePrintStream).
        SafePrintStream safeOut = new SafePrintStream(out);
        SafePrintStream safeErr = new SafePrintStream(err);
        System.setOut(safeOut);
        System.setErr(safeErr);
        try {
            return new CommandLine(new LinerNotesCommand())
                    .setExecutionExceptionHandler(new FriendlyErrors())
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    .execute(args);
        } finally {
            safeOut.flush();
            safeErr.flush();
            System.setOut(out);
            System.setErr(err);
        }
    }
}
