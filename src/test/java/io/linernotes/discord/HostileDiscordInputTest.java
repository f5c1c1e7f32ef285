package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;
import static io.linernotes.discord.emulation.DiscordEmulator.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Hostile inputs through Discord: each gets a private reply in plain words, and nothing is stored half-way")
class HostileDiscordInputTest {
    static final String GUILD = "500000000000000041";
    static final String CHANNEL = "600000000000000041";
    static final String MOD_ROLE = "800000000000000041";
    static final Actor MOD = Actor.member(GUILD, CHANNEL, "390000000000000001", Actor.MEMBER | Actor.MANAGE_GUILD,
            MOD_ROLE);
    static final Actor DM = Actor.dm("390000000000000002");
    /** Discord error codes, HTTP statuses and Java internals that must never reach a user. */
    static final Pattern LEAK = Pattern.compile("(?i)exception|\\bat [a-z]+\\.[a-z]|\\b(10062|50035|40060|10008)\\b"
            + "|stack ?trace|\\bnull\\b|\\bHTTP \\d{3}\\b|\\b(404|500)\\b");

    @TempDir
    static Path dataDir;
    static BotHarness harness;
    static DiscordEmulator discord;

    @BeforeAll
    static void start() throws Exception {
        harness = new BotHarness(dataDir, BotHarness.config(List.of()),
                new EmulatedGuild(GUILD, CHANNEL, Map.of(MOD_ROLE, Actor.MANAGE_GUILD)));
        discord = harness.discord;
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    /** What a case expects: a private refusal, or an answer (the trick is undone), and how many essays it adds. */
    enum Outcome { REFUSED, ANSWERED, STORED }

    /** Sends one hostile input; returns the request that carries the bot's reply. */
    interface Attack extends Function<DiscordEmulator, RecordedRequest> {
        /** What must exist before the case (counted in "before"). */
        default void prepare(DiscordEmulator d) {
        }
    }

    static Stream<Arguments> cases() {
        String longText = "why ".repeat(1_499) + "why?";
        String body4000 = essayBody(4_000);
        String body4001 = essayBody(4_001);
        String dupBody = essayBody(600).replace("x", "y");
        return Stream.of(
                // questions
                c("empty /ask", Outcome.REFUSED, "Ask me a question in words", ask("")),
                c("blank /ask", Outcome.REFUSED, "Ask me a question in words", ask("   \t  ")),
                c("6,000-character /ask", Outcome.REFUSED, "That question is too long (6,000 characters)",
                        ask(longText)),
                c("emoji-only /ask", Outcome.REFUSED, "I need words to go on", ask("🎵🎶🔥💯🤔")),
                c("mentions-only /ask", Outcome.REFUSED, "I need words to go on", ask("@everyone <@123> <@&456>")),
                c("@here and channel tags /ask", Outcome.REFUSED, "I need words to go on", ask("@here <#789> <@!42>")),
                c("zero-width-only /ask", Outcome.REFUSED, "I need words to go on", ask("\u200B\u200C\u200D\uFEFF")),
                c("bidi-controls-only /ask", Outcome.REFUSED, "I need words to go on", ask("\u202E\u2066\u2069\u200F")),
                c("zero-width inside a title /ask", Outcome.ANSWERED, "Runaway — Kanye West",
                        ask("what is Run\u200Baway by Kan\u200Dye West about?")),
                c("RTL override around a title /ask", Outcome.ANSWERED, "Runaway — Kanye West",
                        ask("what is \u202ERunaway\u202C by Kanye West about? @everyone")),
                c("empty /meaning song", Outcome.REFUSED, "Tell me which song", meaning("", null)),
                c("6,000-character /meaning song", Outcome.REFUSED, "That song name is too long", meaning(longText, null)),
                c("emoji /meaning song", Outcome.REFUSED, "I need words to go on", meaning("🎸🎸🎸", null)),
                c("6,000-character /meaning question", Outcome.REFUSED, "That question is too long",
                        meaning("Runaway", longText)),
                c("emoji-only DM", Outcome.REFUSED, "I need words to go on", dm("😂😂😂")),
                c("6,000-character DM", Outcome.REFUSED, "That question is too long (6,000 characters)", dm(longText)),
                c("mentions-only DM", Outcome.REFUSED, "I need words to go on", dm("@everyone <@123> <@&456>")),
                // attachments
                c(".pdf attachment", Outcome.REFUSED, "Please attach a .txt or .md file", attach("essay.pdf", 100,
                        "%PDF-1.7".getBytes(StandardCharsets.UTF_8), null)),
                c(".exe attachment", Outcome.REFUSED, "Please attach a .txt or .md file", attach("setup.exe", 100,
                        new byte[] {'M', 'Z'}, null)),
                c(".png attachment", Outcome.REFUSED, "Please attach a .txt or .md file", attach("cover.png", 100,
                        new byte[] {(byte) 0x89, 'P', 'N', 'G'}, null)),
                c("declared size over the limit", Outcome.REFUSED, "That file is too large", attach("huge.md",
                        50_000_000, "tiny".getBytes(StandardCharsets.UTF_8), null)),
                c("downloaded size over the limit", Outcome.REFUSED, "larger than it said", attach("liar.md", 200,
                        new byte[200_000], null)),
                c("download answers 404", Outcome.REFUSED, "I could not download that file", attach("gone.md", 200,
                        null, BrokenFile.NOT_FOUND)),
                c("download answers 500", Outcome.REFUSED, "I could not download that file", attach("err.md", 200,
                        null, BrokenFile.SERVER_ERROR)),
                c("download cut short", Outcome.REFUSED, "I could not download that file", attach("cut.md", 4_096,
                        null, BrokenFile.CUT_SHORT)),
                // the essay form
                c("form title of 1,000 characters", Outcome.REFUSED,
                        "The song title is too long (1,000 characters; at most 200)",
                        form("T".repeat(1_000), "Artist", "", essayBody(300))),
                c("form artist of 201 characters", Outcome.REFUSED, "The artist is too long (201 characters",
                        form("Title", "A".repeat(201), "", essayBody(300))),
                c("form year of five digits", Outcome.REFUSED, "The year is too long", form("Title", "Artist", "20100",
                        essayBody(300))),
                c("form body too short", Outcome.REFUSED, "The essay is too short", form("Title", "Artist", "", "short")),
                c("form body of 4,001 characters", Outcome.REFUSED,
                        "The essay is too long for the form (4,001 characters; at most 4,000)",
                        form("Edge Song", "Edge Band", "", body4001)),
                c("form body of exactly 4,000 characters", Outcome.STORED, "Added essay #",
                        form("Edge Song", "Edge Band", "", body4000)),
                c("form duplicate of a stored essay", Outcome.REFUSED, "That essay is already stored as #",
                        duplicate(form("Twice Told", "Echo Band", "", dupBody))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("hostile input")
    void hostileInput(String name, Outcome outcome, String words, Attack attack) {
        Scope scope = Scope.guild(GUILD);
        attack.prepare(discord);
        int before = harness.engine.essays().list(scope).size();
        RecordedRequest reply = attack.apply(discord);
        int after = harness.engine.essays().list(scope).size();
        String text = reply.visibleText();
        assertTrue(text.contains(words), name + ": expected '" + words + "' in: " + text);
        assertFalse(LEAK.matcher(text).find(), name + ": leaks an error code or internals: " + text);
        assertEquals(outcome == Outcome.STORED ? before + 1 : before, after, name + ": essays stored");
        if (outcome != Outcome.ANSWERED && !reply.path().startsWith("channels/")) {
            assertTrue(privateReply(reply), name + ": only the user sees it: " + reply);
        }
        JsonNode mentions = reply.messageBody().path("allowed_mentions");
        assertTrue(mentions.isMissingNode() || mentions.path("parse").isEmpty(), name + ": " + mentions);
    }

    /** Ephemeral: flag 64 on the reply itself, or on the deferral its edit belongs to. */
    private static boolean privateReply(RecordedRequest reply) {
        if ((reply.messageBody().path("flags").asInt() & 64) != 0) {
            return true;
        }
        String token = reply.path().split("/")[2];
        return discord.requests(r -> r.is("POST", "interactions/") && r.path().contains("/" + token + "/"))
                .stream().anyMatch(r -> (r.body().path("data").path("flags").asInt() & 64) != 0);
    }

    private static Arguments c(String name, Outcome outcome, String words, Attack attack) {
        return Arguments.of(name, outcome, words, attack);
    }

    private static Attack ask(String question) {
        return d -> reply(d, d.slash(MOD, "ask", option("question", question)));
    }

    private static Attack meaning(String song, String question) {
        return d -> reply(d, question == null ? d.slash(MOD, "meaning", option("song", song))
                : d.slash(MOD, "meaning", option("song", song), option("question", question)));
    }

    private static Attack dm(String content) {
        return d -> {
            String id = d.directMessage(DM, content);
            return d.await("reply to DM", r -> r.is("POST", "channels/" + DM.channelId() + "/messages")
                    && r.body().path("message_reference").path("message_id").asText().equals(id));
        };
    }

    private static Attack attach(String fileName, long declaredSize, byte[] content, BrokenFile broken) {
        return d -> {
            String url = broken == null ? d.serveFile(fileName, content) : d.serveBroken(fileName, broken);
            int downloadsBefore = d.downloads().size();
            RecordedRequest reply = reply(d, d.slashWithAttachment(MOD, "essay", "add", "attachment", fileName,
                    declaredSize, url, "application/octet-stream"));
            long downloads = d.downloads().stream().skip(downloadsBefore)
                    .filter(dl -> url.endsWith(dl.key())).count();
            boolean mayDownload = (fileName.endsWith(".md") || fileName.endsWith(".txt")) && declaredSize < 1_000_000;
            assertTrue(mayDownload || downloads == 0, fileName + ": refused before downloading, yet downloaded");
            return reply;
        };
    }

    private static Attack form(String title, String artist, String year, String body) {
        return d -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("title", title);
            fields.put("artist", artist);
            fields.put("featured", "");
            fields.put("year", year);
            fields.put("body", body);
            return reply(d, d.modalSubmit(MOD, "essay:add", fields));
        };
    }

    /** Submits the form once (stored, before counting), then the same again: the case under test. */
    private static Attack duplicate(Attack form) {
        return new Attack() {
            @Override
            public void prepare(DiscordEmulator d) {
                assertTrue(form.apply(d).visibleText().contains("Added essay #"));
            }

            @Override
            public RecordedRequest apply(DiscordEmulator d) {
                return form.apply(d);
            }
        };
    }

    /** The reply that carries words: an immediate callback message, or the edit after a deferral. */
    private static RecordedRequest reply(DiscordEmulator d, Interaction i) {
        RecordedRequest callback = d.awaitCallback(i);
        if (callback.body().path("type").asInt() == 4) {
            return callback;
        }
        return d.awaitWebhook(i, 1);
    }

    private static String essayBody(int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append("This paragraph reads the song as a letter never sent, line by line. ");
            if (sb.length() % 700 < 70) {
                sb.append("\n\n");
            }
        }
        sb.setLength(length - 1);
        return sb.append('x').toString();
    }
}
