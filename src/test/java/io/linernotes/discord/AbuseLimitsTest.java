package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.answer.Source;
import io.linernotes.config.DiscordConfig;
import io.linernotes.config.ModelConfig;
import io.linernotes.core.Scope;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.feedback.FeedbackStore;
import io.linernotes.model.FakeModelServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Abuse limits: per-user and per-server rate limits and a daily model-token budget")
class AbuseLimitsTest {
    static final String GUILD = "500000000000000021";
    static final String CHANNEL = "600000000000000021";

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("the seventh question in a minute gets a private 'try again in N seconds'; another user still gets answers")
    void userLimitRefusesPolitely() throws Exception {
        try (BotHarness h = new BotHarness(dataDir, DiscordConfig.defaults().withLimits(0, 0, 0))) {
            Actor eager = Actor.member(GUILD, CHANNEL, "360000000000000001", Actor.MEMBER);
            for (int i = 0; i < DiscordConfig.DEFAULT_USER_PER_MINUTE; i++) {
                Interaction ok = h.discord.slash(eager, "meaning", option("song", "Runaway"));
                assertEquals(5, h.discord.awaitCallback(ok).body().path("type").asInt(), "question " + (i + 1));
            }
            Interaction seventh = h.discord.slash(eager, "meaning", option("song", "Runaway"));
            JsonNode refused = h.discord.awaitCallback(seventh).body();
            assertEquals(4, refused.path("type").asInt());
            assertEquals(64, refused.path("data").path("flags").asInt() & 64, "only the asker sees it");
            String text = refused.path("data").path("content").asText();
            assertTrue(text.matches("You're asking faster than I can answer\\. Please try again in \\d+ seconds?\\."),
                    text);
            Interaction other = h.discord.slash(Actor.member(GUILD, CHANNEL, "360000000000000002", Actor.MEMBER),
                    "meaning", option("song", "Runaway"));
            assertEquals(5, h.discord.awaitCallback(other).body().path("type").asInt());
        }
    }

    @Test
    @DisplayName("a server past its per-minute limit is told so, while a DM from one of its members is still answered")
    void guildLimitRefusesTheServerOnly() throws Exception {
        try (BotHarness h = new BotHarness(dataDir, DiscordConfig.defaults().withLimits(100, 3, 0))) {
            for (int i = 0; i < 3; i++) {
                Interaction ok = h.discord.slash(Actor.member(GUILD, CHANNEL, "36100000000000000" + i, Actor.MEMBER),
                        "ask", option("question", "what is Runaway about?"));
                assertEquals(5, h.discord.awaitCallback(ok).body().path("type").asInt());
            }
            Interaction fourth = h.discord.slash(Actor.member(GUILD, CHANNEL, "361000000000000009", Actor.MEMBER),
                    "ask", option("question", "what is Runaway about?"));
            String text = h.discord.awaitCallback(fourth).body().path("data").path("content").asText();
            assertTrue(text.startsWith("This server is asking a lot of questions right now. Please try again in "),
                    text);
            String dm = h.discord.directMessage(Actor.dm("361000000000000009"), "what is Runaway about?");
            JsonNode reply = h.discord.await("the DM answer", r -> r.is("POST", "channels/")
                    && r.body().path("message_reference").path("message_id").asText().equals(dm)).body();
            assertTrue(reply.toString().contains("Runaway"), reply.toString());
        }
    }

    @Test
    @DisplayName("after a model answer uses the day's budget, the next question is refused with when it resets")
    void dailyBudgetRefusesWithResetTime() throws Exception {
        try (FakeModelServer model = new FakeModelServer()) {
            model.always(FakeModelServer.Step.answer(
                    "Runaway is a toast to the people who ruin what they love [1]. ".repeat(20)));
            ModelConfig openAi = new ModelConfig("openai", model.baseUrl(), "test-model", "LN_BUDGET_KEY", 10, 0,
                    null, 0, false);
            // One answer (prompt overhead, passages and a ~1,300-character reply) is well over 600 tokens.
            DiscordConfig config = BotHarness.config(List.of()).withLimits(100, 1_000, 600);
            try (BotHarness h = new BotHarness(dataDir, openAi, Map.of("LN_BUDGET_KEY", "k"), config)) {
                Actor user = Actor.dm("362000000000000001");
                Interaction first = h.discord.slash(user, "meaning", option("song", "Runaway"));
                assertTrue(h.discord.awaitWebhook(first, 1).visibleText().contains("ruin what they love"));
                Interaction second = h.discord.slash(user, "meaning", option("song", "Runaway"));
                JsonNode refused = h.discord.awaitCallback(second).body();
                assertEquals(4, refused.path("type").asInt());
                String text = refused.path("data").path("content").asText();
                assertTrue(text.startsWith("You have used today's share of written answers. It resets at midnight UTC, in ")
                        && text.matches(".*in \\d+ (hours?|minutes?|seconds?).*"), text);
                assertEquals(1, model.requests().size(), "the refused question never reached the model");
            }
        }
    }

