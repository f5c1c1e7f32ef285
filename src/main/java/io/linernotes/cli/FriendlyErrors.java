package io.linernotes.cli;

import io.linernotes.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Prints failures as one plain line (the stack trace goes to the log, not to the user). */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigException) {
            cmd.getErr().println("Configuration error: " + e.getMessage());
            return 3;
        }
        log.debug("command failed", e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cmd.getErr().println("Error: " + message);
        return 1;
    }
}
