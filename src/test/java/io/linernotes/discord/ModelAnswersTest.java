package io.linernotes.discord;

import static io.linernotes.discord.AnswerCommandsTest.assertWithinLimits;
import static io.linernotes.discord.AnswerCommandsTest.customIds;
import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.ModelConfig;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.RecordedRequest;
import io.linernotes.model.FakeModelServer;
import io.linernotes.model.FakeModelServer.Step;
import io.linernotes.model.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Answers written by a language model (the real langchain4j OpenAI client, streaming) reach Discord")
class ModelAnswersTest {
    static final String GUILD = "500000000000000005";
    static final String CHANNEL = "600000000000000005";
    static final String KEY_ENV = "LINERNOTES_TEST_MODEL_KEY";

    @TempDir
    static Path dataDir;
    static FakeModelServer model;
    static final ManualClock clock = new ManualClock();
    static BotHarness harness;
    static DiscordEmulator discord;
    final Actor member = Actor.member(GUILD, CHANNEL, "340000000000000001", Actor.MEMBER);

    @BeforeAll
    static void start() throws Exception {
        model = new FakeModelServer();
        // Past the default cap of 3,500 characters, so that an answer longer than one message reaches Discord.
        ModelConfig openAi = new ModelConfig("openai", model.baseUrl(), "test-model", KEY_ENV, 10, 0, null, 0, true)
                .withLimits(0, 0, 0, 12_000);
        harness = new BotHarness(dataDir, openAi, Map.of(KEY_ENV, "test-key-not-secret"), BotHarness.config(List.of()),
                clock);
        discord = harness.discord;
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            harness.close();
        } finally {
            model.close();
        }
    }

    @Test
    @DisplayName("a long answer is split within Discord's limits and nothing is lost")
    void longAnswerIsSplitWithinLimits() {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < 40; p++) {
            sb.append("Paragraph ").append(p).append(" of the reading [1]: ")
                    .append("the hook circles back to the toast and the toast back to the hook. ".repeat(3))
                    .append("\n\n");
        }
        String longAnswer = sb.append("THE LAST WORDS.").toString();
        model.chunkMillis = 0;
        model.always(Step.answer(longAnswer));
        Interaction i = discord.slash(member, "meaning", option("song", "Runaway"));
        RecordedRequest first = discord.awaitWebhook(i, "the answer", r -> r.visibleText().contains("Paragraph 0"));
        discord.await("the buttons", r -> r.path().startsWith("webhooks/" + DiscordEmulator.BOT_ID + "/" + i.token())
                && !customIds(r.body()).isEmpty());
        StringBuilder all = new StringBuilder();
        List<RecordedRequest> sent = discord.requests(
                r -> r.path().startsWith("webhooks/" + DiscordEmulator.BOT_ID + "/" + i.token()));
        for (RecordedRequest r : sent) {
            assertWithinLimits(r.body());
            all.append(r.visibleText());
        }
        assertTrue(first.is("PATCH", "webhooks/"), "the first part edits the deferred reply");
        assertTrue(sent.stream().anyMatch(r -> r.is("POST", "webhooks/")), "the rest follows up");
        assertTrue(all.toString().contains("Paragraph 0 of the reading") && all.toString().contains("THE LAST WORDS."));
        assertTrue(longAnswer.length() > 6_000, "the answer is longer than one message can carry");
        assertTrue(all.toString().contains("Written by openai:test-model"), "the footer names the model");
    }

    @Test
    @DisplayName("a streamed answer edits the reply while it grows, at most once a second of the bot's clock")
    void streamingEditsAreThrottled() {
        model.always(Step.answer("Runaway raises a toast to the people who ruin their own relationships, Kanye first "
                + "among them, and the hook tells a partner to leave before the damage is done [1]. ".repeat(2)));
        // No real waiting: every streamed word moves the bot's clock by 100 ms.
        model.chunkMillis = 0;
        model.beforeChunk = () -> clock.advance(Duration.ofMillis(100));
        Instant start = clock.instant();
        Interaction i = discord.slash(member, "meaning", option("song", "Runaway"));
        RecordedRequest last = discord.awaitWebhook(i, "final answer", r -> !customIds(r.body()).isEmpty());
        model.beforeChunk = () -> { };
        long elapsed = Duration.between(start, clock.instant()).toMillis();
        List<RecordedRequest> edits = discord.requests(r -> r.path().startsWith(
                "webhooks/" + DiscordEmulator.BOT_ID + "/" + i.token()));
        long progress = edits.stream().filter(r -> r.body().path("content").asText().endsWith(" …")).count();
        assertTrue(progress >= 1, "at least one progress edit: " + edits);
        assertTrue(progress <= elapsed / 1_000, progress + " progress edits in " + elapsed + " ms of the clock");
        assertTrue(last.visibleText().contains("leave before the damage is done"), last.visibleText());
    }
}
