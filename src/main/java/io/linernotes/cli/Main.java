package io.linernotes.cli;

import io.linernotes.console.Terminal;
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
        // Our own terminal test, not picocli's guess: from Java 22 a console exists even when output is a pipe.
        CommandLine.Help.Ansi ansi = Terminal.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF;
        return new CommandLine(new LinerNotesCommand())
                .setColorScheme(CommandLine.Help.defaultColorScheme(ansi))
                .setExecutionExceptionHandler(new FriendlyErrors())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
