package io.linernotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.TestPaths;
import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.config.AppConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.EssayService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 312-article Wikipedia corpus through the whole engine (vectors on): it imports, a second import changes
 * nothing, a restart embeds nothing, and questions over it are answered. Prints the figures the closing note
 * reports (import time, index size, start-up time); no assertion on time.
 */
class CorpusEngineTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("the corpus imports through the engine, re-imports as unchanged, and restarts without embedding")
    void corpusThroughTheEngine() throws Exception {
        Path corpus = TestPaths.require(TestPaths.CORPUS);
        byte[] content = Files.readAllBytes(corpus);
        AppConfig config = AppConfig.defaults().withDataDir(dataDir.toString());
        long importMillis;
        try (Engine engine = Engine.open(config)) {
            long started = System.nanoTime();
            EssayService.ImportResult result = engine.essays().importFile("songs.jsonl", content, Scope.GLOBAL);
            importMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(312, result.added().size() + result.unchanged());
            EssayService.ImportResult again = engine.essays().importFile("songs.jsonl", content, Scope.GLOBAL);
            assertEquals(0, again.added().size(), "re-importing the same content changes nothing");

            Answer liberty = engine.answers().answer(
                    AnswerRequest.ask("What's the song Liberty Valence by Gene Pitney about?", Scope.GLOBAL));
            assertEquals(Answer.Status.ANSWERED, liberty.status());
            assertEquals("(The Man Who Shot) Liberty Valance", liberty.song().title());
            Answer absent = engine.answers().answer(AnswerRequest.ask("take on me a-ha what is it about", Scope.GLOBAL));
            assertEquals(Answer.Status.NO_COMMENTARY, absent.status());
        }
        long startMillis;
        try (Engine reopened = Engine.open(config)) {
            startMillis = reopened.startReport().millis();
            assertEquals(0, reopened.embeddingsComputed(), "a restart embeds nothing");
            assertTrue(reopened.startReport().essays() >= 312);
        }
        System.out.printf("corpus figures: import of 312 articles %d ms; index %.1f MB; embedding cache %.1f MB;"
                        + " start-up with the corpus %d ms%n", importMillis, megabytes(dataDir.resolve("index")),
                megabytes(dataDir.resolve("embeddings.sqlite")), startMillis);
    }

    private static double megabytes(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return Files.size(path) / 1e6;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
        }
    }
}
