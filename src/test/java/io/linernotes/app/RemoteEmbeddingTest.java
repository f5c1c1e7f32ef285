package io.linernotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.config.AppConfig;
import io.linernotes.config.ConfigException;
import io.linernotes.config.EmbeddingConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.EssayDraft;
import io.linernotes.retrieval.FakeEmbeddingServer;
import io.linernotes.retrieval.MiniLmEmbedder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code embedding.provider: openai} through the real engine and the real langchain4j {@code OpenAiEmbeddingModel}
 * against a local server speaking {@code /v1/embeddings}: batching, retries, and the start-up check that the
 * server computes the vectors the data directory was built with.
 */
class RemoteEmbeddingTest {

    private static final MiniLmEmbedder MINILM = new MiniLmEmbedder(2);

    @TempDir
    Path dataDir;

    @AfterAll
    static void unload() {
        MINILM.close();
    }

    private AppConfig config(FakeEmbeddingServer server, String modelId, int batchSize) {
        return AppConfig.defaults().withDataDir(dataDir.toString()).withEmbedding(new EmbeddingConfig("openai",
                server.baseUrl(), "all-minilm", null, modelId, batchSize, 3, 10, null));
    }

    private static Engine open(AppConfig config) {
        return Engine.open(config, Path.of("prompts"), name -> null);
    }

    @Test
    @DisplayName("a server computing the bundled model's vectors passes the probe, fills the index in batches,"
            + " embeds the questions, and a restart embeds nothing")
    void sameModelServed() throws Exception {
        try (FakeEmbeddingServer server = new FakeEmbeddingServer(MINILM::embed)) {
            // A small batch, so that even the demo essays' few packed passages take several requests.
            AppConfig config = config(server, null, 3);
            try (Engine engine = open(config)) {
                assertTrue(engine.embeddingsComputed() > 3, "the demo passages were embedded by the server");
                int before = server.requests().size();
                Answer answer = engine.answers().answer(AnswerRequest.ask(
                        "What is the chorus of Fast Car about?", Scope.GLOBAL));
                assertEquals(Answer.Status.ANSWERED, answer.status(), answer.text());
                assertTrue(server.requests().size() > before, "the question was embedded by the server");
            }
            assertTrue(server.requests().stream().allMatch(r -> r.size() <= 3),
                    "no request over embedding.batchSize: " + server.requests().stream().map(List::size).toList());
            int requests = server.requests().size();
            try (Engine again = open(config)) {
                assertFalse(again.startReport().indexRebuilt());
                assertEquals(0, again.embeddingsComputed(), "a restart embeds nothing");
            }
            assertEquals(requests + 1, server.requests().size(), "only the probe at start");
        }
    }

    @Test
    @DisplayName("5xx answers are retried: the probe after 503 and 502, an import batch after a 500")
    void serverErrorsAreRetried() throws Exception {
        try (FakeEmbeddingServer server = new FakeEmbeddingServer(FakeEmbeddingServer.hashModel(32, 1))) {
            server.failNext(503, 502);
            try (Engine engine = open(config(server, "hash-test/v1", 16))) {
                assertEquals(3, server.requests().stream().filter(r -> r.size() == 1).limit(3).count());
                server.failNext(500);
                int before = server.requests().size();
                engine.essays().add(new EssayDraft("Paper Lanterns", "Ines Moreau", List.of(), 2019, null, null, null,
                        "A song about grief carried down a river in paper lanterns, one for every year since the"
                                + " flood.\n\nThe chorus lets the lanterns go, and the narrator with them."),
                        Scope.GLOBAL);
                assertEquals(2, server.requests().size() - before, "one failed request and its retry");
                Answer answer = engine.answers().answer(AnswerRequest.meaning("Paper Lanterns", null, Scope.GLOBAL));
                assertEquals(Answer.Status.ANSWERED, answer.status());
            }
        }
    }

    @Test
    @DisplayName("a server whose vectors have another dimension than the recorded ones is refused, naming both")
    void wrongDimensionRefused() throws Exception {
        try (FakeEmbeddingServer server = new FakeEmbeddingServer(FakeEmbeddingServer.hashModel(16, 1))) {
            try (Engine engine = open(config(server, "hash-test/v1", 16))) {
                assertTrue(engine.embeddingsComputed() > 0);
            }
            server.serve(FakeEmbeddingServer.hashModel(24, 1));
            ConfigException e = assertThrows(ConfigException.class, () -> open(config(server, "hash-test/v1", 16)));
            assertTrue(e.getMessage().contains("returns 24-dimension vectors")
                    && e.getMessage().contains("have 16 dimensions") && e.getMessage().contains("hash-test/v1"),
                    e.getMessage());
        }
    }

    @Test
    @DisplayName("a server with the right dimension but other vectors is refused: its probe's cosine is too low")
    void mismatchedProbeRefused() throws Exception {
        try (FakeEmbeddingServer server = new FakeEmbeddingServer(FakeEmbeddingServer.hashModel(16, 1))) {
            try (Engine engine = open(config(server, "hash-test/v1", 16))) {
                assertTrue(engine.embeddingsComputed() > 0);
            }
            server.serve(FakeEmbeddingServer.hashModel(16, 977));
            ConfigException e = assertThrows(ConfigException.class, () -> open(config(server, "hash-test/v1", 16)));
            assertTrue(e.getMessage().contains("does not compute the vectors of hash-test/v1")
                    && e.getMessage().contains("cosine"), e.getMessage());
        }
    }

    @Test
    @DisplayName("a 384-dimension server that is not all-MiniLM-L6-v2 is refused against the bundled model's probe")
    void otherModelUnderTheBundledIdentityRefused() throws Exception {
        try (FakeEmbeddingServer server = new FakeEmbeddingServer(FakeEmbeddingServer.hashModel(384, 5))) {
            ConfigException e = assertThrows(ConfigException.class, () -> open(config(server, null, 16)));
            assertTrue(e.getMessage().contains(MiniLmEmbedder.SINGLE_TEXT_MODEL_ID) && e.getMessage().contains("cosine"), e.getMessage());
            assertEquals(1, server.requests().size(), "refused after the probe, before any passage was sent");
        }
    }
}
