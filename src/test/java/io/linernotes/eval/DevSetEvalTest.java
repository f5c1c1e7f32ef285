package io.linernotes.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real dev set against the real corpus; prints the figures. Skipped when ../shared is absent. */
class DevSetEvalTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpora", "wikipedia-songs", "songs.jsonl");
    private static final Path QUESTIONS = Path.of("..", "shared", "eval", "dev-questions.jsonl");

    @Test
    @DisplayName("the dev set runs end to end and every question is scored for both systems")
    void devSet() throws Exception {
        Assumptions.assumeTrue(Files.exists(CORPUS) && Files.exists(QUESTIONS),
                "../shared corpus or dev questions absent");
        EvalReport report = EvalRun.run(new EvalRun.Options(CORPUS, QUESTIONS, NaiveRag.TUNED_THRESHOLD,
                AppConfig.defaults()));
        System.out.println(ReportTable.render(report));
        assertEquals(88, report.engine().get("all").questions());
        assertEquals(88, report.baseline().get("all").questions());
        assertTrue(report.recordsStored() >= 290, "stored and mapped back: " + report.recordsStored());
    }
}
