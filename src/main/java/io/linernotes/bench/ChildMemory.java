package io.linernotes.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Resident memory of the product as it runs on its own: the {@code linernotes} command line in a child JVM
 * (this JVM's java and class path), its {@code /proc/PID/status} sampled every 20 ms until it exits. The
 * bench JVM itself holds the baseline and several engines, so its own figure says little about the product.
 */
final class ChildMemory {

    /** Peak ({@code VmHWM}) and last-seen ({@code VmRSS}, just before exit) resident memory in kB; exit code. */
    record Measured(long peakKb, long lastKb, int exit, long millis) {
    }

    private ChildMemory() {
    }

    /**
     * Runs {@code linernotes ARGS} with {@code stdin} (then closed) and the given JVM options.
     *
     * @param timeout the child is killed past this, and the figures are then -1
     */
    static Measured run(List<String> jvmOptions, Path dataDir, String stdin, Duration timeout, String... args)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.linernotes.cli.Main");
        command.add("--data-dir");
        command.add(dataDir.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long started = System.nanoTime();
        Process child = builder.start();
        try (OutputStream in = child.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The child may exit before reading everything; its figures still stand.
        }
        Path status = Path.of("/proc", Long.toString(child.pid()), "status");
        long peak = -1;
        long last = -1;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (child.isAlive() && System.nanoTime() < deadline) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, kb(line));
                    } else if (line.startsWith("VmRSS:")) {
                        long rss = kb(line);
                        last = rss > 0 ? rss : last;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Gone between the check and the read: the last sample stands.
            }
            Thread.sleep(20);
        }
        if (child.isAlive()) {
            child.destroyForcibly().waitFor();
            return new Measured(-1, -1, -1, (System.nanoTime() - started) / 1_000_000);
        }
        return new Measured(peak, last, child.waitFor(), (System.nanoTime() - started) / 1_000_000);
    }

    private static long kb(String line) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).replace("kB", "").strip());
    }
}