    @Test
    @DisplayName("only model-written answers are charged; extractive ones and refusals cost nothing")
    void onlyModelAnswersCount() {
        FeedbackStore store = FeedbackStore.open(dataDir);
        Admission admission = new Admission(100, 100, 1_000, Clock.systemUTC(), store.limits());
        AnswerRequest request = AnswerRequest.ask("what is Runaway about?", Scope.GLOBAL);
        Source source = new Source(1, 3, "Runaway", "demo", null, Scope.GLOBAL, "p".repeat(400));
        admission.charge("u", request, answer("extractive", source));
        admission.charge("u", request, new Answer(Answer.Status.NO_COMMENTARY, "none", null, null, null, null, "none"));
        assertEquals(0, admission.used("u"));
        admission.charge("u", request, answer("openai:gpt", source));
        var tokenizer = new dev.langchain4j.model.openai.OpenAiTokenCountEstimator("gpt-4o-mini");
        long expected = TokenBudget.PROMPT_OVERHEAD_TOKENS + tokenizer.estimateTokenCountInText(request.question())
                + tokenizer.estimateTokenCountInText("p".repeat(400)) + tokenizer.estimateTokenCountInText("text");
        assertEquals(expected, admission.used("u"), "the tokens of prompt, question, passage and answer");
        store.close();
    }

    @Test
    @DisplayName("with the store out of reach, questions are still admitted under this process's own limits")
    void storeLostFallsBackToLocalLimits() {
        io.linernotes.store.Database db = io.linernotes.store.Database.sqlite(dataDir.resolve("lost.db"));
        FeedbackStore store = FeedbackStore.on(db);
        Admission admission = new Admission(2, 100, 1_000, Clock.systemUTC(), store.limits());
        assertTrue(admission.admit("u", "g") instanceof Admission.Admitted, "the store counts the first");
        db.close();
        assertTrue(admission.admit("u", "g") instanceof Admission.Admitted, "this process counts from here");
        assertTrue(admission.admit("u", "g") instanceof Admission.Admitted);
        Admission.Verdict third = admission.admit("u", "g");
        assertTrue(third instanceof Admission.Refused refused
                && refused.message().startsWith("You're asking faster than I can answer."), third.toString());
        assertTrue(admission.admit("v", "g") instanceof Admission.Admitted, "another user has a bucket of their own");
    }

    @ParameterizedTest(name = "{0} per minute: a burst of {0} passes, then one more after {1} ms")
    @CsvSource({"6, 10000", "60, 1000", "1, 60000"})
    @DisplayName("a token bucket lets a burst through and refills at its rate")
    void bucketRefills(int perMinute, long refillMillis) {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter limiter = new RateLimiter(perMinute, now::get);
        for (int i = 0; i < perMinute; i++) {
            assertEquals(0, limiter.waitNanos("k"));
            limiter.take("k");
        }
        long wait = limiter.waitNanos("k");
        assertEquals(refillMillis, wait / 1_000_000, 1);
        now.addAndGet(wait - 1_000_000);
        assertTrue(limiter.waitNanos("k") > 0, "not yet");
        now.addAndGet(1_000_000);
        assertEquals(0, limiter.waitNanos("k"));
        assertEquals(0, limiter.waitNanos("someone else"));
    }

    @Test
    @DisplayName("the budget starts again at midnight UTC")
    void budgetRollsOverAtMidnight() {
        AtomicLong seconds = new AtomicLong(Instant.parse("2025-03-01T23:59:00Z").getEpochSecond());
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return Instant.ofEpochSecond(seconds.get());
            }
        };
        TokenBudget budget = new TokenBudget(100, clock);
        budget.charge("u", 150);
        assertTrue(budget.exhausted("u"));
        assertEquals(60, budget.secondsToReset());
        seconds.addAndGet(61);
        assertFalse(budget.exhausted("u"));
    }

    private static Answer answer(String by, Source source) {
        return new Answer(Answer.Status.ANSWERED, "text", null, List.of(source), null, null, by);
    }
}
