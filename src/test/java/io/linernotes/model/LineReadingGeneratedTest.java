package io.linernotes.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.config.EssayConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayParser;
import io.linernotes.retrieval.Chunker;
import io.linernotes.retrieval.Passage;
import io.linernotes.retrieval.RetrievedPassage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "What does that line mean?", on cases generated from essays: the project's own (the bundled demo essays and
 * the essay fixtures, which quote few lines) and, when {@code ../shared} is present, the commentary essays of
 * the fiction corpus, which quote many (without it the cases are ours alone and the count check is skipped;
 * {@link ExtractiveAnswerModelTest} covers the behaviour on our own text). For every sentence that quotes a
 * lyric of four words or more (a quoted title is no lyric) and is followed, in its paragraph, by a sentence
 * that quotes nothing (the essay's reading of the line), the question asks what the quoted words mean in the
 * song. The essay's passages are cut as the index cuts them and handed over with the quoting passage first, as
 * the ranking would; the answer must quote the reading, not only the line. (Without the reading's share of
 * the line's match, 57 of the 88 cases fail.)
 */
class LineReadingGeneratedTest {

    /** A lyric in straight or curly double quotes, four words or more. */
    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"“”]+(?:\\s+[^\"“”\\s]+){3,})[\"”]");
    private static final Pattern ANY_QUOTE = Pattern.compile("[\"“”]");
    private static final Chunker CHUNKER = Chunker.of(RetrievalConfig.defaults());
    private static final Path FICTION = Path.of("..", "shared", "corpora", "fiction-essays", "essays.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String question, Song song, List<RetrievedPassage> passages, String line, String reading) {
        @Override
        public String toString() {
            return question;
        }
    }

    static Stream<Arguments> cases() throws Exception {
        List<Arguments> out = new ArrayList<>();
        long id = 1;
        for (EssayDraft d : drafts()) {
            Song song = new Song(id, d.title(), d.artist(), d.featured(), d.year(), d.album());
            Instant when = Instant.parse("2024-05-01T12:00:00Z");
            Essay essay = new Essay(id, song, d.author(), d.source(), Scope.GLOBAL, d.body(), when, when, 1);
            id++;
            List<Passage> passages = CHUNKER.chunk(essay);
            for (Passage quoting : passages) {
                for (List<String> paragraph : Sentences.paragraphs(quoting.text())) {
                    for (int i = 0; i + 1 < paragraph.size(); i++) {
                        Matcher m = QUOTED.matcher(paragraph.get(i));
                        String reading = paragraph.get(i + 1);
                        if (!m.find() || ANY_QUOTE.matcher(reading).find() || Sentences.words(reading) < 6) {
                            continue;
                        }
                        String line = m.group(1).strip();
                        if (Terms.of(line).equals(Terms.of(song.title()))) {
                            continue; // the song's own title in quotes is no lyric
                        }
                        String question = "what does \"" + line + "\" mean in " + song.title() + "?";
                        out.add(Arguments.of(new Case(question, song, handedOver(essay, quoting, passages),
                                paragraph.get(i), reading)));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("the answer to what a quoted line means quotes the essay's reading of it")
    void quotesTheReading(Case c) {
        String text = new ExtractiveAnswerModel().answer(c.question(), c.song(), c.passages());

        assertTrue(text.contains(c.reading()), () -> "the reading «" + c.reading() + "» is missing from: " + text);
    }

    @Test
    @DisplayName("enough generated cases to mean something")
    void manyCases() throws Exception {
        Assumptions.assumeTrue(Files.exists(FICTION), "the shared fiction corpus is absent: only our own few cases run");
        long n = cases().count();
        assertTrue(n >= 10, "cases: " + n);
    }

    /** The quoting passage first, then the essay's other passages in reading order, five at most. */
    private static List<RetrievedPassage> handedOver(Essay essay, Passage quoting, List<Passage> all) {
        List<RetrievedPassage> out = new ArrayList<>();
        out.add(new RetrievedPassage(quoting, essay, 1.0, 1, 1, 1.0));
        for (Passage p : all) {
            if (out.size() < 5 && !p.id().equals(quoting.id())) {
                out.add(new RetrievedPassage(p, essay, 1.0 / (out.size() + 1), out.size() + 1, out.size() + 1, 0));
            }
        }
        return out;
    }

    private static List<EssayDraft> drafts() throws Exception {
        List<EssayDraft> drafts = new ArrayList<>();
        EssayParser parser = new EssayParser(EssayConfig.defaults());
        String index = new String(resource("/demo-essays/index.txt"), StandardCharsets.UTF_8);
        for (String name : index.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            drafts.addAll(parser.parse(name, resource("/demo-essays/" + name)));
        }
        for (String name : List.of("/retrieval-fixtures/harbor-lights-juno-vale.txt",
                "/retrieval-fixtures/paper-crowns-low-orchard.txt", "/essays-fixtures/harbour-lights.md",
                "/essays-fixtures/paper-lanterns-mara-quill.txt")) {
            drafts.addAll(parser.parse(name.substring(name.lastIndexOf('/') + 1), resource(name)));
        }
        if (Files.exists(FICTION)) {
            for (String line : Files.readAllLines(FICTION, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                List<String> features = new ArrayList<>();
                n.path("features").forEach(f -> features.add(f.asText()));
                drafts.add(new EssayDraft(n.path("title").asText(), n.path("artist").asText(), features,
                        n.hasNonNull("year") ? n.get("year").asInt() : null, null, n.path("author").asText(null), null,
                        n.path("text").asText()));
            }
        }
        return drafts;
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = LineReadingGeneratedTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
