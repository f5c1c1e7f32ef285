package io.linernotes.cli;

import io.linernotes.app.Redactor;
import io.linernotes.config.ConfigException;
import io.linernotes.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Prints failures as one plain line (the stack trace goes to the log, not to the user). */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);
    private final Redactor redactor = Redactor.fromEnvironment();

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigException) {
            cmd.getErr().println("Configuration error: " + redactor.redact(e.getMessage()));
            return 3;
        }
        if (e instanceof StoreUnavailableException) {
            // Its message names the store by a URL without the password (see Database).
            cmd.getErr().println("Store unavailable: " + redactor.redact(e.getMessage()));
            return 3;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : redactor.redact(e.getMessage());
        // The stack trace is for the log at debug level; its messages may quote what the operator typed, so
        // it goes there only when nothing in it looks like a secret.
        if (redactor.redact(stackText(e)).equals(stackText(e))) {
            log.debug("command failed", e);
        } else {
            log.debug("command failed ({}; stack trace withheld: it quotes a secret)", e.getClass().getName());
        }
        cmd.getErr().println("Error: " + message);
        return 1;
    }

    private static String stackText(Throwable e) {
        java.io.StringWriter text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
