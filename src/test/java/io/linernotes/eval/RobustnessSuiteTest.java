package io.linernotes.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.AppConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated robustness suite over the project's own small corpus ({@code robustness/songs.jsonl}, our own
 * writing), run through the real answer path by {@link EvalRun}; prints the figures per noise class and holds
 * them to the levels below.
 */
class RobustnessSuiteTest {

    /** Overall song top-1 and absent refusals the suite must reach. */
    private static final double OVERALL = 0.95;
    /** What every class of at least {@link #JUDGED} questions must reach (a class of three says little). */
    private static final double PER_CLASS = 0.85;
    private static final int JUDGED = 8;

    @TempDir
    Path dir;

    private static Path corpus() throws URISyntaxException {
        return Path.of(RobustnessSuiteTest.class.getResource("/robustness/songs.jsonl").toURI());
    }

    @Test
    @DisplayName("the same corpus and seed give the same questions; every noise class is represented")
    void seededAndComplete() throws Exception {
        List<CorpusRecord> records = EvalFiles.corpus(corpus());
        Map<String, Integer> years = EvalFiles.corpusYears(corpus());
        List<RobustnessSuite.Generated> a = RobustnessSuite.generate(records, years, 8, 2);
        List<RobustnessSuite.Generated> b = RobustnessSuite.generate(records, years, 8, 2);
        assertEquals(a, b);
        Map<NoiseClass, Integer> counts = new EnumMap<>(NoiseClass.class);
        a.forEach(g -> counts.merge(g.noise(), 1, Integer::sum));
        for (NoiseClass c : NoiseClass.values()) {
            assertTrue(counts.getOrDefault(c, 0) >= 2, c + " has questions: " + counts);
        }
        for (RobustnessSuite.Generated g : a) {
            assertEquals(g.noise().absent(), g.question().expectedSongId() == null, g.question().id());
        }
    }

    @Test
    @DisplayName("through the real answer path, every noise class finds its songs and refuses absent ones")
    void figuresPerClass() throws Exception {
        Path questions = dir.resolve("suite.jsonl");
        RobustnessSuite.write(RobustnessSuite.generate(EvalFiles.corpus(corpus()), EvalFiles.corpusYears(corpus()), 8, 1),
                questions);
        EvalReport report = EvalRun.run(new EvalRun.Options(corpus(), questions, NaiveRag.TUNED_THRESHOLD,
                AppConfig.defaults()));
        System.out.println(ReportTable.render(report));
        Figures all = report.engine().get("all");
        assertTrue(all.songTop1().rate() >= OVERALL, "song top-1 " + all.songTop1().rate());
        assertTrue(all.absentRefusals().rate() >= OVERALL, "absent refusals " + all.absentRefusals().rate());
        for (NoiseClass c : NoiseClass.values()) {
            Figures f = report.engine().get("noise:" + c.key());
            Figure figure = c.absent() ? f.absentRefusals() : f.songTop1();
            if (figure.total() >= JUDGED) {
                assertTrue(figure.rate() >= PER_CLASS, c.key() + ": " + figure.rate());
            }
        }
    }
}
