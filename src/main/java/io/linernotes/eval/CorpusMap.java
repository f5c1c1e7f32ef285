package io.linernotes.eval;

import io.linernotes.core.Song;
import io.linernotes.essay.Essay;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links the songs of the store back to corpus records, since the store keeps no corpus id. An essay is matched
 * to a record by, in order: its source ({@code "Wikipedia: <wiki_title>"}, optionally followed by
 * {@code " (licence)"}, which is what the JSON Lines importer writes); title and artist; the opening of its
 * body; its title when only one record has it. Several records may land on one stored song when the store
 * merged them.
 */
public final class CorpusMap {

    private static final Logger log = LoggerFactory.getLogger(CorpusMap.class);
    private static final int BODY_PREFIX = 160;

    private final Map<Long, Set<String>> idsBySong;
    private final Map<String, String> storedArtistById;
    private final int unmatched;

    private CorpusMap(Map<Long, Set<String>> idsBySong, Map<String, String> storedArtistById, int unmatched) {
        this.idsBySong = idsBySong;
        this.storedArtistById = storedArtistById;
        this.unmatched = unmatched;
    }

    public static CorpusMap of(List<CorpusRecord> records, List<Essay> essays) {
        Map<String, CorpusRecord> bySource = new HashMap<>();
        Map<String, List<CorpusRecord>> byTitleArtist = new HashMap<>();
        Map<String, List<CorpusRecord>> byTitle = new HashMap<>();
        Map<String, List<CorpusRecord>> byBody = new HashMap<>();
        for (CorpusRecord r : records) {
            if (r.wikiTitle() != null) {
                bySource.put("Wikipedia: " + r.wikiTitle(), r);
            }
            byTitleArtist.computeIfAbsent(Texts.key(r.title()) + "|" + Texts.key(r.artist()), k -> new java.util.ArrayList<>()).add(r);
            byTitle.computeIfAbsent(Texts.key(r.title()), k -> new java.util.ArrayList<>()).add(r);
            byBody.computeIfAbsent(bodyKey(r.text()), k -> new java.util.ArrayList<>()).add(r);
        }
        Map<Long, Set<String>> idsBySong = new HashMap<>();
        Map<String, String> artists = new HashMap<>();
        int unmatched = 0;
        for (Essay e : essays) {
            Optional<CorpusRecord> match = bySource(bySource, e.source())
                    .or(() -> only(byTitleArtist.get(Texts.key(e.song().title()) + "|" + Texts.key(e.song().artist()))))
                    .or(() -> only(byBody.get(bodyKey(e.body()))))
                    .or(() -> only(byTitle.get(Texts.key(e.song().title()))));
            if (match.isEmpty()) {
                unmatched++;
                log.debug("essay {} ({}) matches no corpus record", e.id(), e.song().label());
                continue;
            }
            idsBySong.computeIfAbsent(e.song().id(), k -> new HashSet<>()).add(match.get().id());
            artists.put(match.get().id(), e.song().artist());
        }
        if (unmatched > 0) {
            log.warn("{} stored essays match no corpus record", unmatched);
        }
        return new CorpusMap(idsBySong, artists, unmatched);
    }

    /** The corpus ids of a stored song; empty for null or an unknown song. */
    public Set<String> idsOf(Song song) {
        return song == null ? Set.of() : idsBySong.getOrDefault(song.id(), Set.of());
    }

    /** The artist the store holds for a corpus record (read from its text when the record had none). */
    public Optional<String> storedArtist(String corpusId) {
        return Optional.ofNullable(storedArtistById.get(corpusId));
    }

    /** Corpus ids that reached the store. */
    public Set<String> storedIds() {
        return idsBySong.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    }

    public int unmatchedEssays() {
        return unmatched;
    }

    /**
     * The artist an answer must name for a record: the record's own, else what the store read from its text.
     */
    public static Function<String, Optional<String>> expectedArtist(List<CorpusRecord> records, CorpusMap map) {
        Map<String, String> recorded = new HashMap<>();
        records.stream().filter(r -> r.artist() != null).forEach(r -> recorded.put(r.id(), r.artist()));
        return id -> Optional.ofNullable(recorded.get(id)).or(() -> map.storedArtist(id));
    }

    private static Optional<CorpusRecord> bySource(Map<String, CorpusRecord> bySource, String source) {
        if (source == null) {
            return Optional.empty();
        }
        CorpusRecord exact = bySource.get(source);
        if (exact != null) {
            return Optional.of(exact);
        }
        // "Wikipedia: Glass Harbour (Orrin song) (CC BY-SA 3.0)": try every cut before a " (".
        for (int i = source.indexOf(" ("); i > 0; i = source.indexOf(" (", i + 1)) {
            CorpusRecord r = bySource.get(source.substring(0, i));
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static Optional<CorpusRecord> only(List<CorpusRecord> candidates) {
        return candidates != null && candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static String bodyKey(String body) {
        String key = Texts.key(body);
        return key.length() <= BODY_PREFIX ? key : key.substring(0, BODY_PREFIX);
    }
}
