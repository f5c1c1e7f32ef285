package io.linernotes.durability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.app.Consistency;
import io.linernotes.app.Engine;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory that fills up: on a small tmpfs (mounting needs root, as in CI here; the test skips
 * otherwise) essays are added until the disk is full. The write that does not fit fails with a clear error,
 * the next start says the directory has no space, and once there is room again every essay that was
 * acknowledged is there, answerable, and the index agrees with the store.
 */
class FullDiskTest {

    @TempDir
    Path tmp;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    @Test
    @DisplayName("a full data directory gives a clear error and corrupts nothing")
    void fullDiskCorruptsNothing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("small"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir.toString()) == 0,
                "cannot mount a small tmpfs here (needs root and mount rights)");
        mount = dir;
        Path data = dir.resolve("data");
        List<Essay> acknowledged = new ArrayList<>();
        String failure = null;
        try (Engine engine = Engine.open(DurabilityFixtures.config(data))) {
            for (int n = 0; n < 400 && failure == null; n++) {
                try {
                    acknowledged.addAll(engine.essays().importFile("big-" + n + ".md", bigEssay(n), Scope.GLOBAL).added());
                } catch (RuntimeException e) {
                    failure = messages(e);
                }
            }
        } catch (RuntimeException e) {
            // Closing may fail too when the index cannot write its last files; what matters is what follows.
            failure = failure == null ? messages(e) : failure;
        }
        assertTrue(failure != null, "the disk filled up before 400 essays");
        assertTrue(failure.toLowerCase().contains("space") || failure.toLowerCase().contains("full"),
                "the error says the disk is full: " + failure);
        assertFalse(acknowledged.isEmpty(), "some essays fitted");

        String atStart = null;
        try (Engine engine = Engine.open(DurabilityFixtures.config(data))) {
            // Some room may have come back (a removed temporary file): then the start itself succeeds.
            assertTrue(engine.startReport().essays() >= acknowledged.size());
        } catch (RuntimeException e) {
            atStart = messages(e);
        }
        if (atStart != null) {
            assertTrue(atStart.contains("No space left") || atStart.contains("not writable"), atStart);
        }

        assertTrue(run("mount", "-o", "remount,size=64m", dir.toString()) == 0, "room again");
        try (Engine engine = Engine.open(DurabilityFixtures.config(data))) {
            Consistency consistency = engine.consistency();
            assertTrue(consistency.consistent(), consistency.describe());
            for (Essay essay : acknowledged) {
                assertTrue(engine.essays().findAny(essay.id()).isPresent(), "acknowledged essay #" + essay.id());
                assertTrue(DurabilityFixtures.answerable(engine, essay), "answerable: #" + essay.id());
            }
        }
        System.out.printf("full disk: %d essays acknowledged before: %s%n", acknowledged.size(), failure);
    }

    /** About 60 KB of distinct text about an invented song. */
    private static byte[] bigEssay(int n) {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 40; p++) {
            body.append("Paragraph ").append(p).append(" of essay ").append(n).append(" on ")
                    .append(DurabilityFixtures.title(n)).append(": ")
                    .append("the watchman counts the windows again and the count becomes a prayer. ".repeat(20))
                    .append("\n\n");
        }
        String md = "---\ntitle: " + DurabilityFixtures.title(n) + "\nartist: The Full Disks\n---\n" + body;
        return md.getBytes(StandardCharsets.UTF_8);
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
