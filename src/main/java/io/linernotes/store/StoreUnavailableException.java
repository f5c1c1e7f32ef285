package io.linernotes.store;

/**
 * The store's server cannot be reached (at start, or lost while running). The message names the store by its URL
 * without any password, and says what was not done; the command line exits with code 3 on it at start.
 */
public final class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
