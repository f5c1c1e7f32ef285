package io.linernotes.song;

import io.linernotes.essay.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The songs the store has commentary on, with the in-memory indexes that autocomplete and name
 * resolution need. Immutable: the owner builds a new catalogue after each write ({@link #with(Entry)},
 * {@link #without(long)} reuse the prepared songs, so only the indexes are rebuilt).
 */
public final class SongCatalog {

    private static final Logger log = LoggerFactory.getLogger(SongCatalog.class);
    private static final Comparator<SongProfile> ALPHABETICAL = Comparator.comparing(SongProfile::foldedTitle)
            .thenComparing(SongProfile::foldedArtist).thenComparingLong(p -> p.song().id());

    /**
     * One song with the scopes its essays are stored under and the opening (~600 characters) of one of its
     * essays, which is where credits the metadata lacks are learnt from.
     */
    public record Entry(Song song, Set<Scope> scopes, String lead) {
        public Entry {
            Objects.requireNonNull(song, "song");
            scopes = scopes == null || scopes.isEmpty() ? Set.of(Scope.GLOBAL) : Set.copyOf(scopes);
            lead = lead == null ? "" : lead;
        }
    }

    private final List<SongProfile> profiles;
    private final Map<Long, Integer> ordinalById;
    private final TokenIndex titleIndex;
    private final TokenIndex artistIndex;
    private final String[] sortedTitles;

    private SongCatalog(List<SongProfile> sorted) {
        this.profiles = List.copyOf(sorted);
        this.ordinalById = new HashMap<>(sorted.size() * 2);
        Map<String, List<Integer>> titlePostings = new HashMap<>();
        Map<String, List<Integer>> artistPostings = new HashMap<>();
        sortedTitles = new String[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            SongProfile p = sorted.get(i);
            ordinalById.put(p.song().id(), i);
            sortedTitles[i] = p.foldedTitle();
            for (String t : p.titleTokens()) {
                titlePostings.computeIfAbsent(Fuzzy.canon(t), k -> new ArrayList<>()).add(i);
            }
            Set<String> artistTokens = new LinkedHashSet<>();
            p.primaryNames().forEach(artistTokens::addAll);
            p.featuredNames().forEach(artistTokens::addAll);
            for (String t : artistTokens) {
                artistPostings.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
            }
        }
        this.titleIndex = new TokenIndex(titlePostings);
        this.artistIndex = new TokenIndex(artistPostings);
    }

    /** A catalogue of {@code entries}; entries of one song id are merged (their scopes joined). */
    public static SongCatalog of(List<Entry> entries) {
        long start = System.nanoTime();
        Map<Long, Entry> merged = new LinkedHashMap<>();
        for (Entry e : entries) {
            merged.merge(e.song().id(), e, (a, b) -> {
                Set<Scope> scopes = new LinkedHashSet<>(a.scopes());
                scopes.addAll(b.scopes());
                return new Entry(a.song(), scopes, a.lead().isBlank() ? b.lead() : a.lead());
            });
        }
        List<SongProfile> built = new ArrayList<>(merged.size());
        for (Entry e : merged.values()) {
            built.add(SongProfile.of(e));
        }
        built.sort(ALPHABETICAL);
        SongCatalog catalog = new SongCatalog(built);
        log.debug("Song catalogue of {} songs built in {} ms", built.size(), (System.nanoTime() - start) / 1_000_000);
        return catalog;
    }

    /** This catalogue with {@code entry} added, or replacing the song of the same id. */
    public SongCatalog with(Entry entry) {
        List<SongProfile> next = new ArrayList<>(profiles.size() + 1);
        for (SongProfile p : profiles) {
            if (p.song().id() != entry.song().id()) {
                next.add(p);
            }
        }
        SongProfile added = SongProfile.of(entry);
        int at = Collections.binarySearch(next, added, ALPHABETICAL);
        next.add(at < 0 ? -at - 1 : at, added);
        return new SongCatalog(next);
    }

    /** This catalogue without the song {@code songId} (itself when it has no such song). */
    public SongCatalog without(long songId) {
        if (!ordinalById.containsKey(songId)) {
            return this;
        }
        List<SongProfile> next = new ArrayList<>(profiles);
        next.remove((int) ordinalById.get(songId));
        return new SongCatalog(next);
    }

    /** Every song {@code reader} may see, alphabetically by title. */
    public List<Song> visibleTo(Scope reader) {
        List<Song> out = new ArrayList<>();
        for (SongProfile p : profiles) {
            if (p.visibleTo(reader)) {
                out.add(p.song());
            }
        }
        return out;
    }

    public Optional<Song> byId(long id) {
        Integer ord = ordinalById.get(id);
        return ord == null ? Optional.empty() : Optional.of(profiles.get(ord).song());
    }

    public int size() {
        return profiles.size();
    }

    /**
     * Autocomplete: titles starting with what was typed, then titles with words starting with it, then
     * near spellings, then songs by a matching artist; with nothing typed, the first songs alphabetically.
     */
    public List<Song> suggest(String typed, Scope reader, int limit) {
        return new Autocomplete(this).suggest(typed, reader, limit);
    }

    // ---- package-private access for the matcher and autocomplete ----

    List<SongProfile> profiles() {
        return profiles;
    }

    SongProfile profile(int ordinal) {
        return profiles.get(ordinal);
    }

    Optional<SongProfile> profileById(long id) {
        Integer ord = ordinalById.get(id);
        return ord == null ? Optional.empty() : Optional.of(profiles.get(ord));
    }

    TokenIndex titleIndex() {
        return titleIndex;
    }

    TokenIndex artistIndex() {
        return artistIndex;
    }

    /** Ordinal of the first title not sorting before {@code folded}. */
    int firstTitleAtOrAfter(String folded) {
        int i = Arrays.binarySearch(sortedTitles, folded);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sortedTitles[i - 1].equals(folded)) {
            i--;
        }
        return i;
    }
}
