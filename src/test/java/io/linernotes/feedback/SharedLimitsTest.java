package io.linernotes.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.StoreConfig;
import io.linernotes.store.Database;
import io.linernotes.store.StoreEngine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Rate-limit buckets and token budgets in the store, shared by every opening of it, on both engines")
class SharedLimitsTest {
    static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    /** One process's opening of a store: its own connections to the same tables. */
    record Opened(Database db, FeedbackStore feedback) implements AutoCloseable {
        static Opened of(StoreConfig config, Path dir) {
            Database db = Database.open(config, dir, name -> null);
            return new Opened(db, FeedbackStore.on(db));
        }

        SharedLimits limits() {
            return feedback.limits();
        }

        @Override
        public void close() {
            db.close();
        }
    }

    static Stream<Arguments> rates() {
        Stream.Builder<Arguments> out = Stream.builder();
        for (StoreEngine engine : StoreEngine.values()) {
            out.add(Arguments.of(engine, 6, 10_000L));
            out.add(Arguments.of(engine, 60, 1_000L));
            out.add(Arguments.of(engine, 1, 60_000L));
        }
        return out.build();
    }

    @ParameterizedTest(name = "{0}, {1} per minute: a burst of {1} passes, then one more after {2} ms")
    @MethodSource("rates")
    @DisplayName("a stored bucket lets a burst through and refills at its rate")
    void bucketRefills(StoreEngine engine, int perMinute, long refillMillis) {
        try (Opened store = Opened.of(engine.freshConfig(dir), dir)) {
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

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("two openings of one store (two processes) spend one bucket, and a reopened store still holds it")
    void twoOpeningsShareOneBucket(StoreEngine engine) {
        StoreConfig config = engine.freshConfig(dir);
        List<SharedLimits.Bucket> user = List.of(new SharedLimits.Bucket("user:1", 4));
        try (Opened a = Opened.of(config, dir); Opened b = Opened.of(config, dir)) {
            assertTrue(a.limits().take(user, T0).taken());
            assertTrue(b.limits().take(user, T0).taken());
            assertTrue(a.limits().take(user, T0).taken());
        }
        try (Opened c = Opened.of(config, dir)) {
            assertTrue(c.limits().take(user, T0).taken(), "the fourth of four");
            assertFalse(c.limits().take(user, T0).taken(), "the fifth is refused after a restart too");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("when the second bucket is short, the first keeps its token: a refused question costs nothing")
    void allOrNothing(StoreEngine engine) {
        try (Opened store = Opened.of(engine.freshConfig(dir), dir)) {
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

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("many threads on two openings take exactly the bucket's size, never more")
    void concurrentTakesNeverOverspend(StoreEngine engine) throws Exception {
        StoreConfig config = engine.freshConfig(dir);
        List<SharedLimits.Bucket> bucket = List.of(new SharedLimits.Bucket("hot", 30));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (Opened a = Opened.of(config, dir); Opened b = Opened.of(config, dir)) {
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                Opened s = i % 2 == 0 ? a : b;
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

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("a budget adds up across openings, per day: the next day starts at zero")
    void budgetsAddUpPerDay(StoreEngine engine) {
        StoreConfig config = engine.freshConfig(dir);
        LocalDate day = LocalDate.of(2026, 3, 1);
        try (Opened a = Opened.of(config, dir); Opened b = Opened.of(config, dir)) {
            a.limits().charge("u", day, 100);
            b.limits().charge("u", day, 50);
            b.limits().charge("v", day, 7);
            assertEquals(150, a.limits().used("u", day));
        }
        try (Opened c = Opened.of(config, dir)) {
            assertEquals(150, c.limits().used("u", day));
            assertEquals(0, c.limits().used("u", day.plusDays(1)));
            c.limits().charge("u", day.plusDays(1), 1);
            assertEquals(1, c.limits().used("u", day.plusDays(1)));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("DM turns: the last few per user, kept across openings, oldest first")
    void directTurnsAreBoundedAndShared(StoreEngine engine) {
        StoreConfig config = engine.freshConfig(dir);
        try (Opened a = Opened.of(config, dir)) {
            for (int i = 0; i < 3; i++) {
                a.feedback().turns().remember("a", new io.linernotes.answer.AnswerRequest.Turn("q" + i,
                        i == 1 ? 7L : null), 2, java.time.Instant.EPOCH);
            }
        }
        try (Opened b = Opened.of(config, dir)) {
            assertEquals(List.of(new io.linernotes.answer.AnswerRequest.Turn("q1", 7L),
                    new io.linernotes.answer.AnswerRequest.Turn("q2", null)), b.feedback().turns().history("a", 6));
            assertTrue(b.feedback().turns().history("b", 6).isEmpty());
        }
    }
}
