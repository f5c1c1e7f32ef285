package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static io.linernotes.discord.emulation.DiscordEmulator.sub;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.config.DiscordConfig;
import io.linernotes.config.ModelConfig;
import io.linernotes.core.Scope;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.discord.emulation.RecordedRequest;
import io.linernotes.essay.EssayDraft;
import io.linernotes.model.FakeModelServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of reply, as the bot really sends it to the Discord emulation, captured to JSON (one file per scene)
 * for the screenshot tool in {@code tools/discord-screens}, which draws them as Discord does in headless Chromium.
 * The JSON goes to {@code target/discord-screens/json} (or {@code -Dlinernotes.screens.dir=DIR}), the pictures
 * to {@code png/} beside it. Rendering needs node, the tool's {@code npm ci} and Chromium; without them that
 * test is skipped with the reason, and nothing else depends on them.
 */
@DisplayName("Reply gallery: every reply kind captured from the emulation, and drawn when a browser is at hand")
class ReplyGalleryTest {
    static final String GUILD = "500000000000000071";
    static final String CHANNEL = "600000000000000071";
    static final String MOD_ROLE = "800000000000000071";
    static final List<String> SCENES = List.of("01-meaning", "02-line-question", "03-misattribution",
            "04-readings", "05-long-answer", "06-song-picker", "07-no-commentary", "08-dm-follow-up",
            "09-essay-add-form", "10-essay-list", "11-essay-gaps", "12-sources", "13-help", "14-rate-limit",
            "15-server-follow-up");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path modelDataDir;
    static Path out;

