package io.linernotes.cli;

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
        return new CommandLine(new LinerNotesCommand())
                .setExecutionExceptionHandler(new FriendlyErrors())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
