package io.linernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {

    private static final Path WIKIPEDIA = Path.of("..", "shared", "corpora", "wikipedia-songs", "songs.jsonl");

    private final List<SyntheticCorpus.Record> records = new SyntheticCorpus(7).generate(600);

    @Test
    @DisplayName("the same seed gives the same corpus, another seed a different one")
    void deterministic() {
        assertEquals(records, new SyntheticCorpus(7).generate(600));
        assertNotEquals(records, new SyntheticCorpus(8).generate(600));
    }

    @Test
    @DisplayName("essays vary in length like real ones: one-paragraph stubs and long essays, short and long paragraphs")
    void essayShapes() {
        Map<Integer, Long> paragraphCounts = records.stream()
                .collect(Collectors.groupingBy(r -> r.paragraphs().size(), Collectors.counting()));
        assertTrue(paragraphCounts.containsKey(1), "some one-paragraph essays");
        assertTrue(paragraphCounts.keySet().stream().anyMatch(n -> n >= 15), "some long essays: " + paragraphCounts);
        List<Integer> words = records.stream().flatMap(r -> r.paragraphs().stream())
                .map(p -> p.split("\\s+").length).sorted().toList();
        int median = words.get(words.size() / 2);
        assertTrue(median >= 15 && median <= 80, "median paragraph words " + median);
        assertTrue(words.get(words.size() - 1) >= 120, "some long paragraphs");
        long distinctWords = records.stream().flatMap(r -> List.of(r.text().toLowerCase(Locale.ROOT).split("\\W+"))
                .stream()).distinct().count();
        assertTrue(distinctWords > 600, "more than the 329 words of the old templates: " + distinctWords);
    }

    @Test
    @DisplayName("the catalogue collides as real ones do: shared titles, covers naming the original, featured leads")
    void realisticCollisions() {
        Map<String, List<SyntheticCorpus.Record>> byTitle = records.stream()
                .collect(Collectors.groupingBy(r -> r.title().toLowerCase(Locale.ROOT)));
        long sharedTitles = byTitle.values().stream().filter(l -> l.size() > 1).count();
        assertTrue(sharedTitles >= records.size() / 40, "titles shared: " + sharedTitles);
        List<SyntheticCorpus.Record> covers = records.stream().filter(r -> r.coverOf() != null).toList();
        assertTrue(covers.size() >= records.size() / 60, "covers: " + covers.size());
        for (SyntheticCorpus.Record cover : covers) {
            assertNotEquals(cover.coverOf(), cover.artist());
            assertTrue(byTitle.get(cover.title().toLowerCase(Locale.ROOT)).stream()
                    .anyMatch(r -> r.artist().equals(cover.coverOf())), "the original is in the corpus");
            assertTrue(cover.paragraphs().get(0).contains("first recorded by " + cover.coverOf()));
        }
        long featuring = records.stream().filter(r -> !r.featured().isEmpty()).count();
        assertTrue(featuring > records.size() / 10 && featuring < records.size() / 4, featuring + " featuring");
        Set<String> leads = records.stream().map(SyntheticCorpus.Record::artist).collect(Collectors.toSet());
        assertTrue(records.stream().flatMap(r -> r.featured().stream()).anyMatch(leads::contains),
                "featured artists also lead songs");
        Map<String, Long> perArtist = records.stream()
                .collect(Collectors.groupingBy(SyntheticCorpus.Record::artist, Collectors.counting()));
        assertTrue(perArtist.values().stream().anyMatch(n -> n >= 10), "a few prolific artists");
        assertEquals(records.size(), records.stream().map(SyntheticCorpus.Record::id).distinct().count());
    }

    @Test
    @DisplayName("recombined from the Wikipedia corpus when present: its shapes and vocabulary, none of its titles")
    void fromWikipedia() {
        Assumptions.assumeTrue(Files.isRegularFile(WIKIPEDIA), "the shared Wikipedia corpus is not beside this checkout");
        TextSource source = TextSource.fromCorpus(WIKIPEDIA);
        List<SyntheticCorpus.Record> wiki = new SyntheticCorpus(3, source).generate(300);
        long distinctWords = wiki.stream().flatMap(r -> List.of(r.text().toLowerCase(Locale.ROOT).split("\\W+"))
                .stream()).distinct().count();
        assertTrue(distinctWords > 5_000, "Wikipedia's vocabulary: " + distinctWords);
        assertTrue(source.description().contains("songs.jsonl"), source.description());
    }

    @Test
    @DisplayName("questions of every kind, each answerable from exactly the record it names")
    void questionsOfEveryKind() {
        List<BenchQuestions.Question> questions = BenchQuestions.generate(records, 30, new java.util.Random(5));
        Map<String, Long> kinds = questions.stream()
                .collect(Collectors.groupingBy(BenchQuestions.Question::kind, Collectors.counting()));
        assertEquals(Map.of("resolve", 30L, "content", 30L, "line", 30L, "absent", 30L), kinds);
        Map<String, SyntheticCorpus.Record> byId = records.stream()
                .collect(Collectors.toMap(SyntheticCorpus.Record::id, Function.identity()));
        Set<String> titles = records.stream().map(r -> r.title().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (BenchQuestions.Question q : questions) {
            if (q.kind().equals("absent")) {
                String named = q.text().replaceFirst("^(What is|what does) ", "").replaceFirst(" by .*$", "");
                assertTrue(!titles.contains(named.toLowerCase(Locale.ROOT)), q.text());
                continue;
            }
            SyntheticCorpus.Record r = byId.get(q.expectedId());
            if (q.evidence() != null) {
                assertTrue(r.text().replaceAll("\\s+", " ").contains(q.evidence()), q.evidence());
                assertEquals(1, records.stream().filter(o -> o.text().replaceAll("\\s+", " ").contains(q.evidence()))
                        .count(), "evidence found in one essay only: " + q.evidence());
            }
            if (q.kind().equals("content")) {
                String described = q.text().replaceFirst("^.*? (mentions|talks about) ", "");
                Set<String> asked = new java.util.HashSet<>(java.util.Arrays.asList(described.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
                Set<String> title = new java.util.HashSet<>(java.util.Arrays.asList(r.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
                assertTrue(title.stream().filter(w -> w.length() >= 4).noneMatch(asked::contains),
                        "a content question does not name the song: " + q.text());
            }
        }
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
