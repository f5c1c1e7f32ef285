package io.linernotes.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.app.Engine;
import io.linernotes.config.ModelConfig;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.essay.EssayDraft;
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
 * Autocomplete and the song picker hand the engine {@link Song#label()} as the song option: every label the
 * engine gives out must lead back to exactly that song, including two songs that share a title.
 */
@DisplayName("The song label the bot passes as a hint resolves to that very song")
class SongHintTest {
    @TempDir
    static Path dataDir;
    static Engine engine;
    static EngineBotServices services;

    @BeforeAll
    static void open() throws Exception {
        engine = Engine.open(BotHarness.engineConfig(dataDir, ModelConfig.defaults()), Path.of("prompts"), k -> null);
        services = EngineBotServices.of(engine);
        services.add(new EssayDraft("Hurt", "Nine Inch Nails", List.of(), 1994, null, null, null,
                "The song Hurt by Nine Inch Nails is about self-harm and addiction."), Scope.GLOBAL);
        services.add(new EssayDraft("Hurt", "Johnny Cash", List.of(), 2002, null, null, null,
                "The song Hurt, sung by Johnny Cash, becomes an old man's look back at a life."), Scope.GLOBAL);
        services.add(new EssayDraft("Runaway", "Del Shannon", List.of(), 1961, null, null, null,
                "This song is about a love who has run away, in a falsetto that breaks."), Scope.GLOBAL);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    @DisplayName("every song's label, offered by autocomplete, answers about that song")
    void everyLabelResolvesToItsSong() {
        Map<Long, Song> songs = new LinkedHashMap<>();
        services.list(Scope.GLOBAL).forEach(e -> songs.putIfAbsent(e.song().id(), e.song()));
        assertEquals(8, songs.size(), "five demo songs and three added, two of them sharing a title with another");
        for (Song song : songs.values()) {
            List<Song> offered = services.suggestSongs(song.title(), Scope.GLOBAL, 25);
            assertEquals(true, offered.stream().anyMatch(s -> s.id() == song.id()), "autocomplete offers " + song.label());
            Answer answer = services.answer(AnswerRequest.meaning(song.label(), "What is this song about?", Scope.GLOBAL),
                    text -> { });
            assertEquals(Answer.Status.ANSWERED, answer.status(), song.label() + ": " + answer.text());
            assertEquals(song.id(), answer.song().id(), song.label());
        }
    }
}
