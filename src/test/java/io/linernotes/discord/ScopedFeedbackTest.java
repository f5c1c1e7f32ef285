package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static io.linernotes.discord.emulation.DiscordEmulator.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
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

/**
 * What one place on Discord asked stays there. A server's moderators read only their own server's gaps, never
 * a direct message's; and the buttons on an answer (votes, Sources, the song picker) work only where the answer
 * was given: its server, or its asker's direct messages. Answer ids are small sequential numbers anyone can
 * write into a custom id, so the bot checks, whatever Discord does.
 */
@DisplayName("Private scopes: DM questions reach no server's gaps; answer buttons refuse presses from elsewhere")
class ScopedFeedbackTest {
    static final String GUILD = "500000000000000031";
    static final String CHANNEL = "600000000000000031";
    static final String OTHER_GUILD = "500000000000000032";
    static final String OTHER_CHANNEL = "600000000000000032";
    static final String OTHER_MOD_ROLE = "800000000000000032";

    @TempDir
    static Path dataDir;
    static BotHarness harness;
    static DiscordEmulator discord;

    final Actor member = Actor.member(GUILD, CHANNEL, "330000000000000001", Actor.MEMBER);
    final Actor otherMember = Actor.member(OTHER_GUILD, OTHER_CHANNEL, "330000000000000002", Actor.MEMBER);
    final Actor otherModerator = Actor.member(OTHER_GUILD, OTHER_CHANNEL, "330000000000000003",
            Actor.MEMBER | Actor.MANAGE_GUILD, OTHER_MOD_ROLE);
    final Actor dmUser = Actor.dm("330000000000000004");
    final Actor strangerInDm = Actor.dm("330000000000000005");
    final Actor dmVoter = Actor.dm("330000000000000006");

    @BeforeAll
    static void start() throws Exception {
        harness = new BotHarness(dataDir, BotHarness.config(List.of()), new EmulatedGuild(GUILD, CHANNEL, Map.of()),
                new EmulatedGuild(OTHER_GUILD, OTHER_CHANNEL, Map.of(OTHER_MOD_ROLE, Actor.MANAGE_GUILD)));
        discord = harness.discord;
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    @DisplayName("a DM question no essay answers, and a 👎 on a DM answer, never appear in any server's /essay gaps")
    void directMessagesAreNoServersGaps() {
        String secret = "what is the private meaning of Zyzzyva Lullaby Seven";
        discord.directMessage(dmUser, secret);
        String noEssay = awaitReplyIn(dmUser.channelId(), 1).visibleText();
        assertTrue(noEssay.toLowerCase().contains("essay") || noEssay.toLowerCase().contains("commentary"), noEssay);

        discord.directMessage(dmVoter, "what is runaway about?");
        RecordedRequest answered = awaitReplyIn(dmVoter.channelId(), 1);
        String down = AnswerCommandsTest.customIds(answered.body()).stream().filter(id -> id.startsWith("answer:down:"))
                .findFirst().orElseThrow(() -> new AssertionError("no vote button: " + answered.body()));
        Interaction vote = discord.button(dmVoter, down);
        String thanks = discord.awaitCallback(vote).body().path("data").path("content").asText();

        // The server's own gap is shown to its own moderators: the list is not simply empty.
        Interaction own = discord.slash(otherMember, "ask", option("question", "what is Quux Oxbow Nine about"));
        discord.awaitWebhook(own, 1);
        Interaction gaps = discord.slash(otherModerator, "essay", sub("gaps"));
        String shown = discord.awaitWebhook(gaps, 1).visibleText();
        assertTrue(shown.contains("Quux Oxbow Nine"), shown);
        assertFalse(shown.contains("Zyzzyva"), "a DM question reached a server's moderators: " + shown);
        assertFalse(shown.contains("👎"), "a DM answer's 👎 reached a server's moderators: " + shown);
        assertTrue(thanks.startsWith("Thanks") && !thanks.contains("Moderators"), "a DM vote is no moderator's: " + thanks);
    }

    @Test
    @DisplayName("Sources, vote and picker presses from another server or from DMs are refused; the asker's own work")
    void buttonsRefusePressesFromOutsideTheAnswersScope() {
        Interaction asked = discord.slash(member, "meaning", option("song", "Runaway"));
        RecordedRequest answer = discord.awaitWebhook(asked, "the answer with buttons",
                r -> !AnswerCommandsTest.customIds(r.body()).isEmpty());
        List<String> ids = AnswerCommandsTest.customIds(answer.body());
        String sources = ids.stream().filter(id -> id.startsWith("answer:sources:")).findFirst().orElseThrow();
        String down = ids.stream().filter(id -> id.startsWith("answer:down:")).findFirst().orElseThrow();
        long answerId = Long.parseLong(down.substring("answer:down:".length()));
        int scoreBefore = harness.feedback.score(answerId);

        for (Actor outsider : List.of(otherMember, dmUser)) {
            for (String id : List.of(sources, down)) {
                assertRefused(discord.button(outsider, id), outsider + " pressing " + id);
            }
            assertRefused(discord.select(outsider, "answer:pick:" + answerId, "1"), outsider + " picking");
        }
        assertEquals(scoreBefore, harness.feedback.score(answerId), "no vote from outside was counted");

        Interaction own = discord.button(member, sources);
        JsonNode shown = discord.awaitCallback(own).body();
        assertEquals(4, shown.path("type").asInt());
        assertFalse(shown.toString().contains(AnswerButtons.ELSEWHERE), "a press where the answer was given works");
    }

    @Test
    @DisplayName("a DM answer's buttons work for its asker only, and not from a server")
    void directMessageAnswersBelongToTheirAsker() {
        discord.directMessage(dmUser, "tell me about runaway please");
        RecordedRequest answered = discord.await("a DM answer with buttons",
                r -> r.is("POST", "channels/" + dmUser.channelId() + "/messages")
                        && AnswerCommandsTest.customIds(r.body()).stream().anyMatch(id -> id.contains("sources")));
        String sources = AnswerCommandsTest.customIds(answered.body()).stream()
                .filter(id -> id.startsWith("answer:sources:")).findFirst().orElseThrow();
        assertRefused(discord.button(strangerInDm, sources), "another user in DMs");
        assertRefused(discord.button(member, sources), "a server member");
        JsonNode own = discord.awaitCallback(discord.button(dmUser, sources)).body();
        assertFalse(own.toString().contains(AnswerButtons.ELSEWHERE), own.toString());
    }

    private static void assertRefused(Interaction press, String who) {
        JsonNode reply = discord.awaitCallback(press).body();
        assertEquals(4, reply.path("type").asInt(), who);
        assertEquals(64, reply.path("data").path("flags").asInt() & 64, who + ": privately");
        assertEquals(AnswerButtons.ELSEWHERE, reply.path("data").path("content").asText(), who);
    }

    private static RecordedRequest awaitReplyIn(String channelId, int nth) {
        return discord.awaitNth("message #" + nth + " in " + channelId,
                r -> r.is("POST", "channels/" + channelId + "/messages"), nth);
    }
}
