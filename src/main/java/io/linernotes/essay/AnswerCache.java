package io.linernotes.essay;

import java.util.Optional;

/**
 * Where reusable model-written answers are kept (the store's {@code answer_cache} table). Keys are opaque;
 * {@code essays} are the ids of the essays an answer was written from, so that a change to any of them, or
 * to any essay of {@code songId}, can drop it.
 */
public interface AnswerCache {

    /** A stored answer. */
    record Entry(String text, String generatedBy) {
    }

    /** The answer stored under {@code key}, if it has not expired at {@code nowMillis}. */
    Optional<Entry> find(String key, long nowMillis);

    void put(String key, long songId, java.util.Collection<Long> essays, Entry entry, long nowMillis, long expiresMillis);

    /** Drops every answer about {@code songId} or written from one of {@code essayIds}. */
    void invalidate(java.util.Collection<Long> songIds, java.util.Collection<Long> essayIds);
}
