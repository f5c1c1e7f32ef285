package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.app.Engine;
import io.linernotes.config.DiscordConfig;
import io.linernotes.config.ModelConfig;
import io.linernotes.core.Scope;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.RecordedRequest;
import io.linernotes.essay.EssayDraft;
import io.linernotes.feedback.FeedbackStore;
import io.linernotes.model.FakeModelServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the bot keeps lives in the store, not in one process: answers with their sources, DM turns, rate-limit
 * buckets and the daily budget. A restart is a new bot (new JDA session, new emulated Discord) on the same data
 * directory; two processes are two bots, each with its own opening of the store, at the same time.
 */
@DisplayName("Answers, DM turns, buckets and budgets outlive a restart and are shared by two bots on one store")
class DurableStateTest {
    static final String GUILD = "500000000000000041";
    static final String CHANNEL = "600000000000000041";
    static final String OTHER_GUILD = "500000000000000042";
    static final String OTHER_CHANNEL = "600000000000000042";

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("vote, Sources and the song picker of answers given before a restart work after it")
    void buttonsWorkAfterARestart() throws Exception {
        Actor member = Actor.member(GUILD, CHANNEL, "370000000000000001", Actor.MEMBER);
        List<String> buttons;
        JsonNode menu;
        String answerText;
        try (BotHarness before = new BotHarness(dataDir, BotHarness.config(List.of()))) {
            before.engine.essays().store(List.of(
                    new EssayDraft("Hurt", "Nine Inch Nails", List.of(), 1994, null, "Bo", null,
                            "Hurt by Nine Inch Nails is about self-harm and addiction, sung from inside it."),
                    new EssayDraft("Hurt", "Johnny Cash", List.of(), 2002, null, "Cy", null,
                            "Johnny Cash's Hurt turns the same words into an old man's look back at a life.")),
                    Scope.GLOBAL);
            Interaction meaning = before.discord.slash(member, "meaning", option("song", "Runaway"));
            RecordedRequest answer = before.discord.awaitWebhook(meaning, "answer with buttons",
                    r -> !AnswerCommandsTest.customIds(r.body()).isEmpty());
            buttons = AnswerCommandsTest.customIds(answer.body());
            answerText = answer.visibleText();
            Interaction ask = before.discord.slash(member, "ask", option("question", "what does hurt mean"));
            menu = before.discord.awaitWebhook(ask, 1).body().path("components").get(0).path("components").get(0);
        }

        try (BotHarness after = new BotHarness(dataDir, BotHarness.config(List.of()))) {
            long answerId = Long.parseLong(buttons.get(0).substring("answer:up:".length()));
            JsonNode thanks = after.discord.awaitCallback(after.discord.button(member, buttons.get(0))).body();
            assertEquals("Thanks! Glad it helped.", thanks.path("data").path("content").asText());
            assertEquals(1, after.feedback.score(answerId), "the vote is stored against the old answer");

            JsonNode shown = after.discord.awaitCallback(after.discord.button(member, buttons.get(2))).body();
            JsonNode embeds = shown.path("data").path("embeds");
            assertTrue(embeds.size() >= 1, shown.toString());
            assertTrue(embeds.get(0).path("title").asText().startsWith("[1] Runaway (Kanye West)"), shown.toString());
            assertFalse(shown.toString().contains(AnswerButtons.GONE), shown.toString());
            assertTrue(answerText.contains("[1]"), answerText);

            String cash = null;
            for (JsonNode o : menu.path("options")) {
                if (o.path("label").asText().contains("Johnny Cash")) {
                    cash = o.path("value").asText();
                }
            }
            Interaction pick = after.discord.select(member, menu.path("custom_id").asText(), cash);
            String picked = after.discord.awaitWebhook(pick, 1).visibleText();
            assertTrue(picked.contains("old man's look back"), picked);
            assertEquals(Long.valueOf(cash), after.services.lastRequest().songId());

            Actor stranger = Actor.member(OTHER_GUILD, OTHER_CHANNEL, "370000000000000009", Actor.MEMBER);
            JsonNode elsewhere = after.discord.awaitCallback(after.discord.button(stranger, buttons.get(2))).body();
            assertEquals(AnswerButtons.ELSEWHERE, elsewhere.path("data").path("content").asText(),
                    "a stored answer is still checked against where it was given");
        }
    }

