package io.linernotes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.eval.Figures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "eval", "mini-songs.jsonl");
    private static final Path QUESTIONS = Path.of("src", "test", "resources", "eval", "mini-questions.jsonl");

    static CommandLine cli() {
        CommandLine cli = new CommandLine(new LinerNotesCommand());
        // Registered in LinerNotesCommand's subcommands once wired; added here until then.
        if (!cli.getSubcommands().containsKey("eval")) {
            cli.addSubcommand("eval", new EvalCommand());
        }
        if (!cli.getSubcommands().containsKey("bench")) {
            cli.addSubcommand("bench", new BenchCommand());
        }
        return cli;
    }

    @Test
    @DisplayName("eval on a small corpus writes a report with every figure for engine and baseline, per kind and overall")
    void evalWritesEveryFigure(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.json");
        int exit = cli().execute("eval", "--corpus", CORPUS.toString(), "--questions", QUESTIONS.toString(),
                "--report", report.toString());
        assertEquals(0, exit);

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(9, json.get("questions").asInt());
        assertEquals(6, json.get("corpusRecords").asInt());
        assertEquals(6, json.get("recordsStored").asInt(), "every fixture record maps back to the store");
        for (String system : List.of("engine", "baseline")) {
            JsonNode all = json.get(system).get("all");
            assertEquals(9, all.get("questions").asInt());
            for (String name : Figures.NAMES) {
                JsonNode f = all.get(name);
                assertTrue(f != null && f.get("rate").isNumber(), system + " lacks " + name);
                double rate = f.get("rate").asDouble();
                assertTrue(rate >= 0 && rate <= 1, system + " " + name + " = " + rate);
            }
            assertEquals(7, all.get("songTop1").get("total").asInt());
            assertEquals(2, all.get("absentRefusals").get("total").asInt());
            assertEquals(1, all.get("misattributionCorrections").get("total").asInt());
            for (String kind : List.of("resolve", "content", "line", "absent")) {
                assertTrue(json.get(system).has(kind), system + " lacks kind " + kind);
            }
        }
        assertTrue(json.get("difference").get("all").get("songTop1").isNumber());
        // Six distinct, plainly named songs: the engine must find most of them, or the wiring is broken.
        assertTrue(json.get("engine").get("all").get("songTop1").get("rate").asDouble() >= 0.5,
                "engine song top-1 " + json.get("engine").get("all").get("songTop1"));
    }

    @Test
    @DisplayName("eval --details writes one line per question: status, song, ranked passages with score and source, "
            + "evidence ranks for the engine, retrieval alone and the baseline; the report has both baselines")
    void detailsPerQuestion(@TempDir Path dir) throws Exception {
        Path details = dir.resolve("details.jsonl");
        Path report = dir.resolve("report.json");
        int exit = cli().execute("eval", "--corpus", CORPUS.toString(), "--questions", QUESTIONS.toString(),
                "--details", details.toString(), "--report", report.toString());
        assertEquals(0, exit);

        List<String> lines = Files.readAllLines(details);
        assertEquals(9, lines.size());
        ObjectMapper json = new ObjectMapper();
        int refused = 0;
        for (String line : lines) {
            JsonNode q = json.readTree(line);
            JsonNode engine = q.get("engine");
            String status = engine.get("status").asText();
            assertTrue(List.of("answered", "corrected", "ambiguous", "refused").contains(status), status);
            if (status.equals("refused")) {
                refused++;
                assertTrue(engine.get("refusalReason").asText().length() > 10, line);
                assertEquals(0, engine.get("passages").size());
            } else if (status.equals("answered") || status.equals("corrected")) {
                assertTrue(engine.get("song").isTextual(), line);
                JsonNode passages = engine.get("passages");
                assertTrue(passages.size() >= 1 && passages.size() <= 5, line);
                for (int i = 0; i < passages.size(); i++) {
                    JsonNode p = passages.get(i);
                    assertEquals(i + 1, p.get("rank").asInt());
                    assertTrue(p.get("source").asText().contains("essay"), line);
                    assertTrue(p.get("score").isNumber() && p.get("text").asText().length() > 0, line);
                    if (i > 0) {
                        assertTrue(passages.get(i - 1).get("score").asDouble() >= p.get("score").asDouble(), line);
                    }
                }
                int rank = engine.get("evidenceRank").asInt();
                assertTrue(rank == 0 || passages.get(rank - 1).get("holdsEvidence").asBoolean(), line);
            }
            assertTrue(q.get("retrievalAlone").get("evidenceRank").isInt(), line);
            JsonNode baseline = q.get("baseline");
            assertTrue(baseline.get("passages").size() >= 1, line);
            assertTrue(baseline.get("refusedAtThreshold").isBoolean(), line);
        }
        assertTrue(refused >= 2, "the two absent songs are refused");
        JsonNode figures = json.readTree(report.toFile());
        assertEquals(0, figures.get("baselineNoThreshold").get("all").get("absentRefusals").get("value").asInt(),
                "with no threshold the baseline never refuses");
        assertTrue(figures.get("retrievalAlone").get("all").get("evidenceRecallAt5").get("rate").isNumber());
    }

    @Test
    @DisplayName("eval names a missing input file and exits with 2")
    void missingFile(@TempDir Path dir) {
        assertEquals(2, cli().execute("eval", "--corpus", dir.resolve("none.jsonl").toString(),
                "--questions", QUESTIONS.toString()));
        assertTrue(Files.exists(QUESTIONS));
    }
}
