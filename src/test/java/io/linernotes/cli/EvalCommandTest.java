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
    @DisplayName("eval names a missing input file and exits with 2")
    void missingFile(@TempDir Path dir) {
        assertEquals(2, cli().execute("eval", "--corpus", dir.resolve("none.jsonl").toString(),
                "--questions", QUESTIONS.toString()));
        assertTrue(Files.exists(QUESTIONS));
    }
}
