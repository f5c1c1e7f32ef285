package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.focused;
import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.core.Scope;
import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.RecordedRequest;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayService;
import io.linernotes.feedback.Gap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("/meaning, /ask, autocomplete and the answer buttons, through JDA against the emulation")
class AnswerCommandsTest {
    static final String GUILD = "500000000000000001";
    static final String CHANNEL = "600000000000000001";
    static final String RUNAWAY_LABEL = "Runaway — Kanye West (feat. Pusha T) · 2010";
    static final String HOSTILE = "This song pings @everyone and @here and <@123456789012345678> and "
            + "<@&223456789012345678>: none of them should be notified by this essay about Noise.";

    @TempDir
    static Path dataDir;
    static BotHarness harness;
    static RecordingServices services;
    static DiscordEmulator discord;
    /** The bundled demo essays on Runaway (the engine imports them into a new data directory). */
    static List<Essay> runawayEssays;
    final Actor member = Actor.member(GUILD, CHANNEL, "300000000000000001", Actor.MEMBER);

    @BeforeAll
    static void start() throws Exception {
        harness = new BotHarness(dataDir, BotHarness.config(List.of()));
        discord = harness.discord;
        services = harness.services;
        EssayService essays = harness.engine.essays();
        List<EssayDraft> drafts = new ArrayList<>();
        drafts.add(new EssayDraft("Hurt", "Nine Inch Nails", List.of(), 1994, null, "Bo", null,
                "Hurt by Nine Inch Nails is about self-harm and addiction, sung from inside it."));
        drafts.add(new EssayDraft("Hurt", "Johnny Cash", List.of(), 2002, null, "Cy", null,
                "Johnny Cash's Hurt turns the same words into an old man's look back at a life."));
        drafts.add(new EssayDraft("Noise", "Test Band", List.of(), 2020, null, "Dee", null, HOSTILE));
        // Two songs whose labels differ only by an article: a label handed back to the resolver names both.
        drafts.add(new EssayDraft("Harbour", "The Lanterns", List.of(), 2001, null, "Eve", null,
                "Harbour by The Lanterns counts the ferries that never came back."));
        drafts.add(new EssayDraft("Harbour", "Lanterns", List.of(), 2001, null, "Fay", null,
                "Harbour by Lanterns is a drinking song for the night shift on the docks."));
        for (int i = 0; i < 30; i++) {
            drafts.add(new EssayDraft("Track " + i, "Filler", List.of(), 2000, null, null, null,
                    "Track " + i + " is a filler song on a filler album."));
        }
        essays.store(drafts, Scope.GLOBAL);
        runawayEssays = essays.list(Scope.GLOBAL).stream().filter(e -> e.song().title().equals("Runaway")).toList();
        assertEquals(2, runawayEssays.size(), "the demo essays hold two readings of Runaway");
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    @DisplayName("/meaning defers at once, then edits the reply with an embed citing the essay")
    void meaningDefersThenAnswersWithSources() {
        Interaction i = discord.slash(member, "meaning", option("song", RUNAWAY_LABEL));
        assertEquals(5, discord.awaitCallback(i).body().path("type").asInt(), "deferred");
        RecordedRequest edit = discord.awaitWebhook(i, "edit of @original",
                r -> r.is("PATCH", "webhooks/") && r.path().endsWith("/messages/@original"));
        String text = edit.visibleText();
        assertTrue(quotesAnEssay(text, runawayEssays), "quotes a demo essay on Runaway: " + text);
        Essay second = runawayEssays.stream().filter(e -> e.credit().contains("second reading")).findFirst().orElseThrow();
        assertTrue(text.contains("[1]") && text.contains("essay #" + second.id()) && text.contains(second.credit()), text);
        assertEquals(RUNAWAY_LABEL, edit.body().path("embeds").get(0).path("title").asText());
        List<String> buttons = customIds(edit.body());
        assertEquals(3, buttons.size(), buttons.toString());
        assertTrue(buttons.get(0).startsWith("answer:up:"));
        assertEquals("What is this song about?", services.requests.get(services.requests.size() - 1).question());
    }

    @Test
    @DisplayName("autocomplete answers at once with at most 25 song labels")
    void autocompleteOffersAtMost25Songs() {
        Interaction i = discord.autocomplete(member, "meaning", focused("song", "track"));
        JsonNode callback = discord.awaitCallback(i).body();
        assertEquals(8, callback.path("type").asInt());
        JsonNode choices = callback.path("data").path("choices");
        assertEquals(25, choices.size());
        for (JsonNode c : choices) {
            assertTrue(c.path("name").asText().startsWith("Track "), c.toString());
            assertTrue(c.path("name").asText().length() <= 100);
        }
        Interaction one = discord.autocomplete(member, "meaning", focused("song", "runa"));
        JsonNode only = discord.awaitCallback(one).body().path("data").path("choices");
        assertEquals(1, only.size());
        assertEquals(RUNAWAY_LABEL, only.get(0).path("value").asText());
    }

    @ParameterizedTest(name = "picking {0}")
    @CsvSource({"The Lanterns, ferries, drinking song", "Lanterns, drinking song, ferries"})
    @DisplayName("a pick from the menu answers the picked song by its id, though its label names another too")
    void pickAnswersThePickedSongById(String artist, String expected, String other) {
        Interaction ask = discord.slash(member, "ask", option("question", "what is harbour about"));
        JsonNode menu = discord.awaitWebhook(ask, 1).body().path("components").get(0).path("components").get(0);
        String picked = null;
        for (JsonNode o : menu.path("options")) {
            if (o.path("label").asText().equals("Harbour — " + artist + " · 2001")) {
                picked = o.path("value").asText();
            }
        }
        assertTrue(picked != null, "the menu offers Harbour by " + artist + ": " + menu);

        Interaction pick = discord.select(member, menu.path("custom_id").asText(), picked);

        String answer = discord.awaitWebhook(pick, 1).visibleText();
        assertTrue(answer.contains(expected), answer);
        assertFalse(answer.contains(other), answer);
        assertEquals(Long.valueOf(picked), services.lastRequest().songId(), "the engine was handed the song's id");
        assertEquals(null, services.lastRequest().songHint(), "not its label");
    }

    @Test
    @DisplayName("an ambiguous /ask offers a menu of songs, and the pick answers about the chosen one")
    void ambiguousAskOffersAPickerThatAnswers() {
        Interaction ask = discord.slash(member, "ask", option("question", "what does hurt mean"));
        RecordedRequest picker = discord.awaitWebhook(ask, 1);
        JsonNode menu = picker.body().path("components").get(0).path("components").get(0);
        assertEquals(3, menu.path("type").asInt(), "a string select menu");
        List<String> labels = new ArrayList<>();
        String cashId = null;
        for (JsonNode o : menu.path("options")) {
            labels.add(o.path("label").asText());
            if (o.path("label").asText().contains("Johnny Cash")) {
                cashId = o.path("value").asText();
            }
        }
        assertEquals(List.of("Hurt — Nine Inch Nails · 1994", "Hurt — Johnny Cash · 2002"), labels);
        Interaction pick = discord.select(member, menu.path("custom_id").asText(), cashId);
        assertEquals(6, discord.awaitCallback(pick).body().path("type").asInt(), "deferred edit of the picker");
        String answer = discord.awaitWebhook(pick, 1).visibleText();
        assertTrue(answer.contains("old man's look back"), answer);
        assertFalse(answer.contains("self-harm"), answer);
    }

    @Test
    @DisplayName("a correction note comes before the answer text")
    void correctionNoteComesFirst() {
        Interaction ask = discord.slash(member, "ask", option("question", "what is runaway by pusha t"));
        String description = discord.awaitWebhook(ask, 1).body().path("embeds").get(0).path("description").asText();
        assertTrue(description.startsWith("**Note:** \"Runaway\" is Kanye West's song, not pusha t's: pusha t is featured "
                + "on it.\n\n\u201CRunaway\u201D is a 2010 song by Kanye West featuring Pusha T."), description);
        assertTrue(description.indexOf("featured on it") < description.indexOf("[1]"), description);
    }

    @Test
    @DisplayName("no essay: a plain message, and the question becomes a gap")
    void noCommentaryIsPlainAndRecordedAsAGap() {
        Interaction ask = discord.slash(member, "ask", option("question", "what does Paranoid Android mean"));
        JsonNode body = discord.awaitWebhook(ask, 1).body();
        String content = body.path("content").asText().strip();
        assertTrue(content.startsWith("I don't have any commentary on") && content.contains("Paranoid Android")
                && content.contains("/essay add"), content);
        assertTrue(body.path("embeds").isEmpty() || body.path("embeds").size() == 0);
        assertTrue(harness.feedback.gaps(Scope.guild(GUILD), 10).stream()
                .anyMatch(g -> g.kind() == Gap.Kind.UNANSWERED && g.question().contains("Paranoid Android")));
    }

    @Test
    @DisplayName("mentions in stored text are neutralised and no message the bot sent may ping anyone")
    void mentionsAreNeutralisedEverywhere() {
        Interaction i = discord.slash(member, "meaning", option("song", "Noise"));
        String text = discord.awaitWebhook(i, 1).visibleText();
        assertTrue(text.contains("@\u200beveryone") && text.contains("@\u200bhere") && text.contains("<@\u200b123"), text);
        assertFalse(text.contains("@everyone") || text.contains("<@123") || text.contains("<@&"), text);
        List<RecordedRequest> messages = discord.requests(RecordedRequest::carriesMessage);
        assertFalse(messages.isEmpty());
        for (RecordedRequest r : messages) {
            JsonNode allowed = r.messageBody().path("allowed_mentions");
            assertTrue(allowed.path("parse").isArray() && allowed.path("parse").isEmpty(), r.toString());
        }
    }

    @Test
    @DisplayName("👍 and 👎 are stored per user; a net 👎 makes the answer a gap; Sources shows the passages privately")
    void votesAndSources() {
        Interaction i = discord.slash(member, "meaning", option("song", "Runaway"));
        RecordedRequest edit = discord.awaitWebhook(i, "answer with buttons", r -> !customIds(r.body()).isEmpty());
        List<String> ids = customIds(edit.body());
        long answerId = Long.parseLong(ids.get(0).substring("answer:up:".length()));

        Interaction up = discord.button(member, ids.get(0));
        JsonNode thanks = discord.awaitCallback(up).body();
        assertEquals(4, thanks.path("type").asInt());
        assertEquals(64, thanks.path("data").path("flags").asInt() & 64, "ephemeral");
        assertEquals(1, harness.feedback.score(answerId));

        Interaction change = discord.button(member, ids.get(1));
        discord.awaitCallback(change);
        Actor other = Actor.member(GUILD, CHANNEL, "300000000000000002", Actor.MEMBER);
        discord.awaitCallback(discord.button(other, ids.get(1)));
        assertEquals(-2, harness.feedback.score(answerId), "one 👎 per user, the second vote replaced the first");
        assertTrue(harness.feedback.gaps(Scope.guild(GUILD), 10).stream()
                .anyMatch(g -> g.kind() == Gap.Kind.DISLIKED && g.downVotes() == 2));

        Interaction sources = discord.button(member, ids.get(2));
        JsonNode shown = discord.awaitCallback(sources).body();
        assertEquals(64, shown.path("data").path("flags").asInt() & 64);
        // One embed per cited passage, holding the passage itself, titled with its number.
        JsonNode embeds = shown.path("data").path("embeds");
        long cited = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(edit.visibleText()).results()
                .map(m -> m.group(1)).distinct().count();
        assertEquals(cited, embeds.size(), embeds.toString());
        for (int n = 0; n < embeds.size(); n++) {
            JsonNode embed = embeds.get(n);
            assertTrue(embed.path("title").asText().startsWith("[" + (n + 1) + "] Runaway (Kanye West)"), embed.toString());
            // A passage may hold several paragraphs; the essay body is compared with white space folded.
            String passage = embed.path("description").asText().strip().replaceAll("\\s+", " ");
            assertTrue(runawayEssays.stream().anyMatch(e -> e.body().replaceAll("\\s+", " ").contains(passage)),
                    embed.toString());
        }
    }

    @Test
    @DisplayName("a rate-limited edit is retried by JDA and the answer still arrives")
    void rateLimitedEditIsRetried() {
        discord.rateLimitNext(r -> r.is("PATCH", "webhooks/"), 0.3);
        Interaction i = discord.slash(member, "meaning", option("song", "Runaway"));
        RecordedRequest refused = discord.awaitWebhook(i, 1);
        RecordedRequest retried = discord.awaitWebhook(i, 2);
        assertEquals(refused.path(), retried.path(), "the same edit, sent again after the 429");
        assertEquals(refused.body(), retried.body());
        assertTrue(quotesAnEssay(retried.visibleText(), runawayEssays), retried.visibleText());
    }

    /** Whether {@code text} quotes a whole sentence of one of {@code essays} (the extractive answer does). */
    static boolean quotesAnEssay(String text, List<Essay> essays) {
        for (Essay essay : essays) {
            for (String sentence : essay.body().split("(?<=[.!?])\\s+")) {
                if (sentence.length() >= 30 && text.contains(sentence.strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> customIds(JsonNode message) {
        List<String> ids = new ArrayList<>();
        for (JsonNode row : message.path("components")) {
            for (JsonNode c : row.path("components")) {
                if (c.has("custom_id")) {
                    ids.add(c.path("custom_id").asText());
                }
            }
        }
        return ids;
    }

    static void assertWithinLimits(JsonNode message) {
        assertTrue(message.path("content").asText("").length() <= 2_000);
        JsonNode embeds = message.path("embeds");
        assertTrue(embeds.size() <= 10, "at most 10 embeds");
        int total = 0;
        for (JsonNode e : embeds) {
            int description = e.path("description").asText("").length();
            assertTrue(description <= 4_096, "description of " + description);
            total += description + e.path("title").asText("").length() + e.path("footer").path("text").asText("").length();
        }
        assertTrue(total <= 6_000, "embeds of one message total " + total);
    }
}
