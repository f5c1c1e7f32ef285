package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.focused;
import static io.linernotes.discord.emulation.DiscordEmulator.intOption;
import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static io.linernotes.discord.emulation.DiscordEmulator.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.core.Scope;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.EmulatedGuild;
import io.linernotes.essay.Essay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("/essay: moderators manage their server's essays; nobody else can, and other servers cannot see them")
class EssayCommandsTest {
    static final String GUILD = "500000000000000003";
    static final String CHANNEL = "600000000000000003";
    static final String OTHER_GUILD = "500000000000000004";
    static final String OTHER_CHANNEL = "600000000000000004";
    static final String MOD_ROLE = "800000000000000001";
    static final String CURATOR_ROLE = "800000000000000002";
    static final String OTHER_MOD_ROLE = "800000000000000003";

    @TempDir
    static Path dataDir;
    static BotHarness harness;
    static RecordingServices services;
    static DiscordEmulator discord;

    final Actor moderator = Actor.member(GUILD, CHANNEL, "320000000000000001", Actor.MEMBER | Actor.MANAGE_GUILD, MOD_ROLE);
    final Actor curator = Actor.member(GUILD, CHANNEL, "320000000000000002", Actor.MEMBER, CURATOR_ROLE);
    final Actor member = Actor.member(GUILD, CHANNEL, "320000000000000003", Actor.MEMBER);
    final Actor otherModerator = Actor.member(OTHER_GUILD, OTHER_CHANNEL, "320000000000000004",
            Actor.MEMBER | Actor.MANAGE_GUILD, OTHER_MOD_ROLE);