    @Test
    @DisplayName("a DM follow-up after a restart still knows the song of the question before it")
    void directMessageConversationSurvivesARestart() throws Exception {
        Actor user = Actor.dm("370000000000000002");
        try (BotHarness before = new BotHarness(dataDir, BotHarness.config(List.of()))) {
            before.discord.directMessage(user, "what is runaway about?");
            before.discord.awaitNth("the first answer", r -> r.is("POST", "channels/" + user.channelId() + "/messages"), 1);
        }
        try (BotHarness after = new BotHarness(dataDir, BotHarness.config(List.of()))) {
            after.discord.directMessage(user, "and the outro?");
            RecordedRequest reply = after.discord.awaitNth("the follow-up",
                    r -> r.is("POST", "channels/" + user.channelId() + "/messages"), 1);
            assertTrue(reply.visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL)
                    && reply.visibleText().contains("vocoder"), reply.visibleText());
            AnswerRequest followUp = after.services.lastRequest();
            assertEquals(List.of("what is runaway about?"),
                    followUp.history().stream().map(AnswerRequest.Turn::question).toList());
        }
    }

    @Test
    @DisplayName("the day's model-token budget spent before a restart still refuses after it")
    void dailyBudgetSurvivesARestart() throws Exception {
        try (FakeModelServer model = new FakeModelServer()) {
            model.always(FakeModelServer.Step.answer(
                    "Runaway is a toast to the people who ruin what they love [1]. ".repeat(20)));
            ModelConfig openAi = new ModelConfig("openai", model.baseUrl(), "test-model", "LN_DURABLE_KEY", 10, 0,
                    null, 0, false);
            DiscordConfig config = BotHarness.config(List.of()).withLimits(100, 1_000, 600);
            Actor user = Actor.member(GUILD, CHANNEL, "370000000000000003", Actor.MEMBER);
            try (BotHarness before = new BotHarness(dataDir, openAi, Map.of("LN_DURABLE_KEY", "k"), config)) {
                Interaction first = before.discord.slash(user, "meaning", option("song", "Runaway"));
                assertTrue(before.discord.awaitWebhook(first, 1).visibleText().contains("ruin what they love"));
            }
            try (BotHarness after = new BotHarness(dataDir, openAi, Map.of("LN_DURABLE_KEY", "k"), config)) {
                Interaction second = after.discord.slash(user, "meaning", option("song", "Runaway"));
                JsonNode refused = after.discord.awaitCallback(second).body();
                assertTrue(refused.path("data").path("content").asText()
                        .startsWith("You have used today's share of written answers."), refused.toString());
                assertEquals(1, model.requests().size(), "the refused question never reached the model");
            }
        }
    }

    @Test
    @DisplayName("one user asking in two servers on two bots at once spends one bucket")
    void twoBotsShareOneUserBucket() throws Exception {
        int perMinute = DiscordConfig.DEFAULT_USER_PER_MINUTE;
        DiscordConfig config = DiscordConfig.defaults().withLimits(perMinute, 1_000, 0);
        String userId = "370000000000000004";
        Actor inFirst = Actor.member(GUILD, CHANNEL, userId, Actor.MEMBER);
        Actor inSecond = Actor.member(OTHER_GUILD, OTHER_CHANNEL, userId, Actor.MEMBER);
        try (BotHarness first = new BotHarness(dataDir, config);
                SecondBot second = new SecondBot(first.engine, dataDir, config)) {
            List<String> verdicts = new ArrayList<>();
            for (int i = 0; i < perMinute + 1; i++) {
                boolean onFirst = i % 2 == 0;
                DiscordEmulator discord = onFirst ? first.discord : second.discord;
                Interaction ask = discord.slash(onFirst ? inFirst : inSecond, "meaning", option("song", "Runaway"));
                JsonNode callback = discord.awaitCallback(ask).body();
                verdicts.add(callback.path("type").asInt() == 5 ? "answered"
                        : callback.path("data").path("content").asText());
            }
            assertEquals(perMinute, verdicts.stream().filter("answered"::equals).count(), verdicts.toString());
            assertTrue(verdicts.get(perMinute).startsWith("You're asking faster than I can answer."),
                    verdicts.toString());
        }
    }

    @Test
    @DisplayName("an answer given by one bot takes votes and shows its sources through the other")
    void buttonsWorkOnTheOtherBot() throws Exception {
        DiscordConfig config = BotHarness.config(List.of());
        Actor member = Actor.member(GUILD, CHANNEL, "370000000000000005", Actor.MEMBER);
        try (BotHarness first = new BotHarness(dataDir, config);
                SecondBot second = new SecondBot(first.engine, dataDir, config)) {
            Interaction meaning = first.discord.slash(member, "meaning", option("song", "Runaway"));
            List<String> buttons = AnswerCommandsTest.customIds(first.discord.awaitWebhook(meaning,
                    "answer with buttons", r -> !AnswerCommandsTest.customIds(r.body()).isEmpty()).body());
            long answerId = Long.parseLong(buttons.get(1).substring("answer:down:".length()));

            second.discord.awaitCallback(second.discord.button(member, buttons.get(1)));
            assertEquals(-1, first.feedback.score(answerId), "the other bot's vote is in the one store");
            JsonNode shown = second.discord.awaitCallback(second.discord.button(member, buttons.get(2))).body();
            assertTrue(shown.path("data").path("embeds").get(0).path("title").asText()
                    .startsWith("[1] Runaway (Kanye West)"), shown.toString());
        }
    }

    /** A second bot process on the same store: its own emulated Discord, its own opening of the store. */
    static final class SecondBot implements AutoCloseable {
        final DiscordEmulator discord;
        final FeedbackStore feedback;
        final DiscordBot bot;

        SecondBot(Engine engine, Path dataDir, DiscordConfig config) throws Exception {
            this.discord = DiscordEmulator.start();
            this.feedback = FeedbackStore.open(dataDir);
            DiscordEndpoints endpoints = DiscordEndpoints.resolve(config, Map.of(DiscordEndpoints.API_URL_ENV,
                    discord.apiUrl(), DiscordEndpoints.GATEWAY_URL_ENV, discord.gatewayUrl()));
            this.bot = DiscordBot.start(BotHarness.TOKEN, config, BotHarness.engineConfig(dataDir,
                    ModelConfig.defaults()).essays(), endpoints, new RecordingServices(EngineBotServices.of(engine)),
                    feedback, Duration.ofSeconds(10));
        }

        @Override
        public void close() throws Exception {
            try {
                bot.shutdown(Duration.ofSeconds(5));
            } finally {
                discord.close();
                feedback.close();
            }
        }
    }
}
