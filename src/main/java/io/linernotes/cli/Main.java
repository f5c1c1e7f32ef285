package io.linernotes.cli;

import io.linernotes.console.Terminal;
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
        boolean colour = Terminal.colour();
        SafePrintStream safeOut = new SafePrintStream(out, colour);
        SafePrintStream safeErr = new SafePrintStream(err, colour);
        System.setOut(safeOut);
        System.setErr(safeErr);
        try {
            // Our own terminal test, not picocli's guess: from Java 22 a console exists even when output is a pipe.
            CommandLine.Help.Ansi ansi = colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF;
            return new CommandLine(new LinerNotesCommand())
                    .setColorScheme(CommandLine.Help.defaultColorScheme(ansi))
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
