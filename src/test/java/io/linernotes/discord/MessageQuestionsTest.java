package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.answer.AnswerRequest;
import io.linernotes.core.Scope;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.discord.emulation.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Questions as direct messages and mentions, and a gateway resume in the middle of a conversation")
class MessageQuestionsTest {
    static final String GUILD = "500000000000000002";
    static final String CHANNEL = "600000000000000002";

    @TempDir
    static Path dataDir;
    static BotHarness harness;
    static RecordingServices services;
    static DiscordEmulator discord;

    @BeforeAll
    static void start() throws Exception {
        harness = new BotHarness(dataDir, BotHarness.config(List.of()), new EmulatedGuild(GUILD, CHANNEL, Map.of()));
        discord = harness.discord;
        services = harness.services;
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    @DisplayName("a DM is answered in reply, and a follow-up carries the earlier turn as history")
    void directMessageAndFollowUp() {
        Actor user = Actor.dm("310000000000000001");
        discord.directMessage(user, "what is runaway about?");
        RecordedRequest first = awaitReplyIn(user.channelId(), 1);
        assertTrue(first.visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL) && first.visibleText().contains("[1]"),
                first.visibleText());
        assertTrue(first.body().path("message_reference").has("message_id"), "answers in reply");

        // Names no song: only the conversation says it is still about Runaway.
        discord.directMessage(user, "and the outro?");
        RecordedRequest second = awaitReplyIn(user.channelId(), 2);
        assertTrue(second.visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL)
                && second.visibleText().contains("vocoder"), second.visibleText());
        AnswerRequest followUp = lastRequestAsking("and the outro?");
        assertEquals(1, followUp.history().size());
        assertEquals("what is runaway about?", followUp.history().get(0).question());
        assertEquals(Scope.GLOBAL, followUp.scope());
    }

    @Test
    @DisplayName("a guild message mentioning the bot is answered in reply, without the mention in the question")
    void mentionInAGuildChannel() {
        Actor member = Actor.member(GUILD, CHANNEL, "310000000000000002", Actor.MEMBER);
        discord.mentionInGuild(member, "<@" + DiscordEmulator.BOT_ID + "> what does runaway mean");
        RecordedRequest reply = awaitReplyIn(CHANNEL, 1);
        assertTrue(reply.visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL), reply.visibleText());
        assertTrue(reply.body().path("message_reference").has("message_id"));
        assertTrue(reply.body().path("allowed_mentions").path("parse").isEmpty());
        AnswerRequest asked = lastRequestAsking("what does runaway mean");
        assertEquals(Scope.guild(GUILD), asked.scope());
        assertTrue(asked.history().isEmpty(), "guild mentions keep no history");
    }

    @Test
    @DisplayName("after the gateway drops (4000) the bot resumes and answers the next DM and slash command")
    void resumeInTheMiddleOfAConversation() {
        Actor user = Actor.dm("310000000000000003");
        discord.directMessage(user, "tell me about runaway");
        awaitReplyIn(user.channelId(), 1);

        discord.dropConnectionForResume();
        discord.directMessage(user, "what about the toast?");
        discord.awaitResumed(1);
        RecordedRequest after = awaitReplyIn(user.channelId(), 2);
        assertTrue(after.visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL)
                && after.visibleText().contains("toast"), after.visibleText());
        assertEquals(1, lastRequestAsking("what about the toast?").history().size(), "history survived the resume");

        Interaction slash = discord.slash(user, "meaning", option("song", "Runaway"));
        assertEquals(5, discord.awaitCallback(slash).body().path("type").asInt());
        assertTrue(discord.awaitWebhook(slash, 1).visibleText().contains(AnswerCommandsTest.RUNAWAY_LABEL));
        assertEquals(1, discord.identifies(), "resumed, not identified again");
    }

    private static RecordedRequest awaitReplyIn(String channelId, int nth) {
        return discord.awaitNth("message #" + nth + " in " + channelId,
                r -> r.is("POST", "channels/" + channelId + "/messages"), nth);
    }

    private static AnswerRequest lastRequestAsking(String question) {
        return services.requests.stream().filter(r -> r.question().equals(question)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the engine was never asked '" + question + "'"));
    }
}
