package io.linernotes.song;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shared Wikipedia songs corpus read as catalogue entries (test helper; the file may be absent). */
final class WikipediaSongsCorpus {

    static final Path SONGS = Path.of("..", "shared", "corpora", "wikipedia-songs", "songs.jsonl");
    static final Path DEV_QUESTIONS = Path.of("..", "shared", "eval", "dev-questions.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<SongCatalog.Entry> entries = new ArrayList<>();
    /** Corpus record id → catalogue song id (line number). */
    final Map<String, Long> idOf = new HashMap<>();
    final Map<Long, String> recordOf = new HashMap<>();

    static boolean present() {
        return Files.exists(SONGS);
    }

    static WikipediaSongsCorpus load() {
        WikipediaSongsCorpus c = new WikipediaSongsCorpus();
        try {
            long id = 1;
            for (String line : Files.readAllLines(SONGS)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                String artist = n.path("artist").isNull() ? "" : n.path("artist").asText("");
                Integer year = n.path("year").isNumber() ? n.path("year").asInt() : null;
                String text = n.path("text").asText("");
                Song song = new Song(id, n.path("title").asText(), artist, List.of(), year, null);
                c.entries.add(new SongCatalog.Entry(song, Set.of(Scope.GLOBAL), text.substring(0, Math.min(600, text.length()))));
                c.idOf.put(n.path("id").asText(), id);
                c.recordOf.put(id, n.path("id").asText());
                id++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    static List<JsonNode> devQuestions() {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(DEV_QUESTIONS)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
