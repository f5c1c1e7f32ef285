package io.linernotes.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rate-limit buckets and daily model-token budgets kept in the store, so every process sharing it and every
 * restart sees the same ones: a user asking in two servers answered by two processes spends one bucket.
 *
 * <p>A bucket holds at most {@code perMinute} tokens and refills at {@code perMinute} a minute (a burst, then
 * one every {@code 60 / perMinute} s). Taking is atomic SQL: each bucket row is read, refilled in Java and
 * written back only if its version is still the one read (compare-and-set), all buckets of one question in
 * one transaction, so either every bucket gives a token or none does. A conflict with another process starts
 * over. A row stands for a bucket that is not full; a missing row is a full bucket, so rows untouched for a
 * minute are swept away. Times are wall-clock milliseconds: the processes share no other clock.
 */
public final class SharedLimits {
    /** Attempts of one take when other processes keep winning the compare-and-set. */
    private static final int ATTEMPTS = 20;
    /** An empty bucket is full again after a minute at any rate: rows older than this say nothing. */
    private static final long FULL_AFTER_MILLIS = 60_000;

    private final FeedbackStore store;
    private volatile long sweptAt;
    private volatile LocalDate budgetsSweptOn;

    SharedLimits(FeedbackStore store) {
        this.store = store;
    }

    /** One bucket: its key (who it limits) and its size, which is also its refill per minute. */
    public record Bucket(String key, int perMinute) {
        public Bucket {
            if (perMinute < 1) {
                throw new IllegalArgumentException("a bucket needs at least one token a minute: " + perMinute);
            }
        }

        double perMilli() {
            return perMinute / 60_000.0;
        }
    }

    /** What a take did: {@code shortBucket} is -1 when every bucket gave a token, else the first that had none. */
    public record Take(int shortBucket, long waitMillis) {
        static final Take TAKEN = new Take(-1, 0);

        public boolean taken() {
            return shortBucket < 0;
        }
    }

    /** The tokens a bucket holds at {@code now} after refilling since {@code updatedMs}, at most its size. */
    static double refilled(Bucket bucket, double tokens, long updatedMs, long now) {
        long elapsed = Math.max(0, now - updatedMs);
        return Math.min(bucket.perMinute(), tokens + elapsed * bucket.perMilli());
    }

    /** Milliseconds until a bucket holding {@code tokens} has a whole one. */
    static long waitMillis(Bucket bucket, double tokens) {
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / bucket.perMilli());
    }

    /** Takes one token from every bucket at time {@code now}, or from none when one is short. */
    public Take take(List<Bucket> buckets, long now) {
        sweep(now);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return store.write("take from the rate limits", c -> takeOnce(c, buckets, now));
            } catch (Conflict conflict) {
                Thread.onSpinWait();
            }
        }
        throw new FeedbackException("the rate limits stayed contended over " + ATTEMPTS + " attempts", null);
    }

    private record Row(double tokens, long updatedMs, long version) {
    }

    private static Take takeOnce(Connection c, List<Bucket> buckets, long now) throws SQLException {
        List<Row> rows = new ArrayList<>(buckets.size());
        try (PreparedStatement read = c.prepareStatement(
                "SELECT tokens, updated_ms, version FROM rate_buckets WHERE bucket = ?")) {
            for (int i = 0; i < buckets.size(); i++) {
                Bucket bucket = buckets.get(i);
                read.setString(1, bucket.key());
                Row row;
                try (ResultSet rs = read.executeQuery()) {
                    row = rs.next() ? new Row(rs.getDouble(1), rs.getLong(2), rs.getLong(3)) : null;
                }
                double tokens = row == null ? bucket.perMinute() : refilled(bucket, row.tokens(), row.updatedMs(), now);
                if (tokens < 1) {
                    // Nothing was written yet: the transaction ends without a change.
                    return new Take(i, waitMillis(bucket, tokens));
                }
                rows.add(row);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO rate_buckets (bucket, tokens, updated_ms, version)"
                + " VALUES (?, ?, ?, 0) ON CONFLICT (bucket) DO NOTHING");
                PreparedStatement update = c.prepareStatement("UPDATE rate_buckets SET tokens = ?, updated_ms = ?,"
                        + " version = version + 1 WHERE bucket = ? AND version = ?")) {
            for (int i = 0; i < buckets.size(); i++) {
                Bucket bucket = buckets.get(i);
                Row row = rows.get(i);
                int changed;
                if (row == null) {
                    insert.setString(1, bucket.key());
                    insert.setDouble(2, bucket.perMinute() - 1.0);
                    insert.setLong(3, now);
                    changed = insert.executeUpdate();
                } else {
                    update.setDouble(1, refilled(bucket, row.tokens(), row.updatedMs(), now) - 1);
                    // A process whose clock runs behind never moves a bucket back in time.
                    update.setLong(2, Math.max(now, row.updatedMs()));
                    update.setString(3, bucket.key());
                    update.setLong(4, row.version());
                    changed = update.executeUpdate();
                }
                if (changed != 1) {
                    throw new Conflict();
                }
            }
        }
        return Take.TAKEN;
    }

    /** Another process changed a bucket between this one's read and write; the transaction is rolled back. */
    private static final class Conflict extends RuntimeException {
        Conflict() {
            super(null, null, false, false);
        }
    }

    /** Tokens {@code userId}'s answers used on {@code day} (UTC). */
    public long used(String userId, LocalDate day) {
        return store.read("read a token budget", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT used FROM token_budgets WHERE user_id = ? AND day = ?")) {
                ps.setString(1, userId);
                ps.setString(2, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** Adds {@code tokens} to what {@code userId} used on {@code day}, in one atomic statement. */
    public void charge(String userId, LocalDate day, long tokens) {
        store.write("charge a token budget", c -> {
                if (!day.equals(budgetsSweptOn)) {
                    // Yesterday's budgets count for nothing any more.
                    try (PreparedStatement old = c.prepareStatement("DELETE FROM token_budgets WHERE day < ?")) {
                        old.setString(1, day.toString());
                        old.executeUpdate();
                    }
                    budgetsSweptOn = day;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO token_budgets (user_id, day, used)"
                        + " VALUES (?, ?, ?) ON CONFLICT (user_id, day) DO UPDATE SET used = token_budgets.used + excluded.used")) {
                    ps.setString(1, userId);
                    ps.setString(2, day.toString());
                    ps.setLong(3, tokens);
                    return ps.executeUpdate();
                }
            });
    }

    /** At most once a minute, forgets buckets that have been full for a while. */
    private void sweep(long now) {
        if (now - sweptAt < FULL_AFTER_MILLIS) {
            return;
        }
        sweptAt = now;
        store.write("sweep the rate limits", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM rate_buckets WHERE updated_ms < ?")) {
                ps.setLong(1, now - 2 * FULL_AFTER_MILLIS);
                return ps.executeUpdate();
            }
        });
    }
}
