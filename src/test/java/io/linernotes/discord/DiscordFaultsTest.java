package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.RecordedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Discord faults: a full reconnect under load, REST 429s per route and global, failed acknowledgements")
class DiscordFaultsTest {
    static final String RUNAWAY = BusyAndShutdownTest.RUNAWAY_ANSWERED;

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "session ended by {0}")
    @ValueSource(ints = {4009, 0})
    @DisplayName("a session that cannot be resumed (close 4009, or op 9 d:false) makes JDA IDENTIFY again; "
            + "questions in flight and after are answered")
    void reconnectUnderLoad(int closeCode) throws Exception {
        try (BotHarness h = new BotHarness(dataDir, BotHarness.config(List.of()))) {
            CountDownLatch gate = new CountDownLatch(1);
            h.services.gate = gate;
            List<Interaction> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Interaction q = h.discord.slash(Actor.dm("38000000000000000" + i), "meaning", option("song", "Runaway"));
                assertEquals(5, h.discord.awaitCallback(q).body().path("type").asInt());
                asked.add(q);
            }
            int before = h.discord.identifies();
            h.discord.invalidateSession(closeCode);
            h.discord.awaitIdentified(before + 1);
            gate.countDown();
            for (int i = 0; i < 4; i++) {
                asked.add(h.discord.slash(Actor.dm("38100000000000000" + i), "ask",
                        option("question", "what is Runaway by Kanye West about?")));
            }
            for (Interaction q : asked) {
                assertTrue(h.discord.awaitWebhook(q, 1).visibleText().contains(RUNAWAY), q.id());
            }
            assertEquals(JDA.Status.CONNECTED, h.bot.jda().getStatus());
            long identifyFrames = h.discord.gatewayFrames().stream().filter(f -> f.path("op").asInt() == 2).count();
            assertEquals(before + 1, identifyFrames, "exactly one new IDENTIFY, no login storm");
        }
    }

    @Test
    @DisplayName("a 429 on one route (X-RateLimit-* headers, retry_after) holds that route for its wait; all answers arrive")
    void perRouteRateLimitIsObeyed() throws Exception {
        try (BotHarness h = new BotHarness(dataDir, BotHarness.config(List.of()))) {
            Actor user = Actor.dm("382000000000000001");
            String route = "channels/" + user.channelId() + "/messages";
            double retryAfter = 1.5;
            h.discord.rateLimitNext(r -> r.is("POST", route), retryAfter);
            List<String> asked = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                asked.add(h.discord.directMessage(user, "what is Runaway by Kanye West about? (" + i + ")"));
            }
            for (String id : asked) {
                h.discord.await("reply to " + id, r -> r.is("POST", route)
                        && r.body().path("message_reference").path("message_id").asText().equals(id));
            }
            List<RecordedRequest> posts = h.discord.requests(r -> r.is("POST", route));
            long limitedAt = posts.get(0).atNanos();
            long windowEnd = limitedAt + (long) (retryAfter * 1e9) - 100_000_000L;
            long inWindow = posts.stream().filter(r -> r.atNanos() > limitedAt && r.atNanos() < windowEnd).count();
            System.out.printf("DISCORD 429 per route: %d requests to the route in the %.1f s after the 429; "
                    + "next one after %d ms%n", inWindow, retryAfter, (posts.get(1).atNanos() - limitedAt) / 1_000_000);
            assertEquals(0, inWindow, "no request to the limited route before retry_after: " + posts);
            assertEquals(asked.size() + 1, posts.size(), "one retry, no storm");
        }
    }

    @Test
    @DisplayName("a global 429 (X-RateLimit-Global: true) holds every channel route for its wait; all answers arrive")
    void globalRateLimitIsObeyed() throws Exception {
        try (BotHarness h = new BotHarness(dataDir, BotHarness.config(List.of()))) {
            double retryAfter = 1.5;
            h.discord.rateLimitGlobally(r -> r.is("POST", "channels/") && r.path().endsWith("/messages"), retryAfter);
            List<String[]> asked = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Actor user = Actor.dm("38300000000000000" + i);
                asked.add(new String[] {h.discord.directMessage(user, "what is Runaway by Kanye West about?"),
                        user.channelId()});
            }
            for (String[] a : asked) {
                h.discord.await("reply to " + a[0], r -> r.is("POST", "channels/" + a[1] + "/messages")
                        && r.body().path("message_reference").path("message_id").asText().equals(a[0]));
            }
            List<RecordedRequest> channelRequests = h.discord.requests(r -> r.path().startsWith("channels/"));
            RecordedRequest limited = channelRequests.stream()
                    .filter(r -> r.is("POST", "channels/") && r.path().endsWith("/messages")).findFirst().orElseThrow();
            // Requests that arrive within 200 ms of the 429 were already on their way when it was answered.
            long windowStart = limited.atNanos() + 200_000_000L;
            long windowEnd = limited.atNanos() + (long) (retryAfter * 1e9) - 100_000_000L;
            long inFlight = channelRequests.stream()
                    .filter(r -> r.atNanos() > limited.atNanos() && r.atNanos() <= windowStart).count();
            long inWindow = channelRequests.stream()
                    .filter(r -> r.atNanos() > windowStart && r.atNanos() < windowEnd).count();
            System.out.printf("DISCORD global 429: %d channel requests from 0.2 s to %.1f s after it (%d already in "
                    + "flight); %d channel requests in all for %d answers%n", inWindow, retryAfter, inFlight,
                    channelRequests.size(), asked.size());
            assertEquals(0, inWindow, "nothing sent to any channel during the global wait: " + channelRequests);
            assertTrue(channelRequests.size() <= 2 * asked.size() + 2, "typing + answer each, one retry: no storm");
        }
    }

    @ParameterizedTest(name = "callback answered {0}")
    @CsvSource(delimiter = '|', value = {
            "404|{\"message\": \"Unknown interaction\", \"code\": 10062}",
            "500|{\"message\": \"Internal Server Error\", \"code\": 0}"})
    @DisplayName("a failed acknowledgement is logged, answers nothing, and the next interactions work")
    void failedDeferIsSurvived(int status, String body) throws Exception {
        try (BotHarness h = new BotHarness(dataDir, BotHarness.config(List.of()));
                LogCapture log = new LogCapture(Asker.class)) {
            Actor user = Actor.dm("384000000000000001");
            int questionsBefore = h.services.requests.size();
            // The first interaction callback seen, and every retry of it, fails; later interactions are untouched.
            AtomicReference<String> target = new AtomicReference<>();
            h.discord.failNext(r -> r.is("POST", "interactions/")
                    && (target.compareAndSet(null, r.path()) || target.get().equals(r.path())), status, body, 10);
            Interaction failing = h.discord.slash(user, "meaning", option("song", "Runaway"));
            log.await("could not acknowledge interaction");
            Interaction after = h.discord.slash(Actor.dm("384000000000000002"), "meaning", option("song", "Runaway"));
            assertTrue(h.discord.awaitWebhook(after, 1).visibleText().contains(RUNAWAY));
            assertEquals(JDA.Status.CONNECTED, h.bot.jda().getStatus());
            long attempts = h.discord.requests(r -> r.path().startsWith("interactions/" + failing.id() + "/")).size();
            assertTrue(attempts <= 5, attempts + " attempts at a failing callback: no storm");
            assertTrue(log.messages().stream().noneMatch(m -> m.startsWith("ERROR")), log.messages().toString());
            assertEquals(1, h.services.requests.size() - questionsBefore, "the failed interaction was not answered");
            assertTrue(h.discord.requests(r -> r.path().contains(failing.token())).stream()
                    .noneMatch(r -> r.path().startsWith("webhooks/")), "no reply was attempted on the dead interaction");
        }
    }
}
