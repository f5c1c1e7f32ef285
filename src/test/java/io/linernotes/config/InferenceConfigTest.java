package io.linernotes.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retrieval.inference} read from YAML, its defaults, and its checks. */
class InferenceConfigTest {

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
        Assumptions.assumeTrue(Files.exists(example), "config/linernotes.yaml absent");
        assertEquals(InferenceConfig.defaults(), AppConfig.load(example).retrieval().inference());
    }

    @Test
    @DisplayName("the defaults are the thresholds the inference was measured with")
    void defaults() {
        InferenceConfig d = InferenceConfig.defaults();
        assertEquals(0.55, d.minCoverage());
        assertEquals(0.35, d.minCoverageWhenAgreed());
        assertEquals(0.05, d.minMargin());
        assertEquals(10, d.candidatePassages());
        assertEquals(d, RetrievalConfig.defaults().inference());
    }

    @Test
    @DisplayName("thresholds given in YAML are used; the others keep their defaults")
    void partial() throws Exception {
        InferenceConfig inference = load("retrieval:\n  inference:\n    minMargin: 0.1\n    candidatePassages: 20\n")
                .retrieval().inference();
        assertEquals(0.1, inference.minMargin());
        assertEquals(20, inference.candidatePassages());
        assertEquals(0.55, inference.minCoverage());
    }

    @Test
    @DisplayName("a share outside 0..1 or no candidates is refused with its name")
    void badValues() {
        ConfigException e = assertThrows(ConfigException.class, () -> new InferenceConfig(1.5, null, null, null, null));
        assertTrue(e.getMessage().contains("retrieval.inference.minCoverage"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> new InferenceConfig(null, null, null, 0, null));
        assertTrue(e.getMessage().contains("retrieval.inference.candidatePassages"), e.getMessage());
    }
}
