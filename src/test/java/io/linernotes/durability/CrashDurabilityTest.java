package io.linernotes.durability;

import static io.linernotes.durability.DurabilityFixtures.config;
import static io.linernotes.durability.DurabilityFixtures.configFile;
import static io.linernotes.durability.DurabilityFixtures.writeEssay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.app.Consistency;
import io.linernotes.app.Engine;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real application in a child JVM takes 100 essay adds eight at a time ({@code console --parallel 8}),
 * is killed with SIGKILL part-way, and is started again: everything it acknowledged must be there.
 */
class CrashDurabilityTest {

    private static final int ESSAYS = 100;
    private static final Pattern ACK = Pattern.compile("^Added essay #(\\d+) on (.+?) — ");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "killed after {0} acknowledgements")
    @ValueSource(ints = {10, 50})
    @DisplayName("after a SIGKILL during concurrent adds, every acknowledged essay is stored, indexed and answerable")
    void acknowledgedEssaysSurviveSigkill(int killAfter) throws Exception {
        Path data = tmp.resolve("data");
        Path cfg = configFile(tmp);
        Path essays = Files.createDirectories(tmp.resolve("essays"));
        StringBuilder input = new StringBuilder();
        for (int n = 0; n < ESSAYS; n++) {
            input.append("/essay add ").append(writeEssay(essays, n)).append('\n');
        }

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.linernotes.cli.Main",
                "--config", cfg.toString(), "--data-dir", data.toString(), "console", "--parallel", "8");
        builder.redirectError(tmp.resolve("child-stderr.log").toFile());
        Process child = builder.start();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch enough = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("Liner Notes console")) {
                        ready.countDown();
                    }
                    Matcher m = ACK.matcher(line);
                    if (m.find()) {
                        acknowledged.put(m.group(2), Long.parseLong(m.group(1)));
                        if (acknowledged.size() >= killAfter) {
                            // Killed from the reading thread itself, at once: other adds are in flight.
                            child.destroyForcibly();
                            enough.countDown();
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // The pipe closes when the child dies.
            }
        });
        reader.start();
        long startedChild = System.nanoTime();
        try {
            assertTrue(ready.await(60, TimeUnit.SECONDS), "the child console started");
            long startMillis = (System.nanoTime() - startedChild) / 1_000_000;
            try (Writer stdin = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                stdin.write(input.toString());
                stdin.flush();
            } catch (java.io.IOException e) {
                // The child may already be dead before all lines were written: that is the point.
            }
            assertTrue(enough.await(120, TimeUnit.SECONDS), "the child acknowledged " + killAfter + " adds");
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child died");
            reader.join(10_000);
            int acks = acknowledged.size();
            assertTrue(acks < ESSAYS, "killed part-way: " + acks + " of " + ESSAYS + " acknowledged");
            assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");

            long restart = System.nanoTime();
            try (Engine engine = Engine.open(config(data))) {
                long restartMillis = (System.nanoTime() - restart) / 1_000_000;
                Consistency c = engine.consistency();
                assertTrue(c.consistent(), c.describe());
                List<Essay> stored = engine.essays().list(Scope.GLOBAL);
                for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                    Optional<Essay> essay = engine.essays().find(ack.getValue(), Scope.GLOBAL);
                    assertTrue(essay.isPresent(), "acknowledged essay #" + ack.getValue() + " is stored");
                    assertEquals(ack.getKey(), essay.get().song().title());
                    assertTrue(DurabilityFixtures.answerable(engine, essay.get()), "answerable: " + ack.getKey());
                }
                long ours = stored.stream().filter(e -> e.credit() != null && e.song().artist().equals("The Harbour Keepers")).count();
                System.out.printf("child start %d ms; killed after %d acks; %d of our essays stored (%d committed "
                        + "but not acknowledged); restart %d ms, index %s%n", startMillis, acks, ours, ours - acks,
                        restartMillis, engine.startReport().indexRebuilt() ? "rebuilt" : "current");
                assertTrue(ours >= acks);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
