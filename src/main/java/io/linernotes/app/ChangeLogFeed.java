package io.linernotes.app;

import io.linernotes.store.ChangeLog;
import java.util.List;
import java.util.Optional;

/** The store's {@link ChangeLog} as the {@link StoreFollower} reads it. */
final class ChangeLogFeed implements StoreFollower.Log {
    private final ChangeLog log;

    private ChangeLogFeed(ChangeLog log) {
        this.log = log;
    }

    static ChangeLogFeed of(ChangeLog log) {
        return new ChangeLogFeed(log);
    }

    @Override
    public List<StoreFollower.Entry> since(long afterId, int limit) {
        return log.changesSince(afterId, limit).stream()
                .map(c -> new StoreFollower.Entry(c.id(), c.essayId(), c.at().toEpochMilli())).toList();
    }

    @Override
    public long changeCounter() {
        return log.changeCounter();
    }

    @Override
    public Optional<StoreFollower.Entry> latest() {
        long id = log.latestChange();
        if (id == 0) {
            return Optional.empty();
        }
        List<StoreFollower.Entry> newest = since(id - 1, 1);
        return newest.isEmpty() ? Optional.empty() : Optional.of(newest.get(0));
    }
}
