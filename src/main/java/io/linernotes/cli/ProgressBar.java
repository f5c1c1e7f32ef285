package io.linernotes.cli;

import java.io.PrintStream;

/** A one-line progress bar on the error stream, redrawn in place. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    static void print(PrintStream out, String label, long done, long total) {
        if (total <= 0) {
            return;
        }
        int filled = (int) (WIDTH * done / total);
        String line = label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total;
        if (out instanceof SafePrintStream safe) {
            // The one carriage return the command line prints on purpose.
            safe.redraw(line);
        } else {
            out.print("\r" + line);
            out.flush();
        }
    }
}
