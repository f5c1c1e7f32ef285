package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The test catalogue of {@code song-fixtures/catalogue.jsonl} (songs written for these tests), with a
 * plain "which essays quote this line" lookup over its leads standing in for the retrieval layer.
 */
final class FixtureCatalogue {

    final List<SongCatalog.Entry> entries = new ArrayList<>();

    static FixtureCatalogue load() {
        FixtureCatalogue f = new FixtureCatalogue();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                FixtureCatalogue.class.getResourceAsStream("/song-fixtures/catalogue.jsonl")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                List<String> featured = new ArrayList<>();
                n.path("featured").forEach(x -> featured.add(x.asText()));
                Integer year = n.path("year").isNumber() ? n.path("year").asInt() : null;
                Song song = new Song(n.path("id").asLong(), n.path("title").asText(), n.path("artist").asText(),
                        featured, year, null);
                Scope scope = Scope.fromKey(n.path("scope").asText("global"));
                f.entries.add(new SongCatalog.Entry(song, Set.of(scope), n.path("lead").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    SongCatalog catalog() {
        return SongCatalog.of(entries);
    }

    /** Ids of the songs whose essay (visible to the reader) contains {@code line}, after folding. */
    List<Long> songsQuoting(String line, Scope reader) {
        String needle = TextNormalizer.fold(line);
        List<Long> out = new ArrayList<>();
        if (needle.isEmpty()) {
            return out;
        }
        for (SongCatalog.Entry e : entries) {
            boolean visible = e.scopes().stream().anyMatch(reader::canSee);
            if (visible && (" " + e.opening().words() + " ").contains(" " + needle + " ")) {
                out.add(e.song().id());
            }
        }
        return out;
    }
}
