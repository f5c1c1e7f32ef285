package io.linernotes.app;

import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayStore;
import io.linernotes.essay.EssayStoreException;
import io.linernotes.store.StoreUnavailableException;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The essays behind retrieved passages, read from the store, keeping a copy of the essays read lately. When the
 * store's server cannot be reached the copies serve the answers (the passages come from the local index anyway),
 * and the store is not asked again for a few seconds, so that an answer does not wait a connection timeout per
 * passage. Essays not read since start cannot be served then; their passages are skipped until the store is back.
 * The copies are bounded by their total body length.
 */
final class EssayCopies implements LongFunction<Essay> {

    private static final Logger log = LoggerFactory.getLogger(EssayCopies.class);

    private final EssayStore store;
    private final long maxChars;
    private final long retryMillis;
    private final Clock clock;
    private final LinkedHashMap<Long, Essay> copies = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;
    private volatile long unavailableUntil;

    EssayCopies(EssayStore store, long maxChars, long retryMillis, Clock clock) {
        this.store = store;
        this.maxChars = maxChars;
        this.retryMillis = retryMillis;
        this.clock = clock;
    }

    @Override
    public Essay apply(long id) {
        if (clock.millis() >= unavailableUntil) {
            try {
                Essay essay = store.get(id).orElse(null);
                remember(id, essay);
                return essay;
            } catch (StoreUnavailableException | EssayStoreException e) {
                if (!(e instanceof StoreUnavailableException) && !(e.getCause() instanceof StoreUnavailableException)) {
                    throw e;
                }
                unavailableUntil = clock.millis() + retryMillis;
                log.warn("The store cannot be reached; answering from the local index and the essays read lately"
                        + " (asking the store again in {} ms): {}", retryMillis, e.getMessage());
            }
        }
        synchronized (this) {
            return copies.get(id);
        }
    }

    private synchronized void remember(long id, Essay essay) {
        Essay old = essay == null ? copies.remove(id) : copies.put(id, essay);
        if (old != null) {
            chars -= old.body().length();
        }
        if (essay != null) {
            chars += essay.body().length();
        }
        for (Iterator<Map.Entry<Long, Essay>> it = copies.entrySet().iterator(); chars > maxChars && it.hasNext(); ) {
            chars -= it.next().getValue().body().length();
            it.remove();
        }
    }
}
