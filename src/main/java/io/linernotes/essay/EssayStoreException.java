package io.linernotes.essay;

/** The store could not do its work (the database file is unreadable, locked too long, or newer than us). */
public class EssayStoreException extends io.linernotes.store.StoreException {

    public EssayStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public EssayStoreException(String message) {
        super(message);
    }
}
