package io.linernotes.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddingConfigTest {

    @Test
    @DisplayName("by default vectors are computed in process and model answers are cached for a day")
    void defaults() {
        AppConfig config = AppConfig.defaults();
        assertTrue(config.embedding().inProcess());
        assertEquals(32, config.embedding().batchSize());
        assertEquals(0.97, config.embedding().minProbeCosine());
        assertTrue(config.answerCache().enabled());
        assertEquals(1_440, config.answerCache().ttlMinutes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "embedding: {provider: cohere}|embedding.provider must be one of",
        "embedding: {provider: openai, model: m}|embedding.baseUrl must give",
        "embedding: {provider: openai, baseUrl: 'http://127.0.0.1:1/v1'}|embedding.model must name",
        "embedding: {apiKeyEnv: 'sk-abc def'}|NAME of an environment variable",
        "embedding: {batchSize: 5000}|embedding.batchSize must be between",
        "embedding: {minProbeCosine: 1.5}|embedding.minProbeCosine must be",
        "answerCache: {ttlMinutes: -5}|answerCache.ttlMinutes must be between",
        "embedding: {provder: openai}|unknown setting 'provder'"})
    void refused(String yaml, String message, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), yaml + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.load(file));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    @DisplayName("a remote server's settings are read from the file")
    void remoteRead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), """
                embedding:
                  provider: openai
                  baseUrl: http://localhost:8080/v1
                  model: sentence-transformers/all-MiniLM-L6-v2
                  batchSize: 128
                answerCache:
                  enabled: false
                """);
        AppConfig config = AppConfig.load(file);
        assertEquals("openai", config.embedding().provider());
        assertEquals(128, config.embedding().batchSize());
        assertEquals(null, config.embedding().modelId(), "the bundled model's identity unless named");
        assertTrue(!config.answerCache().enabled());
    }
}
