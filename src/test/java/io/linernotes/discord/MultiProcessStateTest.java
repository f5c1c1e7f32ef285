package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.config.StoreConfig;
import io.linernotes.core.Scope;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.discord.emulation.RecordedRequest;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.SqlEssayStore;
import io.linernotes.feedback.FeedbackStore;
import io.linernotes.store.Database;
import io.linernotes.store.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What two real {@code linernotes bot} JVMs (shards 0 and 1 of 2) share through one PostgreSQL store while both
 * run: essays written elsewhere become answerable in both, a server's own essay stays in its server, one user's
 * rate-limit bucket, votes on answers from before a restart, and every acknowledged write over a {@code kill -9}.
 * The test JVM opens the same store as a third process would (the CLI does the same) to write and to check.
 */
@DisplayName("Two bot processes over one PostgreSQL stay in step")
class MultiProcessStateTest {
    static final String GUILD_A = MultiProcessShardsTest.GUILD_A;
    static final String GUILD_B = MultiProcessShardsTest.GUILD_B;
    static final String CHANNEL_A = MultiProcessShardsTest.CHANNEL_A;
    static final String CHANNEL_B = MultiProcessShardsTest.CHANNEL_B;
    static final String MOD_ROLE_A = "820000000000000001";
    static final String MOD_ROLE_B = "820000000000000002";
    static final String TOKEN_A = MultiProcessShardsTest.TOKEN_A;
    static final String TOKEN_B = MultiProcessShardsTest.TOKEN_B;
    /** Small, so that a fourth question is refused: the bucket under test. */
    static final int USER_PER_MINUTE = 3;
    /** How many store changes are timed until both processes answer with them. */
    static final int TIMED_CHANGES = 10;
    static final Pattern ADDED = Pattern.compile("Added essay #(\\d+)");

    @TempDir
    Path tmp;

    private AskingBoth asking;

