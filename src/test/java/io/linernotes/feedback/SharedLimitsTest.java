package io.linernotes.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Rate-limit buckets and token budgets in the store, shared by every opening of it")
class SharedLimitsTest {
    static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} per minute: a burst of {0} passes, then one more after {1} ms")
    @CsvSource({"6, 10000", "60, 1000", "1, 60000"})
    @DisplayName("a stored bucket lets a burst through and refills at its rate")
    void bucketRefills(int perMinute, long refillMillis) {
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            List<SharedLimits.Bucket> k = List.of(new SharedLimits.Bucket("k", perMinute));
            for (int i = 0; i < perMinute; i++) {
                assertTrue(store.limits().take(k, T0).taken(), "token " + (i + 1));
            }
            SharedLimits.Take refused = store.limits().take(k, T0);
            assertEquals(0, refused.shortBucket());
            assertEquals(refillMillis, refused.waitMillis(), 1);
            assertFalse(store.limits().take(k, T0 + refillMillis - 2).taken(), "not yet");
            assertTrue(store.limits().take(k, T0 + refillMillis).taken());
            assertTrue(store.limits().take(List.of(new SharedLimits.Bucket("someone else", perMinute)), T0).taken());
        }
    }

    @Test
    @DisplayName("two openings of one file (two processes) spend one bucket, and a reopened file still holds it")
    void twoOpeningsShareOneBucket() {
        List<SharedLimits.Bucket> user = List.of(new SharedLimits.Bucket("user:1", 4));
        try (FeedbackStore a = FeedbackStore.open(dir); FeedbackStore b = FeedbackStore.open(dir)) {
            assertTrue(a.limits().take(user, T0).taken());
            assertTrue(b.limits().take(user, T0).taken());
            assertTrue(a.limits().take(user, T0).taken());
        }
        try (FeedbackStore c = FeedbackStore.open(dir)) {
            assertTrue(c.limits().take(user, T0).taken(), "the fourth of four");
            assertFalse(c.limits().take(user, T0).taken(), "the fifth is refused after a restart too");
        }
    }

    @Test
    @DisplayName("when the second bucket is short, the first keeps its token: a refused question costs nothing")
    void allOrNothing() {
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            SharedLimits.Bucket user = new SharedLimits.Bucket("user:1", 5);
            SharedLimits.Bucket guild = new SharedLimits.Bucket("guild:1", 1);
            assertTrue(store.limits().take(List.of(user, guild), T0).taken());
            SharedLimits.Take refused = store.limits().take(List.of(user, guild), T0);
            assertEquals(1, refused.shortBucket(), "the server's bucket is the short one");
            for (int i = 0; i < 4; i++) {
                assertTrue(store.limits().take(List.of(user), T0).taken(), "the user still has " + (4 - i));
            }
            assertFalse(store.limits().take(List.of(user), T0).taken());
        }
    }

    @Test
    @DisplayName("many threads on two openings take exactly the bucket's size, never more")
    void concurrentTakesNeverOverspend() throws Exception {
        List<SharedLimits.Bucket> bucket = List.of(new SharedLimits.Bucket("hot", 30));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (FeedbackStore a = FeedbackStore.open(dir); FeedbackStore b = FeedbackStore.open(dir)) {
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                FeedbackStore s = i % 2 == 0 ? a : b;
                takes.add(pool.submit(() -> s.limits().take(bucket, T0).taken()));
            }
            int taken = 0;
            for (Future<Boolean> f : takes) {
                taken += f.get() ? 1 : 0;
            }
            assertEquals(30, taken);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a budget adds up across openings, per day: the next day starts at zero")
    void budgetsAddUpPerDay() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        try (FeedbackStore a = FeedbackStore.open(dir); FeedbackStore b = FeedbackStore.open(dir)) {
            a.limits().charge("u", day, 100);
            b.limits().charge("u", day, 50);
            b.limits().charge("v", day, 7);
            assertEquals(150, a.limits().used("u", day));
        }
        try (FeedbackStore c = FeedbackStore.open(dir)) {
            assertEquals(150, c.limits().used("u", day));
            assertEquals(0, c.limits().used("u", day.plusDays(1)));
            c.limits().charge("u", day.plusDays(1), 1);
            assertEquals(1, c.limits().used("u", day.plusDays(1)));
        }
    }
}