    @BeforeAll
    static void start() throws Exception {
        harness = new BotHarness(dataDir, BotHarness.config(List.of(CURATOR_ROLE)),
                new EmulatedGuild(GUILD, CHANNEL, Map.of(MOD_ROLE, Actor.MANAGE_GUILD, CURATOR_ROLE, 0L)),
                new EmulatedGuild(OTHER_GUILD, OTHER_CHANNEL, Map.of(OTHER_MOD_ROLE, Actor.MANAGE_GUILD)));
        discord = harness.discord;
        services = harness.services;
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    @DisplayName("the add form is a modal of Label-wrapped inputs; submitting it stores an essay /meaning then finds")
    void modalAddThenMeaningFindsIt() {
        Interaction open = discord.slash(moderator, "essay", sub("add"));
        JsonNode modal = discord.awaitCallback(open).body();
        assertEquals(9, modal.path("type").asInt());
        assertEquals("essay:add", modal.path("data").path("custom_id").asText());
        List<String> inputs = new ArrayList<>();
        for (JsonNode label : modal.path("data").path("components")) {
            assertEquals(18, label.path("type").asInt(), "a Label");
            assertEquals(4, label.path("component").path("type").asInt(), "wrapping a text input");
            inputs.add(label.path("component").path("custom_id").asText());
        }
        assertEquals(List.of("title", "artist", "featured", "year", "body"), inputs);

        String id = submitEssay(moderator, "essay:add", "Hallelujah", "Leonard Cohen",
                "The song weighs sacred and profane love against each other, verse by verse.");
        Interaction ask = discord.slash(moderator, "meaning", option("song", "Hallelujah"));
        String answer = discord.awaitWebhook(ask, 1).visibleText();
        assertTrue(answer.contains("sacred and profane") && answer.contains("essay #" + id), answer);

        Interaction elsewhere = discord.slash(otherModerator, "meaning", option("song", "Hallelujah"));
        String there = discord.awaitWebhook(elsewhere, 1).visibleText();
        assertFalse(there.contains("sacred"), "another server cannot see this server's essay: " + there);
        Interaction suggest = discord.autocomplete(otherModerator, "meaning", focused("song", "halle"));
        assertEquals(0, discord.awaitCallback(suggest).body().path("data").path("choices").size());
    }

    /**
     * Fails on the engine as merged: with vectors off (BM25 only) a resolved song whose essays share no word
     * with the question ("What is this song about?" against this body) retrieves no passage, so the answer is
     * "no commentary" although an essay exists. See the report of the Discord integration.
     */
    @Test
    @DisplayName("an essay sharing no word with the default question is still what /meaning answers from")
    void essayWithNoWordOfTheQuestionIsStillAnswered() {
        String id = submitEssay(moderator, "essay:add", "Suzanne", "Leonard Cohen",
                "Suzanne weighs sacred and profane love against each other, verse by verse.");
        Interaction ask = discord.slash(moderator, "meaning", option("song", "Suzanne"));
        String answer = discord.awaitWebhook(ask, 1).visibleText();
        assertTrue(answer.contains("sacred and profane") && answer.contains("essay #" + id), answer);
    }

    @Test
    @DisplayName("a .txt attachment is downloaded from its URL and imported into the server's scope")
    void attachmentAdd() {
        byte[] file = ("Meaning of 'Stan' by 'Eminem'\n\nStan is told through letters from a fan whose devotion "
                + "curdles into obsession.").getBytes(StandardCharsets.UTF_8);
        Interaction add = discord.slashWithAttachment(moderator, "essay", "add", "attachment", "stan.txt", file);
        JsonNode ack = discord.awaitCallback(add).body();
        assertEquals(5, ack.path("type").asInt());
        assertEquals(64, ack.path("data").path("flags").asInt() & 64, "privately");
        String reply = discord.awaitWebhook(add, 1).visibleText();
        assertTrue(reply.contains("Added:") && reply.contains("Stan — Eminem"), reply);
        // The demo essays already hold a shared essay on Stan: find the imported one by its words.
        Essay stored = services.list(Scope.guild(GUILD)).stream().filter(e -> e.body().contains("curdles"))
                .findFirst().orElseThrow();
        assertEquals(Scope.guild(GUILD), stored.scope());
        assertTrue(stored.body().contains("curdles into obsession"));
    }

    @Test
    @DisplayName("edit pre-fills the form; history lists revisions; restore brings an old one back; remove asks first")
    void editHistoryRestoreRemove() {
        String id = submitEssay(moderator, "essay:add", "Jolene", "Dolly Parton",
                "Jolene is a plea to a rival, sung without any anger at all.");
        Interaction edit = discord.slash(moderator, "essay", sub("edit", intOption("id", Long.parseLong(id))));
        JsonNode modal = discord.awaitCallback(edit).body();
        assertEquals("essay:edit:" + id, modal.path("data").path("custom_id").asText());
        assertEquals("Jolene is a plea to a rival, sung without any anger at all.",
                modal.path("data").path("components").get(4).path("component").path("value").asText());

        Interaction save = submit(moderator, "essay:edit:" + id, "Jolene", "Dolly Parton",
                "Jolene is a plea to a rival: fear, admiration and no anger.");
        assertTrue(discord.awaitWebhook(save, 1).visibleText().contains("revision 2"));

        Interaction history = discord.slash(moderator, "essay", sub("history", intOption("id", Long.parseLong(id))));
        String revisions = discord.awaitWebhook(history, 1).visibleText();
        assertTrue(revisions.contains("revision 1 · add") && revisions.contains("revision 2 · edit"), revisions);

        Interaction restore = discord.slash(moderator, "essay",
                sub("restore", intOption("id", Long.parseLong(id)), intOption("revision", 1)));
        assertTrue(discord.awaitWebhook(restore, 1).visibleText().contains("now revision 3"));
        assertTrue(services.find(Long.parseLong(id), Scope.guild(GUILD)).orElseThrow().body().contains("without any anger"));

        Interaction remove = discord.slash(moderator, "essay", sub("remove", intOption("id", Long.parseLong(id))));
        JsonNode confirm = discord.awaitCallback(remove).body();
        assertEquals(4, confirm.path("type").asInt());
        assertEquals("essay:remove:" + id, AnswerCommandsTest.customIds(confirm.path("data")).get(0));
        assertTrue(services.find(Long.parseLong(id), Scope.guild(GUILD)).isPresent(), "nothing removed before the click");
        Interaction click = discord.button(moderator, "essay:remove:" + id);
        assertTrue(discord.awaitWebhook(click, 1).visibleText().contains("Removed essay #" + id));
        assertTrue(services.find(Long.parseLong(id), Scope.guild(GUILD)).isEmpty());
    }

    @ParameterizedTest(name = "a plain member is refused: {0}")
    @ValueSource(strings = {"slash add", "modal submit", "remove button", "list"})
    @DisplayName("members without Manage Server or a moderator role are refused and nothing is stored")
    void nonModeratorsAreRefused(String attempt) {
        int before = services.list(Scope.guild(GUILD)).size();
        Interaction i = switch (attempt) {
            case "slash add" -> discord.slash(member, "essay", sub("add"));
            case "modal submit" -> submitForm(member, "essay:add", "Intruder", "Nobody", "This essay should never be stored anywhere.");
            case "remove button" -> discord.button(member, "essay:remove:1");
            default -> discord.slash(member, "essay", sub("list"));
        };
        JsonNode reply = discord.awaitCallback(i).body();
        assertEquals(4, reply.path("type").asInt());
        assertEquals(64, reply.path("data").path("flags").asInt() & 64);
        assertEquals(EssayCommand.REFUSED, reply.path("data").path("content").asText());
        assertEquals(before, services.list(Scope.guild(GUILD)).size());
    }

    @Test
    @DisplayName("a configured moderator role may manage essays without Manage Server")
    void configuredRoleIsAModerator() {
        Interaction open = discord.slash(curator, "essay", sub("add"));
        assertEquals(9, discord.awaitCallback(open).body().path("type").asInt());
    }

    @Test
    @DisplayName("gaps list questions that found no essay")
    void gapsListUnansweredQuestions() {
        Interaction ask = discord.slash(member, "ask", option("question", "what is Bohemian Rhapsody about"));
        discord.awaitWebhook(ask, 1);
        Interaction gaps = discord.slash(moderator, "essay", sub("gaps"));
        String text = discord.awaitWebhook(gaps, 1).visibleText();
        assertTrue(text.contains("no essay: \"what is Bohemian Rhapsody about\""), text);
    }

    private String submitEssay(Actor actor, String modalId, String title, String artist, String body) {
        Interaction submit = submit(actor, modalId, title, artist, body);
        String text = discord.awaitWebhook(submit, 1).visibleText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Added essay #(\\d+)").matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    private Interaction submit(Actor actor, String modalId, String title, String artist, String body) {
        Interaction i = submitForm(actor, modalId, title, artist, body);
        JsonNode ack = discord.awaitCallback(i).body();
        assertEquals(5, ack.path("type").asInt());
        return i;
    }

    private Interaction submitForm(Actor actor, String modalId, String title, String artist, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("artist", artist);
        fields.put("featured", "");
        fields.put("year", "");
        fields.put("body", body);
        return discord.modalSubmit(actor, modalId, fields);
    }
}