    @Test
    @DisplayName("essays written elsewhere are answered by both within 2 s, a server's essay stays in its server, one "
            + "user's bucket spans both, a vote on an answer from before a restart is stored, and no acknowledged "
            + "essay is lost over kill -9; the restarted process catches up")
    void twoProcessesStayInStep() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (DiscordEmulator discord = DiscordEmulator.start(
                new EmulatedGuild(GUILD_A, CHANNEL_A, Map.of(MOD_ROLE_A, Actor.MANAGE_GUILD)),
                new EmulatedGuild(GUILD_B, CHANNEL_B, Map.of(MOD_ROLE_B, Actor.MANAGE_GUILD)));
                Database db = Database.open(StoreConfig.defaults().withUrl(url), tmp.resolve("checker"), System::getenv)) {
            Map<String, String> env = new HashMap<>();
            env.put(DiscordEndpoints.API_URL_ENV, discord.apiUrl());
            env.put(DiscordEndpoints.GATEWAY_URL_ENV, discord.gatewayUrl());
            try (BotProcess a = process("a", 0, TOKEN_A, url, env); BotProcess b = process("b", 1, TOKEN_B, url, env)) {
                a.start();
                b.start();
                a.awaitRunning(MultiProcessShardsTest.START_MILLIS);
                b.awaitRunning(MultiProcessShardsTest.START_MILLIS);
                SqlEssayStore essays = SqlEssayStore.on(db);
                asking = new AskingBoth(discord, GUILD_A, CHANNEL_A, GUILD_B, CHANNEL_B);

                cliImportAnsweredByBoth(discord, a.config());
                timedChanges(discord, essays);
                moderatorsEssayStaysInItsServer(discord, essays);
                oneBucketAcrossProcesses(discord);

                // An answer from process b, voted on only after b was killed and started again.
                Actor voter = Actor.member(GUILD_B, CHANNEL_B, "350000000000000001", Actor.MEMBER);
                RecordedRequest given = discord.awaitWebhook(discord.slash(voter, "meaning", option("song", "Runaway")),
                        "answer with buttons", r -> !AnswerCommandsTest.customIds(r.body()).isEmpty());
                assertEquals("Bot " + TOKEN_B, given.header("Authorization"));
                List<String> buttons = AnswerCommandsTest.customIds(given.body());

                killInTrafficLosesNothing(discord, essays, b, 1, GUILD_B, CHANNEL_B, MOD_ROLE_B, TOKEN_B);

                String whileDown = "a harbour pilot's last night before the lighthouse went automatic";
                essays.add(draft("Keeper of the Eastern Light", whileDown), Scope.GLOBAL);
                b.start();
                b.awaitRunning(MultiProcessShardsTest.START_MILLIS);
                String caughtUp = discord.awaitWebhook(asking.ask(GUILD_B, CHANNEL_B, "Keeper of the Eastern Light"), 1)
                        .visibleText();
                assertTrue(caughtUp.contains(whileDown), "the restarted process caught up from the change log: "
                        + caughtUp);

                long answerId = Long.parseLong(buttons.get(0).substring("answer:up:".length()));
                RecordedRequest thanks = discord.awaitCallback(discord.button(voter, buttons.get(0)));
                assertEquals("Bot " + TOKEN_B, thanks.header("Authorization"), "the restarted process took the vote");
                assertEquals("Thanks! Glad it helped.", thanks.body().path("data").path("content").asText());
                assertEquals(1, FeedbackStore.on(db).score(answerId), "the vote is in the store");

                // The same over kill -9 of shard 0's process, which also answers DMs.
                killInTrafficLosesNothing(discord, essays, a, 0, GUILD_A, CHANNEL_A, MOD_ROLE_A, TOKEN_A);
                String whileADown = "a tugboat's horn answering the fog at dawn";
                essays.add(draft("Fog Horn Reply", whileADown), Scope.GLOBAL);
                assertTrue(discord.awaitWebhook(asking.ask(GUILD_B, CHANNEL_B, "Runaway"), 1).visibleText()
                        .contains(BusyAndShutdownTest.RUNAWAY_ANSWERED), "process b answers while a is down");
                a.start();
                a.awaitRunning(MultiProcessShardsTest.START_MILLIS);
                String aCaughtUp = discord.awaitWebhook(asking.ask(GUILD_A, CHANNEL_A, "Fog Horn Reply"), 1)
                        .visibleText();
                assertTrue(aCaughtUp.contains(whileADown), "restarted process a caught up: " + aCaughtUp);
                MultiProcessShardsTest.assertDmAnsweredBy(discord, "350000000000000003", TOKEN_A);
            }
        }
    }

    /** {@code linernotes import} (the in-process CLI) while both run: both answer with it within 2 s. */
    private void cliImportAnsweredByBoth(DiscordEmulator discord, Path config) throws Exception {
        String title = "Lamplighter's Ledger";
        String phrase = "counts the lit windows of his street";
        Path file = tmp.resolve("ledger.md");
        Files.writeString(file, "---\ntitle: " + title + "\nartist: The Harbour Keepers\nyear: 2001\n---\n"
                + title + " follows a night watchman who " + phrase + ".\n\n"
                + "The chorus turns the count into a prayer: while the lamps burn, nobody on the street is alone.\n");
        int exit = io.linernotes.cli.Main.run("--config", config.toString(), "--data-dir",
                tmp.resolve("cli-data").toString(), "import", file.toString());
        long imported = System.nanoTime();
        assertEquals(0, exit, "linernotes import");
        long[] delays = asking.visibleInBoth(title, phrase, imported);
        System.out.printf("SHARDS CLI import visible: process a (shard 0) %d ms, process b (shard 1) %d ms%n",
                delays[0] / 1_000_000, delays[1] / 1_000_000);
        assertTrue(delays[0] < 2_000_000_000L && delays[1] < 2_000_000_000L,
                "answered by both within 2 s: " + delays[0] / 1_000_000 + " / " + delays[1] / 1_000_000 + " ms");
    }

    /**
     * Adds, edits, a removal and a restore through the store (as a third process), each timed until both processes
     * answer accordingly; prints p50 and p99.
     */
    private void timedChanges(DiscordEmulator discord, SqlEssayStore essays) throws Exception {
        List<Long> samples = new ArrayList<>();
        List<Long> inA = new ArrayList<>();
        List<Long> inB = new ArrayList<>();
        String editedTitle = "Ballad of the Tin Weathervane";
        long edited = essays.add(draft(editedTitle, "a weathervane nobody oiled"), Scope.GLOBAL).essay().id();
        String removedPhrase = null;
        for (int i = 0; i < TIMED_CHANGES; i++) {
            String phrase = "turning " + WORDS[i] + " in the wind over the grain store";
            // Adds and edits alternate (a new song, then new words for one already indexed); the last two changes
            // remove the edited essay and bring back its first edit.
            String title = i % 2 == 0 && i < TIMED_CHANGES - 2 ? "Signal Song " + WORDS[i] : editedTitle;
            Predicate<String> shown;
            if (i == TIMED_CHANGES - 2) {
                assertTrue(essays.remove(edited, Scope.GLOBAL));
                String gone = removedPhrase;
                shown = text -> !text.contains(gone);
            } else if (i == TIMED_CHANGES - 1) {
                String firstEdit = "turning " + WORDS[1];
                int revision = essays.history(edited).stream().filter(r -> r.content().body().contains(firstEdit))
                        .findFirst().orElseThrow().revision();
                assertTrue(essays.restore(edited, revision, Scope.GLOBAL).isPresent());
                shown = text -> text.contains(firstEdit);
            } else if (i % 2 == 0) {
                essays.add(draft(title, phrase), Scope.GLOBAL);
                shown = text -> text.contains(phrase);
            } else {
                essays.update(edited, draft(title, phrase), Scope.GLOBAL);
                removedPhrase = phrase;
                shown = text -> text.contains(phrase);
            }
            long committed = System.nanoTime();
            long[] delays = asking.visibleInBoth(title, shown, committed);
            inA.add(delays[0]);
            inB.add(delays[1]);
        }
        samples.addAll(inA);
        samples.addAll(inB);
        System.out.printf("SHARDS change visible in the bot processes (%d adds, edits, a removal and a restore written by a "
                + "third process): "
                + "both p50 %d ms, p99 %d ms; process a p50 %d ms, max %d ms; process b p50 %d ms, max %d ms%n",
                TIMED_CHANGES, AskingBoth.percentile(samples, 50) / 1_000_000, AskingBoth.percentile(samples, 99) / 1_000_000,
                AskingBoth.percentile(inA, 50) / 1_000_000, AskingBoth.percentile(inA, 100) / 1_000_000,
                AskingBoth.percentile(inB, 50) / 1_000_000, AskingBoth.percentile(inB, 100) / 1_000_000);
    }

    private static final String[] WORDS = {"north", "east", "south", "west", "copper", "rust", "silver", "slate",
        "amber", "iron"};

    /** A moderator's essay in server A, through process a: answered there, not in server B, both live. */
    private void moderatorsEssayStaysInItsServer(DiscordEmulator discord, SqlEssayStore essays) {
        String title = "Tidewater Hymn";
        String phrase = "a ferryman's farewell sung to the receding shore";
        Interaction submit = discord.modalSubmit(moderator(GUILD_A, CHANNEL_A, MOD_ROLE_A), "essay:add",
                form(title, phrase));
        RecordedRequest added = discord.awaitWebhook(submit, 1);
        assertTrue(added.visibleText().contains("Added essay #"), added.visibleText());
        assertEquals("Bot " + TOKEN_A, added.header("Authorization"));
        String inA = discord.awaitWebhook(asking.ask(GUILD_A, CHANNEL_A, title), 1).visibleText();
        assertTrue(inA.contains(phrase), inA);
        // A later global change that process b answers with proves b has applied the moderator's change too.
        String marker = "a marker rung after the hymn was stored";
        essays.add(draft("Bell After the Hymn", marker), Scope.GLOBAL);
        asking.visibleIn(GUILD_B, CHANNEL_B, "Bell After the Hymn", marker, System.nanoTime());
        String inB = discord.awaitWebhook(asking.ask(GUILD_B, CHANNEL_B, title), 1).visibleText();
        assertFalse(inB.contains(phrase), "server A's essay shown in server B: " + inB);
    }

    /** The same user asks in server A (process a) up to the limit; the next question, in server B, is refused. */
    private void oneBucketAcrossProcesses(DiscordEmulator discord) {
        String user = "350000000000000002";
        for (int i = 0; i < USER_PER_MINUTE; i++) {
            Interaction asked = discord.slash(Actor.member(GUILD_A, CHANNEL_A, user, Actor.MEMBER), "meaning",
                    option("song", "Runaway"));
            RecordedRequest callback = discord.awaitCallback(asked);
            assertEquals(5, callback.body().path("type").asInt(), "question " + (i + 1) + " accepted");
            assertEquals("Bot " + TOKEN_A, callback.header("Authorization"));
        }
        RecordedRequest refused = discord.awaitCallback(discord.slash(Actor.member(GUILD_B, CHANNEL_B, user,
                Actor.MEMBER), "meaning", option("song", "Runaway")));
        assertEquals("Bot " + TOKEN_B, refused.header("Authorization"));
        JsonNode body = refused.body();
        assertEquals(4, body.path("type").asInt(), body.toString());
        String text = body.path("data").path("content").asText();
        assertTrue(text.matches("You're asking faster than I can answer\\. Please try again in \\d+ seconds?\\."),
                text);
        assertEquals(5, discord.awaitCallback(asking.ask(GUILD_B, CHANNEL_B, "Runaway")).body().path("type")
                .asInt(), "another user is still answered");
    }

    /**
     * Moderators of server B add essays through process b, one after another, and b is killed with -9 among them;
     * every essay b acknowledged before it died is in the store.
     */
    private void killInTrafficLosesNothing(DiscordEmulator discord, SqlEssayStore essays, BotProcess process,
            int shard, String guild, String channel, String role, String token) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Integer> traffic = CompletableFuture.supplyAsync(() -> {
            int sent = 0;
            while (!stop.get() && sent < 40) {
                discord.modalSubmit(moderator(guild, channel, role), "essay:add", form("Ferry Timetable " + shard
                        + "-" + sent, "the crossing numbered " + sent + " on the ferry timetable"));
                sent++;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return sent;
                }
            }
            return sent;
        });
        long deadline = System.currentTimeMillis() + 30_000;
        while (acknowledged(discord, token).size() < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        process.kill();
        stop.set(true);
        int sent = traffic.get();
        discord.awaitShardGone(shard);
        Map<Long, String> acked = acknowledged(discord, token);
        assertTrue(acked.size() >= 4, "essays acknowledged before the kill: " + acked);
        List<Long> lost = new ArrayList<>();
        for (Map.Entry<Long, String> e : acked.entrySet()) {
            if (essays.get(e.getKey()).isEmpty()) {
                lost.add(e.getKey());
            }
        }
        System.out.printf("SHARDS kill -9 of the shard-%d process in traffic: %d essay forms sent, %d acknowledged "
                + "before the kill, %d of them lost%n", shard, sent, acked.size(), lost.size());
        assertEquals(List.of(), lost, "acknowledged essays missing from the store");
    }

    /** Essay ids the process with {@code token} acknowledged ("Added essay #N"), with the reply that said so. */
    private static Map<Long, String> acknowledged(DiscordEmulator discord, String token) {
        Map<Long, String> ids = new LinkedHashMap<>();
        for (RecordedRequest r : discord.requests(r -> r.path().startsWith("webhooks/")
                && ("Bot " + token).equals(r.header("Authorization")))) {
            Matcher m = ADDED.matcher(r.visibleText());
            if (m.find()) {
                ids.put(Long.parseLong(m.group(1)), r.visibleText());
            }
        }
        return ids;
    }

    private Actor moderator(String guild, String channel, String role) {
        return Actor.member(guild, channel, asking.nextUser(), Actor.MEMBER | Actor.MANAGE_GUILD,
                role);
    }

    private static Map<String, String> form(String title, String phrase) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("artist", "Saltmarsh Choir");
        fields.put("featured", "");
        fields.put("year", "");
        fields.put("body", title + " is " + phrase + ", verse after verse, until only the bell is left.");
        return fields;
    }

    private static EssayDraft draft(String title, String phrase) {
        return new EssayDraft(title, "The Harbour Keepers", List.of(), 2003, null, "Test", null,
                title + " is about " + phrase + ". The last verse repeats it quietly, as if to remember it.");
    }

    private BotProcess process(String name, int shard, String token, String storeUrl, Map<String, String> env)
            throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path config = dir.resolve("linernotes.yaml");
        Files.writeString(config, "retrieval:\n  vectors: false\nmodel:\n  provider: extractive\n"
                + "discord:\n  userPerMinute: " + USER_PER_MINUTE + "\n  guildPerMinute: 10000\n"
                + "  shards:\n    total: 2\n    ids: \"" + shard + "\"\n"
                + "store:\n  url: " + storeUrl + "\n");
        Map<String, String> all = new HashMap<>(env);
        all.put("DISCORD_TOKEN", token);
        return new BotProcess(name, config, dir.resolve("data"), all, tmp);
    }
}
