package io.linernotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.TestPaths;
import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.answer.Source;
import io.linernotes.config.AppConfig;
import io.linernotes.console.AnswerPrinter;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.essay.Essay;
import io.linernotes.model.LeadSentence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader sees of an answer, over questions generated from the essays themselves (every song, several
 * question forms: what it means, what it is about by title and artist, which song holds a phrase of its essay):
 * the first sentence names the song, citations are numbered from [1] in the order they are met, every source
 * is cited and no two sources read alike, and passages are quoted without quotation marks around them.
 */
class AnswerShapeTest {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d+(?:, \\d+)*)]");

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("the bundled demo essays: every generated question gets an answer of the right shape")
    void demoEssays() {
        try (Engine engine = Engine.open(AppConfig.defaults().withDataDir(dataDir.toString()))) {
            List<Essay> essays = engine.essays().list(Scope.GLOBAL);
            assertTrue(essays.size() >= 5, "the demo essays are there");
            int checked = checkAll(engine, essays, new Random(13));
            assertTrue(checked >= 3 * essays.size() - 2, "answered most generated questions: " + checked);

            Answer runaway = engine.answers().answer(AnswerRequest.ask("What does Runaway mean?", Scope.GLOBAL));
            String text = runaway.text();
            assertTrue(text.startsWith("\u201CRunaway\u201D is a 2010 song by Kanye West featuring Pusha T."), text);
            assertEquals(1, text.split("As Liner Notes demo reads it:", -1).length - 1, "each author once: " + text);
            assertEquals(1, text.split("As Liner Notes demo \\(second reading\\) reads it:", -1).length - 1, text);
        }
    }

    @Test
    @DisplayName("a sample of the Wikipedia corpus: the same shape, and sources that name their sections")
    void wikipediaSample() throws Exception {
        Assumptions.assumeTrue(Files.exists(TestPaths.CORPUS), "the shared Wikipedia corpus is absent here");
        List<String> lines = Files.readAllLines(TestPaths.CORPUS, StandardCharsets.UTF_8);
        Random random = new Random(29);
        StringBuilder sample = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sample.append(lines.get(random.nextInt(lines.size()))).append('\n');
        }
        try (Engine engine = Engine.open(AppConfig.defaults().withDataDir(dataDir.toString()))) {
            for (Essay e : engine.essays().list(Scope.GLOBAL)) {
                engine.essays().remove(e.id(), e.scope());
            }
            engine.essays().importFile("sample.jsonl", sample.toString().getBytes(StandardCharsets.UTF_8), Scope.GLOBAL);
            List<Essay> essays = engine.essays().list(Scope.GLOBAL);
            int checked = checkAll(engine, essays, random);
            assertTrue(checked >= 2 * essays.size(), "answered most generated questions: " + checked);
            boolean anySection = false;
            for (Essay e : essays) {
                Answer a = engine.answers().answer(AnswerRequest.meaning(e.song().title() + " by " + e.song().artist(),
                        "What was the reception?", Scope.GLOBAL));
                anySection |= a.sources().stream().anyMatch(s -> s.section() != null);
            }
            assertTrue(anySection, "sections of Wikipedia articles are named in sources");
        }
    }

    private static int checkAll(Engine engine, List<Essay> essays, Random random) {
        int checked = 0;
        for (Essay essay : essays) {
            Song song = essay.song();
            List<String> questions = new ArrayList<>(List.of(
                    "What does " + song.title() + " mean?",
                    "What is " + song.title() + " by " + song.artist() + " about?"));
            String phrase = phrase(essay.body(), random);
            if (phrase != null) {
                questions.add("Which song is about " + phrase + "?");
            }
            for (String q : questions) {
                Answer answer = engine.answers().answer(AnswerRequest.ask(q, Scope.GLOBAL));
                if (answer.status() != Answer.Status.ANSWERED) {
                    continue;
                }
                checkShape(q, answer);
                checked++;
            }
        }
        return checked;
    }

    static void checkShape(String question, Answer answer) {
        String text = answer.text();
        String where = question + "\n" + AnswerPrinter.render(answer);
        assertTrue(LeadSentence.firstSentenceNames(text, answer.song()), "the first sentence names the song: " + where);
        if (LeadSentence.asksWhichSong(question)) {
            assertTrue(text.startsWith("The song is \u201C" + answer.song().title() + "\u201D"), where);
        }
        Matcher m = CITATION.matcher(text);
        int highest = 0;
        Set<Integer> cited = new HashSet<>();
        while (m.find()) {
            for (String n : m.group(1).split(", ")) {
                int number = Integer.parseInt(n);
                assertTrue(number <= highest + 1, "numbered in the order met: " + where);
                highest = Math.max(highest, number);
                cited.add(number);
            }
        }
        assertEquals(answer.sources().size(), cited.size(), "one source per cited passage: " + where);
        Set<String> entries = new HashSet<>();
        for (int i = 0; i < answer.sources().size(); i++) {
            Source s = answer.sources().get(i);
            assertEquals(i + 1, s.number(), where);
            assertTrue(entries.add(s.entry()), "no source line twice: " + where);
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("> ")) {
                assertFalse(line.startsWith("> \u201C") && line.matches(".*\u201D \\[\\d+]$"), "no quotes around a quote: " + where);
            } else if (!line.equals(text.split("\n")[0])) {
                assertFalse(line.contains("\u201C"), "passages are quoted as block quotes only: " + where);
            }
        }
    }

    /** Five consecutive words from the middle of a longer sentence of the essay. */
    private static String phrase(String body, Random random) {
        List<String> sentences = new ArrayList<>();
        for (String s : body.split("(?<=[.!?])\\s+")) {
            if (s.split("\\s+").length >= 12 && !s.contains("\"")) {
                sentences.add(s);
            }
        }
        if (sentences.isEmpty()) {
            return null;
        }
        String[] words = sentences.get(random.nextInt(sentences.size())).replaceAll("[^\\p{L}\\p{N}' ]", " ")
                .trim().split("\\s+");
        int start = Math.min(words.length - 5, 3 + random.nextInt(Math.max(1, words.length - 8)));
        return String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, start), Math.max(0, start) + 5));
    }
}
