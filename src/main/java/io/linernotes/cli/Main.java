package io.linernotes.cli;

/** Entry point of the jar; the commands are wired in {@link LinerNotesCommand}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
