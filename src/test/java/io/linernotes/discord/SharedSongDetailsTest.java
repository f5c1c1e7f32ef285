package io.linernotes.discord;

import static io.linernotes.discord.AnswerCommandsTest.customIds;
import static io.linernotes.discord.emulation.DiscordEmulator.focused;
import static io.linernotes.discord.emulation.DiscordEmulator.intOption;
import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static io.linernotes.discord.emulation.DiscordEmulator.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.config.ModelConfig;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.discord.emulation.RecordedRequest;
import io.linernotes.model.FakeModelServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One server cannot change what other servers and DMs are shown. A moderator of server B (anyone can create
 * a server and invite the bot) adds, edits and restores an essay on a shared song with hostile details, and
 * opens that essay with a quoted "other name" of the song. Server A and a DM must still see the shared
 * details everywhere (the answer's title, Sources, the Sources button, autocomplete, the model's prompt), and
 * B's other name must not resolve in A. B's own song, with the same hostile details, is shown to B as plain
 * text: no masked link in anything Discord renders. Each case runs with extractive answers, a model answering
 * at once, and a streaming model (the real langchain4j OpenAI client against a local server).
 */
class SharedSongDetailsTest {
    static final String GUILD_A = "500000000000000021";
    static final String CHANNEL_A = "600000000000000021";
    static final String GUILD_B = "500000000000000022";
    static final String CHANNEL_B = "600000000000000022";
    static final String KEY_ENV = "LINERNOTES_TEST_MODEL_KEY";
    static final String MOD_ROLE_B = "800000000000000022";

    static final String HOSTILE_FEATURED = "[Free Nitro](https://evil.example/nitro)";
    static final String SHARED_LABEL = "Stan — Eminem (feat. Dido) · 2000";
    /** A masked link Discord would render: brackets and parenthesis not escaped by a backslash. */
    static final Pattern MASKED_LINK = Pattern.compile("(?<!\\\\)\\[[^\\]\\n]*(?<!\\\\)\\]\\(");
    /** An address Discord would turn into a link: {@code ://} whose colon is not escaped. */
    static final Pattern BARE_LINK = Pattern.compile("(?<!\\\\)://");

    @TempDir
    Path dataDir;

    final Actor memberA = Actor.member(GUILD_A, CHANNEL_A, "370000000000000001", Actor.MEMBER);
    final Actor moderatorB = Actor.member(GUILD_B, CHANNEL_B, "370000000000000002",
            Actor.MEMBER | Actor.MANAGE_GUILD, MOD_ROLE_B);
    final Actor dmUser = Actor.dm("370000000000000003");

    @ParameterizedTest(name = "answers by {0}")
    @ValueSource(strings = {"extractive", "model", "streaming"})
    @DisplayName("B's add, edit and restore with hostile details leave A and DMs the shared details")
    void editsAndRestoresChangeOnlyTheirServer(String mode) throws Exception {
        try (FakeModelServer model = new FakeModelServer();
                BotHarness harness = harness(mode, model)) {
            DiscordEmulator discord = harness.discord;
            model.always(FakeModelServer.Step.obey(SharedSongDetailsTest::obeying));
            String id = submitEssay(discord, "essay:add", "Stan", "Eminem", HOSTILE_FEATURED, "1999",
                    "Stan, in this server's reading, is told through a fan's letters.");
            assertOthersSeeSharedDetails(discord, model, "after an add");

            Interaction edit = submit(discord, "essay:edit:" + id, "Stan", "Eminem", HOSTILE_FEATURED + ", Mallory",
                    "1999", "Stan, in this server's reading, is letters from a fan, unanswered.");
            assertTrue(discord.awaitWebhook(edit, 1).visibleText().contains("revision 2"));
            assertOthersSeeSharedDetails(discord, model, "after an edit");

            Interaction benign = submit(discord, "essay:edit:" + id, "Stan", "Eminem", "Dido", "2000",
                    "Stan is told through the letters of a fan whose devotion turns to obsession.");
            assertTrue(discord.awaitWebhook(benign, 1).visibleText().contains("revision 3"));
            Interaction restore = discord.slash(moderatorB, "essay",
                    sub("restore", intOption("id", Long.parseLong(id)), intOption("revision", 2)));
            assertTrue(discord.awaitWebhook(restore, 1).visibleText().contains("now revision 4"));
            assertOthersSeeSharedDetails(discord, model, "after a restore");
        }
    }

