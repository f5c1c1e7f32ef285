package io.linernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {

    private final List<SyntheticCorpus.Record> records = new SyntheticCorpus(7).generate(400);

    @Test
    @DisplayName("the same seed gives the same corpus, another seed a different one")
    void deterministic() {
        assertEquals(records, new SyntheticCorpus(7).generate(400));
        assertNotEquals(records, new SyntheticCorpus(8).generate(400));
    }

    @Test
    @DisplayName("bodies have 4 to 8 paragraphs of about 100 words")
    void paragraphShape() {
        for (SyntheticCorpus.Record r : records) {
            assertTrue(r.paragraphs().size() >= 4 && r.paragraphs().size() <= 8, r.id());
            for (String p : r.paragraphs()) {
                int words = p.split("\\s+").length;
                assertTrue(words >= 90 && words <= 160, r.id() + " has a paragraph of " + words + " words");
            }
        }
    }

    @Test
    @DisplayName("some titles are shared by different artists and some songs feature other artists")
    void sharedTitlesAndFeatures() {
        long distinctTitles = records.stream().map(SyntheticCorpus.Record::title).distinct().count();
        assertTrue(distinctTitles < records.size(), "no shared title");
        long featuring = records.stream().filter(r -> !r.featured().isEmpty()).count();
        assertTrue(featuring > records.size() / 10 && featuring < records.size() / 3, featuring + " featuring");
        Set<String> ids = records.stream().map(SyntheticCorpus.Record::id).collect(Collectors.toSet());
        assertEquals(records.size(), ids.size());
    }

    @Test
    @DisplayName("written as JSON Lines with the fields of the import format")
    void writesJsonLines(@TempDir Path dir) throws Exception {
        Path file = SyntheticCorpus.write(records.subList(0, 3), dir.resolve("c.jsonl"));
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(records.get(0).title(), first.get("title").asText());
        assertEquals(records.get(0).artist(), first.get("artist").asText());
        assertEquals(records.get(0).text(), first.get("text").asText());
        assertTrue(first.get("features").isArray());
    }
}
