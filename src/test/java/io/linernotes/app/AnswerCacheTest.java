package io.linernotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.config.AnswerCacheConfig;
import io.linernotes.config.AppConfig;
import io.linernotes.config.ModelConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.model.FakeModelServer;
import io.linernotes.model.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer cache through the real engine, the real langchain4j OpenAI client and a local chat-completions
 * server: a model call is saved on a repeat, and made again after an edit, after expiry, and under other
 * model settings.
 */
@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(io.linernotes.store.StoreEngine.class)
class AnswerCacheTest {

    @org.junit.jupiter.params.Parameter
    io.linernotes.store.StoreEngine engine;
    private io.linernotes.config.StoreConfig store;

    @TempDir
    Path dataDir;

    private FakeModelServer server;
    private final ManualClock clock = new ManualClock();

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
        store = engine == io.linernotes.store.StoreEngine.SQLITE ? io.linernotes.config.StoreConfig.defaults()
                : engine.freshConfig(dataDir);
        server.always(FakeModelServer.Step.answer("He warns her to run before he hurts her [1]."));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AppConfig config(double temperature) {
        ModelConfig model = new ModelConfig("openai", server.baseUrl(), "test-model", "LINERNOTES_TEST_KEY", 10, 0,
                temperature, 0, true);
        return AppConfig.defaults().withDataDir(dataDir.toString()).withModel(model)
                .withRetrieval(new RetrievalConfig(0, 0, 0, 0, false))
                .withAnswerCache(new AnswerCacheConfig(true, 60)).withStore(store);
    }

    private Engine open(double temperature) {
        return Engine.open(config(temperature), Path.of("prompts"), Map.of("LINERNOTES_TEST_KEY", "sk-test")::get, clock);
    }

    private static Answer ask(Engine engine, String song, String question) {
        Answer answer = engine.answers().answer(AnswerRequest.meaning(song, question, Scope.GLOBAL));
        assertEquals(Answer.Status.ANSWERED, answer.status(), answer.text());
        return answer;
    }

    @Test
    @DisplayName("the same question, however spelled, is answered once by the model; the repeats are hits")
    void hitOnRepeat() {
        try (Engine engine = open(0.2)) {
            Answer first = ask(engine, "Runaway", "What is the hook warning about?");
            Answer second = ask(engine, "Runaway", "what is the hook warning about");
            Answer third = ask(engine, "Runaway", "  What is the HOOK warning about ?! ");
            assertEquals(1, server.requests().size(), "one model call for three askings");
            assertEquals(first.text(), second.text());
            assertEquals(first.text(), third.text());
            assertEquals(first.sources(), third.sources(), "a hit carries the same sources");
            assertEquals(2, engine.answerCacheStats().orElseThrow().hits());
            ask(engine, "Runaway", "Who is the song addressed to?");
            assertEquals(2, server.requests().size(), "another question is another call");
        }
    }

    @Test
    @DisplayName("an edit of the song's essay makes the next asking a miss; an edit of another song's does not")
    void missAfterEdit() throws Exception {
        try (Engine engine = open(0.2)) {
            ask(engine, "Runaway", "What is the hook warning about?");
            ask(engine, "Fast Car", "What is the hook warning about?");
            assertEquals(2, server.requests().size());

            Essay fastCar = essay(engine, "Fast Car");
            engine.essays().edit(fastCar.id(), draftOf(fastCar, "\n\nA later paragraph about the car."), Scope.GLOBAL)
                    .orElseThrow();
            ask(engine, "Runaway", "What is the hook warning about?");
            assertEquals(2, server.requests().size(), "Runaway's answer survives an edit of Fast Car");

            Essay runaway = essay(engine, "Runaway");
            engine.essays().edit(runaway.id(), draftOf(runaway, "\n\nA closing note on the toast."), Scope.GLOBAL)
                    .orElseThrow();
            ask(engine, "Runaway", "What is the hook warning about?");
            assertEquals(3, server.requests().size(), "the edit ended the cached answer");
            ask(engine, "Runaway", "What is the hook warning about?");
            assertEquals(3, server.requests().size(), "and the new answer is cached in turn");
        }
    }

    @Test
    @DisplayName("an answer older than answerCache.ttlMinutes is written again")
    void missAfterExpiry() {
        try (Engine engine = open(0.2)) {
            ask(engine, "Runaway", "What is the hook warning about?");
            clock.advance(Duration.ofMinutes(59));
            ask(engine, "Runaway", "What is the hook warning about?");
            assertEquals(1, server.requests().size(), "still fresh after 59 of 60 minutes");
            clock.advance(Duration.ofMinutes(2));
            ask(engine, "Runaway", "What is the hook warning about?");
            assertEquals(2, server.requests().size(), "expired after 61 minutes");
        }
    }

    @Test
    @DisplayName("other model settings miss; the same settings hit again after a restart (the cache is in the store)")
    void missWithOtherSettings() {
        try (Engine engine = open(0.2)) {
            ask(engine, "Runaway", "What is the hook warning about?");
        }
        try (Engine warmer = open(0.9)) {
            ask(warmer, "Runaway", "What is the hook warning about?");
            assertEquals(2, server.requests().size(), "another temperature is another answer");
        }
        try (Engine again = open(0.2)) {
            ask(again, "Runaway", "What is the hook warning about?");
            assertEquals(2, server.requests().size(), "the first settings' answer was kept in the store");
            assertEquals(1, again.answerCacheStats().orElseThrow().hits());
        }
    }

    @Test
    @DisplayName("extractive answers are not cached and need no cache")
    void extractiveHasNoCache() {
        AppConfig config = AppConfig.defaults().withDataDir(dataDir.toString())
                .withRetrieval(new RetrievalConfig(0, 0, 0, 0, false));
        try (Engine engine = Engine.open(config, Path.of("prompts"), name -> null)) {
            ask(engine, "Runaway", "What is the hook warning about?");
            assertTrue(engine.answerCacheStats().isEmpty());
        }
    }

    private static Essay essay(Engine engine, String title) {
        return engine.essays().list(Scope.GLOBAL).stream().filter(e -> e.song().title().equals(title)).findFirst()
                .orElseThrow();
    }

    private static EssayDraft draftOf(Essay e, String more) {
        return new EssayDraft(e.song().title(), e.song().artist(), e.song().featured(), e.song().year(),
                e.song().album(), e.author(), e.source(), e.body() + more);
    }
}
