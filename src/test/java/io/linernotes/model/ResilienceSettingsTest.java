package io.linernotes.model;

import static org.junit.jupiter.api.Assertions.*;

import io.linernotes.config.AppConfig;
import io.linernotes.config.ConfigException;
import io.linernotes.config.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model's resilience settings as read from YAML, through the real config loader. */
@DisplayName("The model resilience settings")
class ResilienceSettingsTest {

    @TempDir
    Path dir;

    private AppConfig load(String yaml) throws Exception {
        Path file = dir.resolve("linernotes.yaml");
        Files.writeString(file, yaml);
        return AppConfig.load(file);
    }

    @Test
    @DisplayName("default to a 12 s deadline, 5 failures, 30 s cool-down, 3,500 chars and no secondary")
    void defaults() throws Exception {
        ModelConfig model = load("model:\n  provider: openai\n  model: m\n").model();

        assertEquals(12, model.deadlineSeconds());
        assertEquals(5, model.breakerFailures());
        assertEquals(30, model.breakerCooldownSeconds());
        assertEquals(3_500, model.maxAnswerChars());
        assertNull(model.secondary());
        assertEquals(ModelConfig.defaults().deadlineSeconds(), 12);
    }

    @Test
    @DisplayName("read a secondary provider and the limits from YAML")
    void readsEverything() throws Exception {
        ModelConfig model = load("""
                model:
                  provider: anthropic
                  model: claude-x
                  deadlineSeconds: 8
                  breakerFailures: 3
                  breakerCooldownSeconds: 60
                  maxAnswerChars: 1800
                  secondary:
                    provider: openai
                    baseUrl: http://127.0.0.1:11434/v1
                    model: llama3.1
                    timeoutSeconds: 5
                """).model();

        assertEquals(8, model.deadlineSeconds());
        assertEquals(3, model.breakerFailures());
        assertEquals(60, model.breakerCooldownSeconds());
        assertEquals(1_800, model.maxAnswerChars());
        assertEquals("openai", model.secondary().provider());
        assertEquals("llama3.1", model.secondary().model());
        assertEquals(5, model.secondary().timeoutSeconds());
        assertEquals("OPENAI_API_KEY", model.secondary().apiKeyEnv());
    }

    @Test
    @DisplayName("the bundled example configuration still loads")
    void exampleLoads() {
        Path example = Path.of("config", "linernotes.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(example), "config/linernotes.yaml absent");

        assertEquals(12, AppConfig.load(example).model().deadlineSeconds());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an extractive secondary|model:\\n  provider: openai\\n  model: m\\n  secondary:\\n    provider: extractive|secondary.provider",
        "a secondary without a first model|model:\\n  secondary:\\n    provider: openai\\n    model: m|extractive",
        "a secondary of a secondary|model:\\n  provider: openai\\n  model: m\\n  secondary:\\n    provider: openai\\n    model: n\\n    secondary:\\n      provider: openai\\n      model: o|secondary of its own",
        "a deadline of an hour|model:\\n  provider: openai\\n  model: m\\n  deadlineSeconds: 3600|deadlineSeconds",
        "answers longer than anyone reads|model:\\n  provider: openai\\n  model: m\\n  maxAnswerChars: 90000|maxAnswerChars"})
    @DisplayName("reject settings that cannot work, naming the key")
    void rejects(String what, String yaml, String named) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml.replace("\\n", "\n")));

        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
