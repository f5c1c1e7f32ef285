package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.answer.AnswerRequest;
import io.linernotes.config.DiscordConfig;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.discord.emulation.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member replies (a Discord message reply) to the bot's answer in a server channel and the conversation
 * goes on about that song, as in DMs; the chain is read from the store, so it holds after a restart of the
 * whole bot and engine.
 */
@DisplayName("Follow-ups in a server: replying to an answer continues its conversation")
class ServerFollowUpTest {
    static final String GUILD = "500000000000000031";
    static final String CHANNEL = "600000000000000031";

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("reply to a /meaning answer, reply to that reply, restart, reply to the first answer again")
    void replyChainsSurviveARestart() throws Exception {
        Actor member = Actor.member(GUILD, CHANNEL, "310000000000000031", Actor.MEMBER);
        String firstAnswerId;
        try (BotHarness harness = new BotHarness(dataDir, BotHarness.config(List.of()),
                new EmulatedGuild(GUILD, CHANNEL, Map.of()))) {
            Interaction slash = harness.discord.slash(member, "meaning", option("song", "Runaway"));
            RecordedRequest answer = harness.discord.awaitWebhook(slash, "the answer",
                    r -> r.visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL));
            firstAnswerId = harness.discord.messageIdOf(answer);
            awaitStored(harness, firstAnswerId);

            // No song named: only the replied-to answer says it is about Runaway.
            harness.discord.replyInGuild(member, firstAnswerId, "and the outro?", true);
            RecordedRequest second = awaitChannelMessage(harness, 1);
            assertTrue(second.visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL)
                    && second.visibleText().contains("vocoder"), second.visibleText());
            assertTrue(second.body().path("message_reference").has("message_id"), "answers in reply");
            AnswerRequest followUp = lastAsking(harness, "and the outro?");
            assertEquals(1, followUp.history().size());

            String secondId = harness.discord.messageIdOf(second);
            awaitStored(harness, secondId);
            harness.discord.replyInGuild(member, secondId, "what about the toast?", true);
            RecordedRequest third = awaitChannelMessage(harness, 2);
            assertTrue(third.visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL)
                    && third.visibleText().contains("toast"), third.visibleText());
            assertEquals(2, lastAsking(harness, "what about the toast?").history().size(), "the whole chain");

            // Reply ping off: Discord withholds the text; the bot says how to be heard and asks the engine nothing.
            int asked = harness.services.requests.size();
            harness.discord.replyInGuild(member, firstAnswerId, "and the hook?", false);
            RecordedRequest hint = awaitChannelMessage(harness, 3);
            assertEquals(MessageQuestions.REPLY_WITHOUT_PING, hint.body().path("content").asText());
            assertEquals(asked, harness.services.requests.size());
        }

        try (BotHarness restarted = new BotHarness(dataDir, BotHarness.config(List.of()),
                new EmulatedGuild(GUILD, CHANNEL, Map.of()))) {
            restarted.discord.replyInGuild(member, firstAnswerId, "and the outro?", true);
            RecordedRequest after = awaitChannelMessage(restarted, 1);
            assertTrue(after.visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL)
                    && after.visibleText().contains("vocoder"), "after a restart: " + after.visibleText());
            AnswerRequest followUp = lastAsking(restarted, "and the outro?");
            assertEquals(1, followUp.history().size());
            assertFalse(followUp.history().get(0).songId() == null);
        }
    }

    @Test
    @DisplayName("ping-off replies spend the member's rate-limit bucket: ten at once are not ten hints")
    void hintsSpendTheBucket() throws Exception {
        Actor member = Actor.member(GUILD, CHANNEL, "310000000000000033", Actor.MEMBER);
        // Three questions a minute for one member: a burst of three, then one every 20 s.
        DiscordConfig strict = new DiscordConfig(List.of(), List.of(), null, null, 2, 20, 3, 10_000, 0);
        try (BotHarness harness = new BotHarness(dataDir, strict, new EmulatedGuild(GUILD, CHANNEL, Map.of()))) {
            Interaction slash = harness.discord.slash(member, "meaning", option("song", "Runaway"));
            RecordedRequest answer = harness.discord.awaitWebhook(slash, "the answer",
                    r -> r.visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL));
            String answerId = harness.discord.messageIdOf(answer);
            awaitStored(harness, answerId);
            for (int i = 0; i < 10; i++) {
                harness.discord.replyInGuild(member, answerId, "", false);
            }
            awaitChannelMessage(harness, 1);
            Thread.sleep(1_500);
            long hints = harness.discord.requests(r -> r.is("POST", "channels/" + CHANNEL + "/messages")).stream()
                    .filter(r -> MessageQuestions.REPLY_WITHOUT_PING.equals(r.body().path("content").asText()))
                    .count();
            assertTrue(hints >= 1 && hints <= 3, "hints for ten ping-off replies with two questions left: " + hints);
        }
    }

    @Test
    @DisplayName("a reply without ping to a bot message that is no stored answer is left alone")
    void otherRepliesAreIgnored() throws Exception {
        Actor member = Actor.member(GUILD, CHANNEL, "310000000000000032", Actor.MEMBER);
        try (BotHarness harness = new BotHarness(dataDir, BotHarness.config(List.of()),
                new EmulatedGuild(GUILD, CHANNEL, Map.of()))) {
            harness.discord.replyInGuild(member, "123456789012345678", "and the outro?", false);
            harness.discord.mentionInGuild(member, "<@" + io.linernotes.discord.emulation.DiscordEmulator.BOT_ID
                    + "> what does runaway mean");
            RecordedRequest only = awaitChannelMessage(harness, 1);
            assertTrue(only.visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL), only.visibleText());
            assertEquals(1, harness.discord.requests(r -> r.is("POST", "channels/" + CHANNEL + "/messages")).size(),
                    "the reply to an unknown message got nothing");
        }
    }

    /**
     * The bot stores an answer's message ids once Discord has returned them, a moment after the test sees the
     * request; a member cannot reply faster than that, the test can.
     */
    private static void awaitStored(BotHarness harness, String messageId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (harness.feedback.answerOfMessage(messageId).isEmpty()) {
            assertTrue(System.currentTimeMillis() < deadline, "message " + messageId + " stored within 10 s");
            Thread.sleep(20);
        }
    }

    private static RecordedRequest awaitChannelMessage(BotHarness harness, int nth) {
        return harness.discord.awaitNth("message #" + nth + " in " + CHANNEL,
                r -> r.is("POST", "channels/" + CHANNEL + "/messages"), nth);
    }

    private static AnswerRequest lastAsking(BotHarness harness, String question) {
        return harness.services.requests.stream().filter(r -> r.question().equals(question)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the engine was never asked '" + question + "'"));
    }
}
