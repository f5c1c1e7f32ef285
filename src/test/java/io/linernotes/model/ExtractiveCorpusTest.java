package io.linernotes.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.essay.Essay;
import io.linernotes.retrieval.Passage;
import io.linernotes.retrieval.RetrievedPassage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The extractive answerer on real articles nobody here wrote: for each development question with an
 * evidence phrase, the song's article is cut into paragraph chunks, the six that share most words with
 * the question stand in for the retriever, and the answer should quote the evidence. Skips without
 * {@code ../shared}; {@link ExtractiveAnswerModelTest} covers the same behaviour on our own text. Set
 * {@code LN_DEBUG_MISSES} to print the questions whose answer misses the evidence.
 */
@DisplayName("The extractive answerer on the Wikipedia song corpus")
class ExtractiveCorpusTest {

    private static final Path SONGS = Path.of("..", "shared", "corpora", "wikipedia-songs", "songs.jsonl");
    private static final Path QUESTIONS = Path.of("..", "shared", "eval", "dev-questions.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("quotes the evidence phrase for most development questions")
    void quotesEvidence() throws IOException {
        Assumptions.assumeTrue(Files.exists(SONGS) && Files.exists(QUESTIONS), "../shared corpus or questions absent");
        Map<String, JsonNode> songs = new HashMap<>();
        for (String line : Files.readAllLines(SONGS)) {
            JsonNode song = JSON.readTree(line);
            songs.put(song.path("id").asText(), song);
        }
        ExtractiveAnswerModel model = new ExtractiveAnswerModel();
        int asked = 0;
        int withEvidence = 0;
        int withKeywords = 0;
        long words = 0;
        for (String line : Files.readAllLines(QUESTIONS)) {
            JsonNode q = JSON.readTree(line);
            JsonNode song = songs.get(q.path("expected_song_id").asText());
            if (song == null || q.path("evidence").isNull()) {
                continue;
            }
            Song s = new Song(asked + 1, song.path("title").asText(), song.path("artist").asText("unknown"), null,
                    null, null);
            List<RetrievedPassage> passages = standInRetrieval(q.path("query").asText(), s, song.path("text").asText());
            String answer = model.answer(q.path("query").asText(), s, passages);
            asked++;
            words += answer.split("\\s+").length;
            if (normal(answer).contains(normal(q.path("evidence").asText()))) {
                withEvidence++;
            } else if (System.getenv("LN_DEBUG_MISSES") != null) {
                System.out.println("MISS " + q.path("kind").asText() + " | " + q.path("query").asText() + " | "
                        + q.path("evidence").asText() + "\n   " + answer);
            }
            boolean all = true;
            for (JsonNode k : q.path("answer_keywords")) {
                all &= normal(answer).contains(normal(k.asText()));
            }
            withKeywords += all ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "extractive on %d dev questions: evidence quoted %d (%.0f%%), all keywords %d"
                + " (%.0f%%), mean %.0f words%n", asked, withEvidence, 100.0 * withEvidence / asked, withKeywords,
                100.0 * withKeywords / asked, (double) words / asked);
        assertTrue(asked >= 40, "questions with evidence: " + asked);
        assertTrue(withEvidence >= asked * 0.7, withEvidence + " of " + asked + " answers quote the evidence");
    }

    /** Paragraph chunks of about 120 words, ranked by words shared with the question: a crude retriever. */
    private static List<RetrievedPassage> standInRetrieval(String question, Song song, String text) {
        Instant now = Instant.now();
        Essay essay = new Essay(song.id(), song, null, "Wikipedia", Scope.GLOBAL, text, now, now, 1);
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            if (current.length() > 0 && Sentences.words(current + " " + paragraph) > 120) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : "\n\n").append(paragraph.strip());
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        Set<String> asked = new HashSet<>(Terms.of(question));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -Terms.of(chunks.get(i)).stream().filter(asked::contains).count())
                .thenComparing(i -> i));
        List<RetrievedPassage> passages = new ArrayList<>();
        for (int rank = 1; rank <= Math.min(6, order.size()); rank++) {
            int i = order.get(rank - 1);
            Passage p = new Passage(essay.id(), 1, song.id(), Scope.GLOBAL, i, chunks.get(i));
            passages.add(new RetrievedPassage(p, essay, 1.0 / rank, rank, 0, 0));
        }
        return passages;
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ");
    }
}