    @ParameterizedTest(name = "answers by {0}")
    @ValueSource(strings = {"extractive", "model"})
    @DisplayName("the opening of B's essay on a shared song gives the song no name that resolves in A")
    void aServersOpeningIsNoAliasElsewhere(String mode) throws Exception {
        try (FakeModelServer model = new FakeModelServer();
                BotHarness harness = harness(mode, model)) {
            DiscordEmulator discord = harness.discord;
            model.always(FakeModelServer.Step.obey(SharedSongDetailsTest::obeying));
            submitEssay(discord, "essay:add", "Stan", "Eminem", "", "",
                    "\"Velvet Hammer\" is what this server calls Stan, the song told through a fan's letters.");
            Interaction alias = discord.slash(memberA, "meaning", option("song", "Velvet Hammer"));
            String aliased = discord.awaitWebhook(alias, 1).visibleText();
            assertFalse(aliased.contains("Stan") || aliased.contains("letters"), "A: " + aliased);
            int before = discord.requests(r -> r.is("POST", "channels/" + dmUser.channelId() + "/messages")).size();
            discord.directMessage(dmUser, "what is Velvet Hammer about?");
            String dm = discord.awaitNth("the DM answer", r -> r.is("POST", "channels/" + dmUser.channelId()
                    + "/messages"), before + 1).visibleText();
            assertFalse(dm.contains("Stan") || dm.contains("letters"), "DM: " + dm);
        }
    }