    @BeforeAll
    static void capture() throws Exception {
        out = Path.of(System.getProperty("linernotes.screens.dir", "target/discord-screens"));
        Gallery gallery = new Gallery(out.resolve("json"));
        Actor member = new Actor("310000000000000071", "ada", GUILD, CHANNEL, Actor.MEMBER, List.of());
        Actor moderator = new Actor("310000000000000072", "mod.maria", GUILD, CHANNEL,
                Actor.MEMBER | Actor.MANAGE_GUILD, List.of(MOD_ROLE));
        try (BotHarness h = new BotHarness(dataDir, BotHarness.config(List.of()),
                new EmulatedGuild(GUILD, CHANNEL, Map.of(MOD_ROLE, Actor.MANAGE_GUILD)))) {
            h.engine.essays().store(List.of(
                    new EssayDraft("Hurt", "Nine Inch Nails", List.of(), 1994, null, "Bo", null,
                            "Hurt by Nine Inch Nails is about self-harm and addiction, sung from inside it."),
                    new EssayDraft("Hurt", "Johnny Cash", List.of(), 2002, null, "Cy", null,
                            "Johnny Cash's Hurt turns the same words into an old man's look back at a life.")),
                    Scope.GLOBAL);
            DiscordEmulator d = h.discord;

            answer(gallery, d, member, "01-meaning", "A /meaning answer",
                    "The song first, then the essays' own words, each cited; the sources under them", "meaning",
                    Map.of("song", "Fast Car"));
            answer(gallery, d, member, "02-line-question", "A line question", "/ask about one line of a song", "ask",
                    Map.of("question", "what is the Ichabod Crane line about?"));
            answer(gallery, d, member, "03-misattribution", "A misattribution corrected",
                    "The asker credits the featured artist; the answer says whose song it is", "ask",
                    Map.of("question", "what is runaway by pusha t about?"));
            String readingsToken = answer(gallery, d, member, "04-readings", "Several readings of one song",
                    "Two essays read Runaway differently; each reading under its author's name", "meaning",
                    Map.of("song", "Runaway"));
            finalMessage(gallery, d, member, "06-song-picker", "The song picker",
                    "Two songs fit; the member picks one from the menu", "ask", Map.of("question", "what does hurt mean"),
                    r -> r.body().path("components").toString().contains("\"type\":3"));
            finalMessage(gallery, d, member, "07-no-commentary", "No commentary",
                    "No essay covers the song: a plain reply, and the question becomes a gap for moderators", "ask",
                    Map.of("question", "what does Paranoid Android mean"), r -> r.body().has("content"));

            Actor dm = new Actor("310000000000000073", "ada", null, "710000000000000073", 0, List.of());
            Gallery.Scene dmScene = gallery.scene("08-dm-follow-up", "A DM follow-up",
                    "In a direct message, \"and the hook?\" names no song: the conversation does");
            dmScene.user(dm, "what is stan about?", -1);
            d.directMessage(dm, "what is stan about?");
            dmScene.bot(awaitChannel(d, dm.channelId(), 1).body(), false, 0);
            dmScene.user(dm, "and the hook?", -1);
            d.directMessage(dm, "and the hook?");
            dmScene.bot(awaitChannel(d, dm.channelId(), 2).body(), false, 2).write();

            Interaction add = d.slash(moderator, "essay", sub("add"));
            gallery.scene("09-essay-add-form", "The /essay add form", "A moderator adds an essay without a file")
                    .command(moderator, "essay add", Map.of()).interaction(d, add, 0).write();
            Interaction list = d.slash(moderator, "essay", sub("list"));
            d.awaitWebhook(list, 1);
            gallery.scene("10-essay-list", "/essay list", "The essays this server sees")
                    .command(moderator, "essay list", Map.of()).interaction(d, list, 0).write();

            RecordedRequest readings = d.await("the readings answer",
                    r -> r.path().startsWith("webhooks/" + DiscordEmulator.BOT_ID + "/" + readingsToken)
                            && !AnswerCommandsTest.customIds(r.body()).isEmpty());
            List<String> buttons = AnswerCommandsTest.customIds(readings.body());
            d.awaitCallback(d.button(member, buttons.get(1)));
            Interaction gaps = d.slash(moderator, "essay", sub("gaps"));
            d.awaitWebhook(gaps, 1);
            gallery.scene("11-essay-gaps", "/essay gaps", "Questions no essay answered, and answers marked 👎")
                    .command(moderator, "essay gaps", Map.of()).interaction(d, gaps, 0).write();
            Interaction sources = d.button(member, buttons.get(2));
            gallery.scene("12-sources", "The Sources view",
                    "The cited passages themselves, shown only to the member who pressed Sources")
                    .button(member, "Sources", readings.body().path("embeds").get(0).path("title").asText())
                    .interaction(d, sources, 0).write();
            Interaction help = d.slash(member, "help");
            gallery.scene("13-help", "/help", "What the bot can do, shown only to the asker")
                    .command(member, "help", Map.of()).interaction(d, help, 0).write();

            Interaction meaning = d.slash(member, "meaning", option("song", "Stan"));
            RecordedRequest stan = d.awaitWebhook(meaning, "the Stan answer",
                    r -> !AnswerCommandsTest.customIds(r.body()).isEmpty());
            String stanId = d.messageIdOf(stan);
            awaitStored(h, stanId);
            d.replyInGuild(member, stanId, "and the hook?", true);
            RecordedRequest followUp = awaitChannel(d, CHANNEL, 1);
            gallery.scene("15-server-follow-up", "A follow-up in a server",
                    "A member replies to the bot's answer; the reply continues the conversation about that song")
                    .command(member, "meaning", Map.of("song", "Stan")).interaction(d, meaning, 0)
                    .user(member, "and the hook?", 1).bot(followUp.body(), false, 2).write();
        }

        try (FakeModelServer model = new FakeModelServer()) {
            model.always(FakeModelServer.Step.answer(LONG_ANSWER));
            ModelConfig openAi = new ModelConfig("openai", model.baseUrl(), "writer", "LN_GALLERY_KEY", 10, 0, null, 0,
                    false).withLimits(0, 0, 0, 12_000);
            DiscordConfig oneAMinute = new DiscordConfig(List.of(), List.of(), null, null, 2, 20, 1, 10_000, 0);
            try (BotHarness h = new BotHarness(modelDataDir, openAi, Map.of("LN_GALLERY_KEY", "k"), oneAMinute,
                    new EmulatedGuild(GUILD, CHANNEL, Map.of()))) {
                DiscordEmulator d = h.discord;
                answer(gallery, d, member, "05-long-answer", "A long answer over several messages",
                        "A language model's long answer (a test model, with the answer limit raised) continues in a "
                                + "follow-up message", "meaning",
                        Map.of("song", "Runaway", "question", "walk me through the whole song, part by part"));
                Interaction second = d.slash(member, "meaning", option("song", "Stan"));
                d.awaitCallback(second);
                gallery.scene("14-rate-limit", "A rate-limit reply",
                        "A second question within the minute (the limit here is one a minute)")
                        .command(member, "meaning", Map.of("song", "Stan")).interaction(d, second, 0).write();
            }
        }
    }

