package io.linernotes.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retrieval.ranking} read from YAML, its defaults, and its checks. */
class RankingConfigTest {

    @TempDir
    Path dir;

    private AppConfig load(String yaml) throws Exception {
        Path file = dir.resolve("linernotes.yaml");
        Files.writeString(file, yaml);
        return AppConfig.load(file);
    }

    @Test
    @DisplayName("the committed example file states the defaults")
    void exampleFileHoldsTheDefaults() {
        Path example = Path.of("config", "linernotes.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(example), "config/linernotes.yaml absent");
        assertEquals(RankingConfig.defaults(), AppConfig.load(example).retrieval().ranking());
    }

    @Test
    @DisplayName("weights given in YAML are used; the others keep their defaults")
    void partialRanking() throws Exception {
        RankingConfig ranking = load("retrieval:\n  passages: 4\n  ranking:\n    lexical: 2.5\n").retrieval().ranking();
        assertEquals(2.5, ranking.lexical());
        assertEquals(RankingConfig.defaults().semantic(), ranking.semantic());
        assertEquals(RankingConfig.MEANING_QUESTION, ranking.meaningQuestion());
    }

    @Test
    @DisplayName("no ranking section means the defaults")
    void noRanking() throws Exception {
        assertEquals(RankingConfig.defaults(), load("retrieval:\n  passages: 4\n").retrieval().ranking());
    }

    @Test
    @DisplayName("a negative or huge weight is refused with its name")
    void badWeight() {
        ConfigException e = assertThrows(ConfigException.class, () -> new RankingConfig(-1.0, null, null, null, null));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("retrieval.ranking.semantic"));
        assertThrows(ConfigException.class, () -> new RankingConfig(null, null, 11.0, null, null));
    }
}
