package io.linernotes.durability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fake API key in the environment (and, by operator mistake, in the configuration file) never shows in
 * what the application prints or logs. The real application runs in a child JVM with logging at DEBUG, and
 * everything it writes to stdout and stderr (where logs go) is searched for the key.
 */
class SecretsStayOutTest {

    private static final String KEY = fakeKey();

    @TempDir
    Path tmp;

    private static String fakeKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("sk-test-");
        for (int i = 0; i < 40; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    static Stream<Arguments> failures() {
        String cloud = "model:\n  provider: openai\n  model: gpt-4o-mini\n";
        String closedPort = "model:\n  provider: openai\n  model: gpt-4o-mini\n  baseUrl: http://127.0.0.1:9/v1\n"
                + "  maxRetries: 0\n  timeoutSeconds: 2\nretrieval:\n  vectors: false\n";
        return Stream.of(
                Arguments.of("--help with the key in the environment", null, List.of("--help"), "Usage: linernotes"),
                Arguments.of("the key pasted as the variable name", cloud.replace("model: gpt", "apiKeyEnv: " + KEY + "\n  model: gpt"),
                        List.of("essays", "list"), "Configuration error"),
                Arguments.of("the key pasted as the provider", "model:\n  provider: " + KEY + "\n",
                        List.of("essays", "list"), "Configuration error"),
                Arguments.of("the key pasted as the variable name of a local server", closedPort.replace("model: gpt",
                        "apiKeyEnv: " + KEY + "\n  model: gpt"), List.of("ask", "What does Runaway mean?"),
                        "must be the NAME of an environment variable"),
                Arguments.of("the key pasted into a number setting", cloud + "  timeoutSeconds: " + KEY + "\n",
                        List.of("essays", "list"), "Configuration error"),
                Arguments.of("an unknown setting holding the key", cloud + "  apiKey: " + KEY + "\n",
                        List.of("essays", "list"), "unknown setting 'apiKey'"),
                Arguments.of("a crash at start (data directory under a file)", closedPort,
                        List.of("--data-dir", "UNDER_FILE", "ask", "What does Runaway mean?"), "cannot create the data directory"),
                Arguments.of("the model unreachable during a question", closedPort,
                        List.of("ask", "What does Runaway mean?"), "Runaway"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    @DisplayName("the key appears in no output, error message or log line")
    void keyNeverPrinted(String kind, String yaml, List<String> args, String expected) throws Exception {
        Files.writeString(tmp.resolve("file"), "x");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.linernotes.cli.Main"));
        if (yaml != null) {
            Path config = tmp.resolve("linernotes.yaml");
            Files.writeString(config, yaml);
            command.addAll(List.of("--config", config.toString()));
        }
        if (!args.contains("--data-dir")) {
            command.addAll(List.of("--data-dir", tmp.resolve("data").toString()));
        }
        for (String a : args) {
            command.add(a.equals("UNDER_FILE") ? tmp.resolve("file").resolve("data").toString() : a);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OPENAI_API_KEY", KEY);
        builder.environment().put("LINERNOTES_LOG_LEVEL", "DEBUG");
        // The test classpath carries logback-test.xml; point the child at the product's own configuration.
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Dlogback.configurationFile=logback.xml");
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
        assertTrue(output.contains(expected), kind + ": the failure path was taken:\n" + output);
        assertFalse(output.contains(KEY), kind + ": the key leaked:\n" + output);
        assertFalse(output.contains(KEY.substring(8, 28)), kind + ": part of the key leaked:\n" + output);
    }
}
