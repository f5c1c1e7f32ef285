package io.linernotes.discord;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code linernotes bot} in a JVM of its own: the test JVM's java and classpath, the CLI's main class,
 * its own config file and data directory, the Discord endpoints and token in its environment. Its output goes
 * to a log file that a failing wait prints.
 */
final class BotProcess implements AutoCloseable {
    static final String RUNNING = "Liner Notes is running on Discord.";

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private final Path config;
    private Process process;
    private int starts;

    /** A small heap and the quick compiler only: the tests' processes answer a handful of questions. */
    BotProcess(String name, Path config, Path dataDir, Map<String, String> env, Path logDir) {
        this(name, config, dataDir, env, logDir, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
    }

    BotProcess(String name, Path config, Path dataDir, Map<String, String> env, Path logDir, List<String> jvmOptions) {
        this.name = name;
        this.env = Map.copyOf(env);
        this.log = logDir.resolve(name + ".log");
        this.config = config;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.linernotes.cli.Main",
                "--config", config.toString(), "--data-dir", dataDir.toString(), "bot"));
        this.command = List.copyOf(command);
    }

    /** The operating system's id of the running JVM. */
    long pid() {
        return process.pid();
    }

    Path config() {
        return config;
    }

    /** Starts the JVM (again, after a kill); its output is appended to the same log. */
    BotProcess start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Files.writeString(log, "---- start " + (++starts) + " of " + name + " ----\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        return this;
    }

    /** Waits until this start of the process says it is running; fails with its log if it dies or takes too long. */
    void awaitRunning(long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (runningCount() >= starts) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before running:\n" + tail());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " was not running within " + timeoutMillis + " ms:\n" + tail());
    }

    private long runningCount() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(RUNNING)).count();
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to the gateway or the store. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), name + " did not die");
    }

    String tail() throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : new ArrayList<>();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** A stop as Ctrl-C does it (SIGTERM), forced if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
