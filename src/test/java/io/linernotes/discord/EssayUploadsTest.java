package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static io.linernotes.discord.emulation.DiscordEmulator.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.DiscordConfig;
import io.linernotes.core.Scope;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.BrokenFile;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.discord.emulation.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moderators' uploads cannot reach past Discord or hold up members: attachments come only from the allowed
 * origin (here the emulation's; Discord's CDN hosts in production), no redirect leads elsewhere, a body that
 * drips is cut at the download deadline, and essay work runs on its own pool behind the same admission as
 * questions, so a member's /meaning is answered while uploads are in flight. One answer worker, one essay
 * worker: with a shared pool the uploads would hold the only worker a question has.
 */
@DisplayName("Essay uploads: allowed hosts only, no redirects elsewhere, a whole-body deadline, their own pool")
class EssayUploadsTest {
    static final String GUILD = "500000000000000041";
    static final String CHANNEL = "600000000000000041";
    static final String MOD_ROLE = "800000000000000041";
    static final int DOWNLOAD_SECONDS = 3;

    @TempDir
    static Path dataDir;
    static BotHarness harness;
    static DiscordEmulator discord;

    final Actor member = Actor.member(GUILD, CHANNEL, "340000000000000001", Actor.MEMBER);

    @BeforeAll
    static void start() throws Exception {
        DiscordConfig config = new DiscordConfig(List.of(), List.of(), null, null, 1, 20, 4, 10_000, 0, 1, 20, null,
                DOWNLOAD_SECONDS);
        harness = new BotHarness(dataDir, config, new EmulatedGuild(GUILD, CHANNEL, Map.of(MOD_ROLE, Actor.MANAGE_GUILD)));
        discord = harness.discord;
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    /** A moderator of its own, so each test's requests stay within the per-user rate limit. */
    private static Actor moderator(int n) {
        return Actor.member(GUILD, CHANNEL, "34100000000000000" + n, Actor.MEMBER | Actor.MANAGE_GUILD, MOD_ROLE);
    }

    private static byte[] essay(String title, String words) {
        return ("Meaning of '" + title + "' by 'Test Artist'\n\n" + words).getBytes(StandardCharsets.UTF_8);
    }

    private static String upload(Actor moderator, String fileName, long size, String url) {
        Interaction add = discord.slashWithAttachment(moderator, "essay", "add", "attachment", fileName, size, url,
                "text/plain; charset=utf-8");
        return discord.awaitWebhook(add, 1).visibleText();
    }

    private static boolean downloaded(String url) {
        return discord.downloads().stream().anyMatch(d -> url.endsWith(d.key()));
    }

    private static boolean stored(String words) {
        return harness.services.list(Scope.guild(GUILD)).stream().anyMatch(e -> e.body().contains(words));
    }

    @Test
    @DisplayName("an attachment URL on another host (or another scheme) is refused without being fetched")
    void wrongHostIsRefused() {
        byte[] file = essay("Elsewhere Song", "Fetched from a host that is not Discord's.");
        String served = discord.serveFile("elsewhere.txt", file);
        String otherHost = served.replace("127.0.0.1", "localhost");
        String reply = upload(moderator(1), "elsewhere.txt", file.length, otherHost);
        assertTrue(reply.contains("not on Discord's attachment servers"), reply);
        assertFalse(downloaded(served), "the file was fetched from a host that is not allowed");

        String foreign = upload(moderator(1), "evil.txt", 100, "https://evil.example/files/evil.txt");
        assertTrue(foreign.contains("not on Discord's attachment servers"), foreign);
        assertFalse(stored("Fetched from a host"));
    }

    @Test
    @DisplayName("a redirect from an allowed URL to another host is not followed")
    void redirectToAnotherHostIsRefused() {
        byte[] file = essay("Redirected Song", "Reached only through a redirect to another host.");
        String target = discord.serveFile("target.txt", file).replace("127.0.0.1", "localhost");
        String start = discord.serveRedirect("start.txt", target);
        String reply = upload(moderator(2), "start.txt", file.length, start);
        assertTrue(downloaded(start), "the allowed URL was asked");
        assertFalse(downloaded(target), "the redirect to another host was followed");
        assertTrue(reply.contains("not on Discord's attachment servers"), reply);
        assertFalse(stored("through a redirect"));
    }

    @Test
    @DisplayName("a body that drips one byte a second for a minute is cut off at the download deadline")
    void slowDripIsCutAtTheDeadline() {
        String url = discord.serveBroken("drip.txt", BrokenFile.SLOW_DRIP);
        // The drip lasts 60 s; the reply must come within the emulation's 10-second wait, after the 3-second deadline.
        String reply = upload(moderator(3), "drip.txt", 1_000, url);
        assertTrue(reply.contains("could not download"), reply);
        assertTrue(downloaded(url));
    }

    @Test
    @DisplayName("a member's /meaning is answered while two hostile uploads are in flight; both finish after")
    void membersAreAnsweredWhileUploadsAreInFlight() {
        // Two hostile uploads: a first line of 105 KB of spaces with no artist (the backtracking patterns took minutes
        // of CPU to refuse it), and an essay stored after a 100 KB run of spaces in its first line and a run inside a
        // paragraph (read, stored and indexed).
        byte[] refused = ("Meaning of" + " ".repeat(105_000) + "x by\n\nA body after the hostile first line.")
                .getBytes(StandardCharsets.UTF_8);
        byte[] stored = ("Meaning of" + " ".repeat(100_000) + "'Wide Open' by 'Space Band'\n\nA" + " ".repeat(2_000)
                + "b.\n\nThe song is about room, and what people do with it.").getBytes(StandardCharsets.UTF_8);
        Actor uploader = moderator(4);
        Interaction first = discord.slashWithAttachment(uploader, "essay", "add", "attachment", "one.txt",
                refused.length, discord.serveSlowly("one.txt", refused, 2_000), "text/plain");
        Interaction second = discord.slashWithAttachment(uploader, "essay", "add", "attachment", "two.txt",
                stored.length, discord.serveSlowly("two.txt", stored, 2_000), "text/plain");
        discord.awaitCallback(first);
        discord.awaitCallback(second);

        Interaction ask = discord.slash(member, "meaning", option("song", "Runaway"));
        RecordedRequest answer = discord.awaitWebhook(ask, 1);
        assertTrue(answer.visibleText().contains("Runaway"), answer.visibleText());
        RecordedRequest one = discord.awaitWebhook(first, 1);
        RecordedRequest two = discord.awaitWebhook(second, 1);
        assertTrue(answer.order() < one.order() && answer.order() < two.order(),
                "the member's answer came before the uploads finished");
        assertTrue(one.visibleText().contains("could not be read as an essay"), one.visibleText());
        assertTrue(two.visibleText().contains("Added:") && two.visibleText().contains("Wide Open — Space Band"),
                two.visibleText());
    }

    @Test
    @DisplayName("essay commands pass the same per-user rate limit as questions")
    void essayWorkIsRateLimitedLikeQuestions() {
        Actor busy = moderator(5);
        for (int i = 0; i < 4; i++) {
            discord.awaitWebhook(discord.slash(busy, "essay", sub("list")), 1);
        }
        Interaction fifth = discord.slash(busy, "essay", sub("list"));
        String refused = discord.awaitCallback(fifth).body().path("data").path("content").asText();
        assertTrue(refused.startsWith("You're asking faster than I can answer"), refused);
    }

    @Test
    @DisplayName("an essay form whose acknowledgement failed stores nothing (no work is queued for it)")
    void failedAcknowledgementStoresNothing() throws Exception {
        try (LogCapture log = new LogCapture(Asker.class)) {
            Actor mod = moderator(6);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("title", "Unacknowledged");
            fields.put("artist", "Nobody Saw It");
            fields.put("featured", "");
            fields.put("year", "");
            fields.put("body", "An essay whose interaction expired before the bot could acknowledge it.");
            discord.failNext(r -> r.is("POST", "interactions/"), 404,
                    "{\"message\": \"Unknown interaction\", \"code\": 10062}", 1);
            Interaction submit = discord.modalSubmit(mod, "essay:add", fields);
            discord.awaitCallback(submit);
            // The next essay command of the same moderator is served: had the first been queued, it ran before it.
            discord.awaitWebhook(discord.slash(mod, "essay", sub("list")), 1);
            assertFalse(stored("expired before the bot"), "work was done for an interaction nobody can see");
            log.await("could not acknowledge interaction");
        }
    }
}
