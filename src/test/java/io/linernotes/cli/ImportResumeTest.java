package io.linernotes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.bench.SyntheticCorpus;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.retrieval.Chunker;
import io.linernotes.retrieval.EmbeddingProbe;
import io.linernotes.retrieval.FakeEmbeddingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import cut short while embedding (the embedding server starts failing for good half-way, a real seam: the
 * real langchain4j client over HTTP) resumes on the next run without embedding again what was embedded before.
 */
class ImportResumeTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("an import interrupted mid-way resumes: every passage is embedded exactly once over both runs")
    void interruptedImportResumes() throws Exception {
        List<SyntheticCorpus.Record> records = new SyntheticCorpus(11).generate(40);
        Path corpus = SyntheticCorpus.write(records, dir.resolve("corpus.jsonl"));
        try (FakeEmbeddingServer server = new FakeEmbeddingServer(FakeEmbeddingServer.hashModel(32, 3))) {
            Path config = dir.resolve("linernotes.yaml");
            Files.writeString(config, """
                    data:
                      dir: %s
                    embedding:
                      provider: openai
                      baseUrl: %s
                      model: hash-test
                      modelId: hash-test/v1
                      batchSize: 16
                      maxRetries: 0
                    """.formatted(dir.resolve("data"), server.baseUrl()));
            // First start: the demo essays, so that what follows counts the corpus alone.
            assertEquals(0, CliRunner.run("", "--config", config.toString(), "essays", "list").exit());
            int demoTexts = server.embeddedTexts().size();

            // The probe, then 4 requests of 16 (one cache batch of 64), then the server fails for good.
            server.failAfter(5);
            CliRunner.Run cut = CliRunner.run("", "--config", config.toString(), "import", corpus.toString());
            assertEquals(1, cut.exit(), cut.err());
            assertTrue(cut.err().contains("indexing stopped") && cut.err().contains("run the same import again"),
                    cut.err());
            List<String> firstRun = passages(server.embeddedTexts().subList(demoTexts, server.embeddedTexts().size()));
            assertEquals(64, firstRun.size(), "one batch of 64 was embedded and cached before the failure");

            server.heal();
            int before = server.embeddedTexts().size();
            CliRunner.Run resumed = CliRunner.run("", "--config", config.toString(), "import", corpus.toString());
            assertEquals(0, resumed.exit(), resumed.err());
            assertTrue(resumed.out().contains("Imported 0 essays (40 unchanged"), resumed.out());
            assertTrue(resumed.err().contains("resuming index") && resumed.err().contains("done"), resumed.err());
            List<String> secondRun = passages(server.embeddedTexts().subList(before, server.embeddedTexts().size()));

            Set<String> both = new HashSet<>(firstRun);
            for (String text : secondRun) {
                assertTrue(both.add(text), "embedded twice: " + text);
            }
            // Passages as the index cuts them: short paragraphs are packed together.
            Chunker chunker = Chunker.of(RetrievalConfig.defaults());
            int corpusPassages = records.stream().mapToInt(r -> chunker.chunkText(r.text()).size()).sum();
            assertEquals(corpusPassages, both.size(), "every corpus passage embedded, none twice");

            SyntheticCorpus.Record song = records.get(records.size() - 1);
            CliRunner.Run asked = CliRunner.run("", "--config", config.toString(), "meaning",
                    song.title() + " by " + song.artist());
            assertEquals(0, asked.exit(), asked.err());
            assertTrue(asked.out().contains(song.title()), asked.out());
        }
    }

    /** Passage texts only: the probe is embedded at every start. */
    private static List<String> passages(List<String> texts) {
        return texts.stream().filter(t -> !t.equals(EmbeddingProbe.TEXT)).toList();
    }
}
