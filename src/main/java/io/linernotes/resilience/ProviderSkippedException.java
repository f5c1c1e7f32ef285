package io.linernotes.resilience;

import dev.langchain4j.exception.NonRetriableException;

/** A provider not called at all: its circuit is open, or the answer's deadline has already passed. */
public final class ProviderSkippedException extends NonRetriableException {
    public ProviderSkippedException(String message) {
        super(message);
    }
}
