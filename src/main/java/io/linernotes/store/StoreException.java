package io.linernotes.store;

/** The store could not do its work: a refused statement, a lost server, a file it cannot open. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
