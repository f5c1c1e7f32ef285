package io.linernotes.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.DiscordConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The small parts of the Discord layer")
class SmallPartsTest {

    @Test
    @DisplayName("long text splits at paragraph breaks, every piece within the limit, nothing lost")
    void textSplitsAtBreaks() {
        String text = ("word ".repeat(300).strip() + "\n\n").repeat(10).strip();
        List<String> pieces = TextSplitter.split(text, 2_000);
        assertTrue(pieces.size() > 1);
        pieces.forEach(p -> assertTrue(p.length() <= 2_000, "piece of " + p.length()));
        assertEquals(text.replaceAll("\\s+", " "), String.join(" ", pieces).replaceAll("\\s+", " "));
        assertEquals(List.of("x".repeat(10), "x".repeat(5)), TextSplitter.split("x".repeat(15), 10));
    }

    @Test
    @DisplayName("the environment overrides the configured endpoints, and the REST base ends with a slash")
    void endpointsFromConfigAndEnvironment() {
        DiscordConfig config = DiscordConfig.defaults();
        assertEquals(new DiscordEndpoints("https://discord.com/api/v10/", "wss://gateway.discord.gg"),
                DiscordEndpoints.resolve(config, Map.of()));
        DiscordEndpoints local = DiscordEndpoints.resolve(config, Map.of(
                DiscordEndpoints.API_URL_ENV, "http://127.0.0.1:9/api/v10", DiscordEndpoints.GATEWAY_URL_ENV, "ws://127.0.0.1:8"));
        assertEquals("http://127.0.0.1:9/api/v10/", local.apiUrl());
        assertEquals("ws://127.0.0.1:8", local.gatewayUrl());
    }

    @Test
    @DisplayName("a missing token is explained and points to the console")
    void missingTokenIsExplained() {
        DiscordToken.MissingTokenException e = assertThrows(DiscordToken.MissingTokenException.class,
                () -> DiscordToken.fromEnvironment(Map.of(DiscordToken.ENV, " ")));
        assertTrue(e.getMessage().contains("DISCORD_TOKEN") && e.getMessage().contains("console"));
        assertEquals("abc", DiscordToken.fromEnvironment(Map.of(DiscordToken.ENV, " abc ")));
    }

    @Test
    @DisplayName("two features with one name are refused at start-up")
    void duplicateFeatureNamesAreRefused() {
        Feature help = new HelpCommand();
        assertThrows(IllegalArgumentException.class, () -> new Features(List.of(help, new HelpCommand())));
        Feature mismatched = new Feature() {
            @Override
            public String name() {
                return "one";
            }

            @Override
            public Optional<SlashCommandData> command() {
                return new HelpCommand().command();
            }
        };
        assertThrows(IllegalArgumentException.class, () -> new Features(List.of(mismatched)));
        assertEquals(1, new Features(List.of(help)).commands().size());
    }

    @Test
    @DisplayName("DM history keeps the last turns per user in the store, and another opening of it reads them")
    void conversationsAreBoundedAndKept(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (io.linernotes.feedback.FeedbackStore store = io.linernotes.feedback.FeedbackStore.open(dir)) {
            Conversations c = new Conversations(store.turns(), 2, java.time.Clock.systemUTC());
            for (int i = 0; i < 3; i++) {
                c.remember("a", new io.linernotes.answer.AnswerRequest.Turn("q" + i, i == 1 ? 7L : null));
            }
            c.remember("b", new io.linernotes.answer.AnswerRequest.Turn("x", null));
            assertEquals(List.of("q1", "q2"), c.history("a").stream().map(t -> t.question()).toList());
        }
        try (io.linernotes.feedback.FeedbackStore store = io.linernotes.feedback.FeedbackStore.open(dir)) {
            Conversations c = new Conversations(store.turns(), 2, java.time.Clock.systemUTC());
            assertEquals(List.of(new io.linernotes.answer.AnswerRequest.Turn("q1", 7L),
                    new io.linernotes.answer.AnswerRequest.Turn("q2", null)), c.history("a"));
            assertEquals(List.of("x"), c.history("b").stream().map(t -> t.question()).toList());
            assertTrue(c.history("nobody").isEmpty());
        }
    }
}
