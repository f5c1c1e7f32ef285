package io.linernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.config.EmbeddingConfig;
import io.linernotes.core.Scope;
import io.linernotes.retrieval.EmbeddingProbe;
import io.linernotes.retrieval.FakeEmbeddingServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's import stopped half-way (the embedding server fails for good in the middle of a part: the
 * real langchain4j client over HTTP) carries on in the next run from the part it stopped in, embeds no
 * paragraph twice, and counts its time and sessions over both runs.
 */
class BenchImportTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a bench import stopped in its second part resumes there; no paragraph is embedded twice")
    void stoppedImportResumes() throws Exception {
        List<SyntheticCorpus.Record> records = new SyntheticCorpus(11).generate(30);
        int paragraphs = records.stream().mapToInt(r -> r.paragraphs().size()).sum();
        Path state = dir.resolve("import-state.json");
        try (FakeEmbeddingServer server = new FakeEmbeddingServer(FakeEmbeddingServer.hashModel(32, 3))) {
            AppConfig config = AppConfig.defaults().withDataDir(dir.resolve("data").toString())
                    .withEmbedding(new EmbeddingConfig("openai", server.baseUrl(), "hash-test", null, "hash-test/v1",
                            64, 0, 0, null));
            List<String> progress = new ArrayList<>();
            // Once the first part is saved, the server fails for good: the second part cannot embed its passages.
            // One request per cache batch, so a failed request loses only texts the server never returned.
            Consumer<String> cutInPartTwo = line -> {
                progress.add(line);
                if (line.startsWith("import: part 1/2")) {
                    server.failAfter(0);
                }
            };
            assertThrows(RuntimeException.class,
                    () -> BenchImport.run(config, records, state, paragraphs, cutInPartTwo, 15));
            BenchImport.State cut = new ObjectMapper().readValue(state.toFile(), BenchImport.State.class);
            assertEquals(1, cut.partsDone(), "the first part was saved, the second was not");
            assertEquals(1, cut.sessions());
            assertTrue(cut.millis() > 0 && cut.embedded() > 0, cut.toString());

            server.heal();
            BenchImport.Figures done = BenchImport.run(config, records, state, paragraphs, progress::add, 15);
            assertEquals(2, done.sessions());
            assertTrue(done.millis() >= cut.millis(), done + " after " + cut);
            assertTrue(progress.stream().anyMatch(l -> l.startsWith("import: part 2/2, " + paragraphs + "/"
                    + paragraphs + " paragraphs")), String.join("\n", progress));

            // Passages are what is embedded (short paragraphs are packed, long passages are embedded in windows),
            // so the check is on the texts the server saw: none twice over both runs, but the probe text that
            // every start sends to check the server's vectors.
            Set<String> seen = new HashSet<>();
            for (String text : server.embeddedTexts()) {
                if (!text.equals(EmbeddingProbe.TEXT)) {
                    assertTrue(seen.add(text), "embedded twice: " + text);
                }
            }
            assertTrue(done.embedded() > cut.embedded(), "the second run embedded what the first had not: " + done);

            int requests = server.requests().size();
            BenchImport.Figures again = BenchImport.run(config, records, state, paragraphs, progress::add, 15);
            assertEquals(done, again, "a complete import is not run again: its saved figures are returned");
            assertEquals(requests, server.requests().size(), "nothing was embedded");
            assertTrue(progress.get(progress.size() - 1).contains("already complete"));

            try (Engine engine = Engine.open(config)) {
                assertEquals(30, engine.essays().list(Scope.GLOBAL).size(), "the corpus alone, no demo essays");
                assertTrue(engine.consistency().consistent(), engine.consistency().describe());
            }
        }
    }
}