    @ParameterizedTest(name = "answers by {0}")
    @ValueSource(strings = {"extractive", "model", "streaming"})
    @DisplayName("B's own song keeps its details in B, shown there as plain text with no masked link")
    void ownDetailsRenderAsPlainText(String mode) throws Exception {
        try (FakeModelServer model = new FakeModelServer();
                BotHarness harness = harness(mode, model)) {
            DiscordEmulator discord = harness.discord;
            model.always(FakeModelServer.Step.obey(SharedSongDetailsTest::obeying));
            submitEssay(discord, "essay:add", "Paper Comet", "The Comets", HOSTILE_FEATURED, "1999",
                    "Paper Comet is about a child's kite lost over the sea, and the summer it stood for.");
            Interaction own = discord.slash(moderatorB, "meaning", option("song", "Paper Comet"));
            RecordedRequest answer = discord.awaitWebhook(own, "B's answer", r -> !customIds(r.body()).isEmpty());
            assertTrue(answer.visibleText().contains("Free Nitro"), "B sees its own details: " + answer.visibleText());
            for (RecordedRequest r : repliesTo(discord, own)) {
                assertPlain("B's answer on its own song", r.messageBody());
            }
            JsonNode sources = discord.awaitCallback(discord.button(moderatorB, customIds(answer.body()).get(2))).body();
            assertPlain("B's Sources", sources.path("data"));
            Interaction list = discord.slash(moderatorB, "essay", sub("list"));
            assertPlain("B's essay list", discord.awaitWebhook(list, 1).messageBody());
            Interaction theirs = discord.slash(memberA, "meaning", option("song", "Paper Comet"));
            assertFalse(discord.awaitWebhook(theirs, 1).visibleText().contains("Nitro"), "A cannot see B's song");
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a shared import of a song B had of its own takes B's essay in: B sees one song, answered from both")
    void sharedImportTakesInServersSong() throws Exception {
        try (FakeModelServer model = new FakeModelServer();
                BotHarness harness = harness("extractive", model)) {
            DiscordEmulator discord = harness.discord;
            String own = submitEssay(discord, "essay:add", "Paper Comet", "The Comets", HOSTILE_FEATURED, "1999",
                    "Paper Comet is about a child's kite lost over the sea, and the summer it stood for.");
            harness.engine.essays().importFile("paper-comet.md", ("---\ntitle: Paper Comet\nartist: The Comets\n"
                    + "year: 2003\n---\nPaper Comet remembers a kite festival on the cliffs, where the kite broke free "
                    + "and a summer ended with it.\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    io.linernotes.core.Scope.GLOBAL);

            Interaction suggest = discord.autocomplete(moderatorB, "meaning", focused("song", "paper"));
            JsonNode choices = discord.awaitCallback(suggest).body().path("data").path("choices");
            assertEquals(1, choices.size(), "one song of that name in B: " + choices);
            assertEquals("Paper Comet — The Comets · 2003", choices.get(0).path("name").asText());
            Interaction ask = discord.slash(moderatorB, "meaning", option("song", "Paper Comet"));
            String answer = discord.awaitWebhook(ask, "B's answer", r -> !customIds(r.body()).isEmpty()).visibleText();
            assertTrue(answer.contains("essay #" + own), "B's own essay is still found under the shared song: " + answer);
            assertFalse(answer.contains("Nitro"), answer);
            assertTrue(harness.engine.consistency().consistent(), harness.engine.consistency().describe());
        }
    }

    /** A model that obeys its input: it repeats every song line of its prompt into the answer. */
    private static String obeying(JsonNode body) {
        return "The essays cover " + songLines(body) + " [1].";
    }

    private BotHarness harness(String mode, FakeModelServer model) throws Exception {
        ModelConfig config = mode.equals("extractive") ? ModelConfig.defaults()
                : new ModelConfig("openai", model.baseUrl(), "test-model", KEY_ENV, 10, 0, null, 0,
                        mode.equals("streaming"));
        return new BotHarness(dataDir, config, Map.of(KEY_ENV, "test-key-not-secret"), BotHarness.config(List.of()),
                new EmulatedGuild(GUILD_A, CHANNEL_A, Map.of()), new EmulatedGuild(GUILD_B, CHANNEL_B, Map.of(MOD_ROLE_B, Actor.MANAGE_GUILD)));
    }

    /** Server A and a DM: the answer, its Sources, the Sources button, autocomplete and the model's prompt. */
    private void assertOthersSeeSharedDetails(DiscordEmulator discord, FakeModelServer model, String when) {
        int promptsBefore = model.requests().size();
        Interaction ask = discord.slash(memberA, "meaning", option("song", "Stan"));
        RecordedRequest answer = discord.awaitWebhook(ask, "A's answer", r -> !customIds(r.body()).isEmpty());
        assertTrue(answer.visibleText().contains(SHARED_LABEL), when + ", A title: " + answer.body());
        for (RecordedRequest r : repliesTo(discord, ask)) {
            assertUntouched(when + ", A's answer", r.messageBody().toString());
        }
        JsonNode sources = discord.awaitCallback(discord.button(memberA, customIds(answer.body()).get(2))).body();
        assertUntouched(when + ", A's Sources button", sources.toString());

        Interaction suggest = discord.autocomplete(memberA, "meaning", focused("song", "stan"));
        JsonNode choices = discord.awaitCallback(suggest).body().path("data").path("choices");
        List<String> labels = new ArrayList<>();
        choices.forEach(c -> labels.add(c.path("name").asText()));
        assertTrue(labels.contains(SHARED_LABEL), when + ", autocomplete: " + labels);
        assertUntouched(when + ", autocomplete", choices.toString());

        int dmsBefore = discord.requests(r -> r.is("POST", "channels/" + dmUser.channelId() + "/messages")).size();
        discord.directMessage(dmUser, "what is Stan by Eminem about?");
        RecordedRequest dm = discord.awaitNth("the DM answer " + when,
                r -> r.is("POST", "channels/" + dmUser.channelId() + "/messages"), dmsBefore + 1);
        assertTrue(dm.visibleText().contains(SHARED_LABEL), when + ", DM: " + dm.visibleText());
        assertUntouched(when + ", the DM answer", dm.body().toString());

        for (FakeModelServer.Recorded recorded : model.requests().subList(promptsBefore, model.requests().size())) {
            JsonNode prompt = recorded.body();
            assertUntouched(when + ", the model's prompt", prompt.toString());
        }
    }

    private static void assertUntouched(String what, String message) {
        // Snowflakes and nonces are long digit runs that may hold "1999" by chance; B's year shows as a year.
        String json = message.replaceAll("\\d{5,}", "#");
        assertFalse(json.contains("evil.example") || json.contains("Nitro") || json.contains("Mallory")
                || json.contains("1999"), what + " shows B's details: " + json);
    }

    /** Nothing Discord renders as Markdown holds a masked link or a live address. */
    private static void assertPlain(String what, JsonNode message) {
        List<String> rendered = new ArrayList<>();
        rendered.add(message.path("content").asText(""));
        for (JsonNode embed : message.path("embeds")) {
            rendered.add(embed.path("title").asText(""));
            rendered.add(embed.path("description").asText(""));
            for (JsonNode field : embed.path("fields")) {
                rendered.add(field.path("name").asText("") + "\n" + field.path("value").asText(""));
            }
            // Footers are never rendered as Markdown: they show the text as it is.
        }
        for (String text : rendered) {
            assertFalse(MASKED_LINK.matcher(text).find(), what + " renders a masked link: " + text);
            assertFalse(BARE_LINK.matcher(text).find(), what + " renders an address: " + text);
        }
    }

    private static List<RecordedRequest> repliesTo(DiscordEmulator discord, Interaction i) {
        return discord.requests(r -> r.path().startsWith("webhooks/" + DiscordEmulator.BOT_ID + "/" + i.token())
                && r.carriesMessage());
    }

    /** Every line of the prompt's user message that names a song, as a model repeating its input would. */
    private static String songLines(JsonNode body) {
        List<String> lines = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            Matcher m = Pattern.compile("(?m)^.*(?:song|Song).*$").matcher(message.path("content").asText(""));
            while (m.find() && lines.size() < 6) {
                lines.add(m.group().strip());
            }
        }
        return lines.stream().collect(Collectors.joining("; "));
    }

    private String submitEssay(DiscordEmulator discord, String modalId, String title, String artist, String featured,
            String year, String body) {
        Interaction submit = submit(discord, modalId, title, artist, featured, year, body);
        String text = discord.awaitWebhook(submit, 1).visibleText();
        Matcher m = Pattern.compile("(?:Added essay|already stored as) #(\\d+)").matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    private Interaction submit(DiscordEmulator discord, String modalId, String title, String artist, String featured,
            String year, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("artist", artist);
        fields.put("featured", featured);
        fields.put("year", year);
        fields.put("body", body);
        Interaction i = discord.modalSubmit(moderatorB, modalId, fields);
        JsonNode ack = discord.awaitCallback(i).body();
        assertEquals(5, ack.path("type").asInt(), ack.toString());
        return i;
    }
}
