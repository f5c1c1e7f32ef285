package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.DiscordConfig;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.RecordedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A flood of 500 questions from 50 users: every one answered or refused, a quiet user still answered promptly")
class FloodFairnessTest {
    static final String[] GUILDS = {"500000000000000031", "500000000000000032"};
    static final String[] CHANNELS = {"600000000000000031", "600000000000000032"};
    static final int USERS = 50;
    static final int EACH = 10;
    static final long BOUND_MILLIS = 60_000;

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("/ask, /meaning and DMs under the default limits: no interaction without a callback, no DM without a reply")
    void floodIsAnsweredOrRefusedAndQuietUserIsServed() throws Exception {
        // Default rate limits (6 per user, 60 per server a minute), two workers: the queue really fills.
        DiscordConfig config = new DiscordConfig(List.of(), List.of(), null, null, 2, 200, 0, 0, 0);
        try (BotHarness h = new BotHarness(dataDir, config)) {
            DiscordEmulator discord = h.discord;
            List<Interaction> interactions = new ArrayList<>();
            Map<String, String> dms = new HashMap<>();
            Interaction quiet = null;
            long start = System.nanoTime();
            for (int round = 0; round < EACH; round++) {
                for (int u = 0; u < USERS; u++) {
                    String userId = String.format("37%016d", u);
                    if (u >= 40) {
                        Actor dm = Actor.dm(userId);
                        dms.put(discord.directMessage(dm, "what is Runaway by Kanye West about?"), dm.channelId());
                    } else {
                        Actor member = Actor.member(GUILDS[u % 2], CHANNELS[u % 2], userId, Actor.MEMBER);
                        interactions.add((u + round) % 2 == 0
                                ? discord.slash(member, "ask", option("question", "what is Fast Car about?"))
                                : discord.slash(member, "meaning", option("song", "Runaway")));
                    }
                }
                if (round == EACH / 2) {
                    quiet = discord.slash(Actor.member("500000000000000039", "600000000000000039",
                            "379999999999999999", Actor.MEMBER), "meaning", option("song", "Waterloo Sunset"));
                }
            }
            assertNotNull(quiet);
            Interaction q = quiet;
            RecordedRequest quietAnswer = discord.awaitWebhook(q, "the quiet user's answer",
                    r -> r.visibleText().contains("Waterloo Sunset"));
            long quietMillis = (quietAnswer.atNanos() - q.injectedAtNanos()) / 1_000_000;
            long quietAckMillis = (discord.awaitCallback(q).atNanos() - q.injectedAtNanos()) / 1_000_000;

            int answered = 0;
            int refused = 0;
            List<Long> floodMillis = new ArrayList<>();
            long served = 0;
            for (Interaction i : interactions) {
                RecordedRequest callback = awaitLong(discord, "callback for " + i.id(),
                        r -> r.is("POST", "interactions/" + i.id() + "/" + i.token() + "/callback"));
                int type = callback.body().path("type").asInt();
                if (type == 4) {
                    assertEquals(64, callback.body().path("data").path("flags").asInt() & 64);
                    assertTrue(callback.body().path("data").path("content").asText().contains("try again"),
                            callback.toString());
                    refused++;
                } else {
                    assertEquals(5, type, callback.toString());
                    RecordedRequest reply = awaitLong(discord, "answer for " + i.id(),
                            r -> r.path().startsWith("webhooks/" + DiscordEmulator.BOT_ID + "/" + i.token()));
                    String text = reply.visibleText();
                    assertTrue(text.contains("Runaway") || text.contains("Fast Car") || text.contains("try again"), text);
                    floodMillis.add((reply.atNanos() - i.injectedAtNanos()) / 1_000_000);
                    if (reply.atNanos() < quietAnswer.atNanos()) {
                        served++;
                    }
                    answered++;
                }
            }
            int dmAnswered = 0;
            int dmRefused = 0;
            for (Map.Entry<String, String> dm : dms.entrySet()) {
                RecordedRequest reply = awaitLong(discord, "reply to DM " + dm.getKey(),
                        r -> r.is("POST", "channels/" + dm.getValue() + "/messages")
                                && r.body().path("message_reference").path("message_id").asText().equals(dm.getKey()));
                if (reply.visibleText().contains("try again")) {
                    dmRefused++;
                } else {
                    dmAnswered++;
                }
            }
            long totalMillis = (System.nanoTime() - start) / 1_000_000;
            floodMillis.sort(Long::compare);
            System.out.printf("DISCORD flood: %d interactions (%d answered, %d refused) + %d DMs (%d answered, %d "
                    + "refused) in %d ms; flood answer latency p50=%d ms max=%d ms; quiet user's answer after %d ms "
                    + "(acknowledged after %d ms), %d flood answers delivered before it%n", interactions.size(), answered, refused, dms.size(),
                    dmAnswered, dmRefused, totalMillis, floodMillis.get(floodMillis.size() / 2),
                    floodMillis.get(floodMillis.size() - 1), quietMillis, quietAckMillis, served);
            assertEquals(USERS * EACH, interactions.size() + dms.size());
            assertEquals(interactions.size(), answered + refused);
            assertTrue(refused > 0 && dmRefused > 0, "the limits refused some of the flood");
            assertTrue(answered > 0 && dmAnswered > 0, "and answered the rest");
            // Fairness: the quiet question does not wait behind the whole backlog that was queued before it.
            assertTrue(served < answered, "the quiet answer came before " + (answered - served)
                    + " of the flood's " + answered + " answers");
        }
    }

    private static RecordedRequest awaitLong(DiscordEmulator discord, String what,
            java.util.function.Predicate<RecordedRequest> wanted) {
        // DiscordEmulator.await waits 10 s per request; the whole flood gets one overall bound instead.
        return org.awaitility.Awaitility.await(what).atMost(java.time.Duration.ofMillis(BOUND_MILLIS))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> discord.requests(wanted), found -> !found.isEmpty()).get(0);
    }
}
