package io.linernotes.store;

import io.linernotes.config.StoreConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.SqlEssayStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints how long after an essay write starts a listener on another connection is woken and reads the change
 * (the write included): NOTIFY on PostgreSQL, polling on SQLite. A benchmark, not a test: it prints figures and
 * asserts nothing. Run after {@code mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * -Dmdep.includeScope=test} with {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * io.linernotes.store.ChangeWakeBench [changes]}.
 */
public final class ChangeWakeBench {

    private ChangeWakeBench() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("linernotes-wake");
        for (StoreEngine engine : StoreEngine.values()) {
            StoreConfig config = engine.freshConfig(dir);
            try (Database watcher = Database.open(config, dir, name -> null);
                    Database writer = Database.open(config, dir, name -> null)) {
                SqlEssayStore store = SqlEssayStore.on(writer);
                ConcurrentHashMap<Long, Long> seenAt = new ConcurrentHashMap<>();
                watcher.changeLog().onChange(() -> seenAt.putIfAbsent(watcher.changeLog().latestChange(), System.nanoTime()));
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < changes; i++) {
                    long start = System.nanoTime();
                    store.add(new EssayDraft("Bench Song " + i, "Bench Artist", List.of(), null, null, null, null,
                            "Body " + i + "."), Scope.GLOBAL);
                    long change = writer.changeLog().latestChange();
                    long deadline = start + 10_000_000_000L;
                    while (!seenAt.containsKey(change) && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    Long at = seenAt.get(change);
                    millis.add(at == null ? Double.POSITIVE_INFINITY : (at - start) / 1e6);
                    Thread.sleep(20);
                }
                Collections.sort(millis);
                System.out.printf("%s (pollMillis %d): write to listener woken, %d changes: p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%n", engine, config.pollMillis(), changes, millis.get(changes / 2),
                        millis.get((int) Math.ceil(changes * 0.99) - 1), millis.get(changes - 1));
            }
        }
        System.exit(0);
    }
}
