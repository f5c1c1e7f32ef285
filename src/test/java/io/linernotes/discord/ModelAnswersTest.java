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
import java.nio.file.Path;
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
    static OpenAiCompatibleServer model;
    static BotHarness harness;
    static DiscordEmulator discord;
    final Actor member = Actor.member(GUILD, CHANNEL, "340000000000000001", Actor.MEMBER);

    @BeforeAll
    static void start() throws Exception {
        model = new OpenAiCompatibleServer();
        // Past the default cap of 3,500 characters, so that an answer longer than one message reaches Discord.
        ModelConfig openAi = new ModelConfig("openai", model.baseUrl(), "test-model", KEY_ENV, 10, 0, null, 0, true)
                .withLimits(0, 0, 0, 12_000);
        harness = new BotHarness(dataDir, openAi, Map.of(KEY_ENV, "test-key-not-secret"), BotHarness.config(List.of()));
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
        model.wordMillis = 0;
        model.reply = longAnswer;
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
    @DisplayName("a streamed answer edits the reply while it grows, at most about once a second")
    void streamingEditsAreThrottled() {
        model.reply = "Runaway raises a toast to the people who ruin their own relationships, Kanye first among "
                + "them, and the hook tells a partner to leave before the damage is done [1]. ".repeat(2);
        model.wordMillis = 60;
        long start = System.currentTimeMillis();
        Interaction i = discord.slash(member, "meaning", option("song", "Runaway"));
        RecordedRequest last = discord.awaitWebhook(i, "final answer", r -> !customIds(r.body()).isEmpty());
        long elapsed = System.currentTimeMillis() - start;
        List<RecordedRequest> edits = discord.requests(r -> r.path().startsWith(
                "webhooks/" + DiscordEmulator.BOT_ID + "/" + i.token()));
        long progress = edits.stream().filter(r -> r.body().path("content").asText().endsWith(" …")).count();
        assertTrue(progress >= 1, "at least one progress edit: " + edits);
        assertTrue(progress <= elapsed / 1_000 + 1, progress + " progress edits in " + elapsed + " ms");
        assertTrue(last.visibleText().contains("leave before the damage is done"), last.visibleText());
    }
}
