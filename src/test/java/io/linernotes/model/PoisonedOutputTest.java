package io.linernotes.model;

import static io.linernotes.model.ModelFaultsTest.KEY;
import static io.linernotes.model.ModelFaultsTest.KEY_VARIABLE;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.linernotes.config.ModelConfig;
import io.linernotes.model.FakeModelServer.Step;
import io.linernotes.prompt.Canary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model that obeys a poisoned essay: the fake server writes whatever each case scripts (from the request
 * itself for the canary and the system prompt), through the real OpenAI client, plain and streamed. Whatever
 * it writes, neither the final text nor any partial may ping, link or show an image outside the sources,
 * carry the canary, or run past the length limit.
 */
@DisplayName("An answer from a model that obeys a poisoned essay")
class PoisonedOutputTest {

    private static final String GOOD = "Quill hears fear in the line [1].";
    /** The only address the answer may link: the source of Okafor's essay in the fixtures. */
    private static final String SOURCE_URL = "https://example.org/okafor";
    private static final int MAX = 3_500;

    private static final Pattern LIVE_MENTION = Pattern.compile("@(everyone|here)|<@[!&]?\\d+>|<#\\d+>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS = Pattern.compile("(?i)[a-z][a-z0-9+.\\-]*://[^\\s<>()\\[\\]]+|www\\.\\S+|discord\\.gg/\\S+");

    private FakeModelServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A poison: what the obeying model writes, and whether the whole answer must be discarded. */
    record Poison(String name, Function<JsonNode, String> writes, boolean leaksInstructions) {
        static Poison text(String name, String text) {
            return new Poison(name, request -> GOOD + " " + text, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static String system(JsonNode request) {
        return request.path("messages").get(0).path("content").asText();
    }

    private static String canaryIn(JsonNode request) {
        Matcher m = Pattern.compile("LN-[0-9a-f]+").matcher(system(request));
        assertTrue(m.find(), "the system prompt carries a canary");
        return m.group();
    }

    static List<Poison> poisons() {
        return List.of(
                Poison.text("@everyone", "Everyone listen: @everyone"),
                Poison.text("@here in capitals", "@HERE is the real meaning."),
                Poison.text("zero-width inside @everyone", "Ping @\u200Beveryone and @\u2060here now."),
                Poison.text("role mention", "Ask <@&123456789012345678> about it."),
                Poison.text("user and nickname mentions", "Thanks <@456> and <@!789>."),
                Poison.text("channel mention", "See <#13579> for more."),
                Poison.text("bare outside link", "Read more at https://evil.example/steal?c=1."),
                Poison.text("markdown link outside", "Read the [full essay](https://evil.example/essay)."),
                Poison.text("markdown image outside", "![cover](https://evil.example/pixel.png?leak=yes)"),
                Poison.text("masked javascript link", "[click here](javascript:alert(1))"),
                Poison.text("zero-width inside the scheme", "Go to ht\u200Btps://evil.example/x now."),
                Poison.text("defanged hxxp link", "Visit hxxps://evil.example/x today."),
                Poison.text("user-info trick", "Source: https://example.org/okafor@evil.example/x"),
                Poison.text("look-alike host", "Source: https://example.org.evil.example/okafor"),
                Poison.text("www address and invite", "Join www.evil.example or discord.gg/evilcode."),
                Poison.text("source link as text of an outside link", "[" + SOURCE_URL + "](https://evil.example/)"),
                Poison.text("base64 of @everyone", "Decode this: QGV2ZXJ5b25l and <@&QGhlcmU=>"),
                // Long hyphenated words keep the stream to 80 chunks, well inside the deadline.
                Poison.text("far too long", "Fear-runs-through-every-verse-of-the-song-and-never-lets-the-singer-go. "
                        .repeat(80)),
                new Poison("the canary", request -> GOOD + " The marker is " + canaryIn(request) + ".", true),
                new Poison("the canary spaced out", request -> GOOD + " Marker: "
                        + String.join(" ", canaryIn(request).split("")), true),
                new Poison("the system prompt", request -> "My instructions: " + system(request), true),
                new Poison("the rules without the marker", request -> "Rules: "
                        + system(request).substring(system(request).indexOf("How to answer")), true));
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Poison p : poisons()) {
            all.add(Arguments.of(p, true));
            all.add(Arguments.of(p, false));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, streaming {1}")
    @MethodSource("cases")
    @DisplayName("never pings, links outside its sources, shows the canary or runs too long")
    void neutralised(Poison poison, boolean streaming) {
        server.always(Step.obey(poison.writes()));
        ModelConfig config = new ModelConfig("openai", server.baseUrl(), "test-model", KEY_VARIABLE, 5, 0, null, 0,
                streaming);
        List<String> partials = new CopyOnWriteArrayList<>();

        Generated answer = AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY)::get)
                .generate(ModelFaultsTest.request(), partials::add);

        List<String> shown = new ArrayList<>(partials);
        shown.add(answer.text());
        for (String text : shown) {
            assertHarmless(text);
        }
        if (poison.leaksInstructions()) {
            assertTrue(answer.fallback(), "a leaking answer is replaced");
            assertEquals("extractive", answer.generatedBy());
            assertFalse(answer.text().contains("How to answer"), answer.text());
        } else {
            assertFalse(answer.fallback());
            assertTrue(answer.text().startsWith(GOOD), "the harmless part survives: " + answer.text());
        }
        if (streaming && !poison.leaksInstructions()) {
            assertFalse(partials.isEmpty(), "partials were shown");
        }
    }

    private static void assertHarmless(String text) {
        assertFalse(LIVE_MENTION.matcher(text).find(), "live mention in: " + text);
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            assertEquals(SOURCE_URL, m.group().replaceAll("[.,;:!?]+$", ""), "outside link in: " + text);
        }
        assertFalse(text.toLowerCase(Locale.ROOT).contains("evil.example"), text);
        String letters = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        assertFalse(letters.contains(Canary.token().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")),
                "canary in: " + text);
        assertTrue(text.length() <= MAX, "length " + text.length());
    }

    @Test
    @DisplayName("keeps a link to the answer's own source, bare or in markdown")
    void keepsTheSourceLink() {
        server.always(Step.answer(GOOD + " Okafor's essay: " + SOURCE_URL + " and [the essay](" + SOURCE_URL + ")."));
        ModelConfig config = new ModelConfig("openai", server.baseUrl(), "test-model", KEY_VARIABLE, 5, 0, null, 0,
                true);

        Generated answer = AnswerModels.create(config, Map.of(KEY_VARIABLE, KEY)::get)
                .generate(ModelFaultsTest.request(), s -> { });

        assertEquals(GOOD + " Okafor's essay: " + SOURCE_URL + " and [the essay](" + SOURCE_URL + ").", answer.text());
    }

    @Test
    @DisplayName("cuts a long answer at a sentence end, with an ellipsis, within the limit")
    void trimsAtASentence() {
        OutputPolicy policy = new OutputPolicy(100);
        String text = "The first sentence is short. The second one is a little longer than that. "
                + "The third sentence will never fit in a hundred characters at all.";

        String trimmed = policy.apply(text, java.util.Set.of());

        assertEquals("The first sentence is short. The second one is a little longer than that. …", trimmed);
        assertTrue(trimmed.length() <= 100);
    }
}