    @Test
    @DisplayName("every scene was captured, each with a bot message that shows something")
    void everySceneCaptured() throws IOException {
        for (String name : SCENES) {
            Path file = out.resolve("json").resolve(name + ".json");
            assertTrue(Files.exists(file), "captured " + name);
            JsonNode scene = Gallery.JSON.readTree(file.toFile());
            boolean shown = false;
            for (JsonNode e : scene.path("events")) {
                if (e.path("type").asText().equals("modal")) {
                    shown = true;
                }
                JsonNode m = e.path("message");
                shown |= !m.path("content").asText("").isBlank();
                for (JsonNode embed : m.path("embeds")) {
                    assertFalse(embed.path("description").asText("").isBlank(), name + ": an embed without text");
                    shown = true;
                }
            }
            assertTrue(shown, name + " shows something");
        }
        JsonNode longAnswer = Gallery.JSON.readTree(out.resolve("json").resolve("05-long-answer.json").toFile());
        assertTrue(longAnswer.path("events").size() >= 3, "the long answer is a command and two messages or more");
    }

    @Test
    @DisplayName("the screenshot tool draws every scene in headless Chromium, each picture a real, non-empty PNG")
    void screenshotsRender() throws Exception {
        Path tool = Path.of("tools", "discord-screens");
        Assumptions.assumeTrue(onPath("node"), "node is not installed here; the pictures are not drawn");
        Assumptions.assumeTrue(Files.isDirectory(tool.resolve("node_modules")),
                "the tool's packages are not installed (run npm ci in tools/discord-screens)");
        Assumptions.assumeTrue(Stream.of("chromium", "chromium-browser", "google-chrome").anyMatch(ReplyGalleryTest::onPath)
                || System.getenv("CHROME_PATH") != null, "no Chromium here (apt-get install chromium)");
        Path png = out.resolve("png");
        Process p = new ProcessBuilder("node", tool.resolve("render.mjs").toString(), out.resolve("json").toString(),
                png.toString()).redirectErrorStream(true).redirectOutput(out.resolve("render.log").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the tool finished within 5 minutes");
        assertEquals(0, p.exitValue(), "the tool succeeded: " + Files.readString(out.resolve("render.log")));
        for (String name : SCENES) {
            Path picture = png.resolve(name + ".png");
            assertTrue(Files.exists(picture), "drew " + name);
            byte[] bytes = Files.readAllBytes(picture);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4), name + " is a PNG");
            int width = readInt(bytes, 16);
            int height = readInt(bytes, 20);
            assertTrue(width >= 300 && height >= 60, name + " has a real size: " + width + "x" + height);
            assertTrue(bytes.length > 5_000, name + " has content: " + bytes.length + " bytes");
        }
    }

    /** Asks {@code command} and captures the whole answer once its last message (the one with buttons) is sent. */
    private static String answer(Gallery gallery, DiscordEmulator d, Actor actor, String name, String title,
            String caption, String command, Map<String, String> options) throws IOException {
        return finalMessage(gallery, d, actor, name, title, caption, command, options,
                r -> !AnswerCommandsTest.customIds(r.body()).isEmpty());
    }

    private static String finalMessage(Gallery gallery, DiscordEmulator d, Actor actor, String name, String title,
            String caption, String command, Map<String, String> options,
            java.util.function.Predicate<RecordedRequest> done) throws IOException {
        List<com.fasterxml.jackson.databind.node.ObjectNode> opts = new ArrayList<>();
        options.forEach((k, v) -> opts.add(option(k, v)));
        Interaction i = d.slash(actor, command, opts.toArray(com.fasterxml.jackson.databind.node.ObjectNode[]::new));
        d.awaitWebhook(i, name + " done", done);
        gallery.scene(name, title, caption).command(actor, command, options).interaction(d, i, 0).write();
        return i.token();
    }

    private static RecordedRequest awaitChannel(DiscordEmulator d, String channelId, int nth) {
        return d.awaitNth("message #" + nth + " in " + channelId, r -> r.is("POST", "channels/" + channelId + "/messages"),
                nth);
    }

    private static void awaitStored(BotHarness h, String messageId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (h.feedback.answerOfMessage(messageId).isEmpty()) {
            assertTrue(System.currentTimeMillis() < deadline, "message " + messageId + " stored within 10 s");
            Thread.sleep(20);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    /** What the test model writes: long on purpose (our own words), citing the passages it was given. */
    static final String LONG_ANSWER = fixture("long-model-answer.md");

    private static String fixture(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/fixtures", name)).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
