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

/** {@code song} read from YAML, its defaults, and its checks. */
class SongConfigTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the committed example file states the defaults")
    void exampleFileHoldsTheDefaults() {
        Path example = Path.of("config", "linernotes.yaml");
        Assumptions.assumeTrue(Files.exists(example), "config/linernotes.yaml absent");
        assertEquals(SongConfig.defaults(), AppConfig.load(example).song());
    }

    @Test
    @DisplayName("thresholds once written in the matcher's code keep their values as defaults")
    void defaults() {
        SongConfig d = SongConfig.defaults();
        assertEquals(0.8, d.sureWord());
        assertEquals(0.6, d.typedWindow());
        assertEquals(0.95, d.exactTitle());
        assertEquals(0.5, d.featuredCoverage());
        assertEquals(8, d.specificLetters());
        assertEquals(0.1, d.quotedBonus());
        assertEquals(0.1, d.aliasPenalty());
        assertEquals(0.005, d.rareTitles());
        assertEquals(3, d.rareTitlesMin());
        assertEquals(40, d.candidates());
        assertEquals(10, d.refusalTitleWords());
    }

    @Test
    @DisplayName("thresholds given in YAML are used; the others keep their defaults")
    void partial() throws Exception {
        Path file = dir.resolve("linernotes.yaml");
        Files.writeString(file, "song:\n  exactTitle: 0.9\n  candidates: 60\n");
        SongConfig song = AppConfig.load(file).song();
        assertEquals(0.9, song.exactTitle());
        assertEquals(60, song.candidates());
        assertEquals(0.8, song.sureWord());
    }

    @Test
    @DisplayName("a similarity outside 0..1 or no candidates is refused with its name")
    void badValues() {
        ConfigException e = assertThrows(ConfigException.class, () -> new SongConfig(null, null, null, null, null,
                null, null, null, null, 1.2, null, null, null, null, null, null, null, null, null, null));
        assertTrue(e.getMessage().contains("song.sureWord"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> new SongConfig(null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, 0, null));
        assertTrue(e.getMessage().contains("song.candidates"), e.getMessage());
    }
}
