package io.linernotes.feedback;

/** The feedback database could not be opened, read or written. */
public class FeedbackException extends RuntimeException {
    public FeedbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
