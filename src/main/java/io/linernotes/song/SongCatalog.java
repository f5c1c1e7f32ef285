package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
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
     * One song with the scopes its essays are stored under and what the opening (~600 characters) of one of its
     * essays teaches, which is where credits the metadata lacks are learnt from: derived once, and kept by the
     * store beside the essay (see {@link OpeningFacts}).
     */
    public record Entry(Song song, Set<Scope> scopes, OpeningFacts opening) {
        public Entry {
            Objects.requireNonNull(song, "song");
            scopes = scopes == null || scopes.isEmpty() ? Set.of(Scope.GLOBAL) : Set.copyOf(scopes);
            opening = opening == null ? OpeningFacts.NONE : opening;
        }

        /** An entry whose opening is derived here from its text. */
        public Entry(Song song, Set<Scope> scopes, String lead) {
            this(song, scopes, OpeningFacts.of(lead));
        }
    }

    /**
     * The openings' word counts kept outside the catalogue (the store keeps them as essays are written), so that
     * no catalogue folds and counts every opening itself.
     */
    @FunctionalInterface
    public interface OpeningCounts {
        /**
         * Each word more than {@code limit} songs' openings hold, with how many hold it (a word left out is in at
         * most {@code limit}); empty when the counts cannot be had, and the catalogue then counts them itself.
         */
        Optional<Map<String, Integer>> above(int limit);
    }

    private final List<SongProfile> profiles;
    private final Map<Long, Integer> ordinalById;
    /** Titles, artists and names of every song, searched for candidates (see {@link CatalogueIndex}). */
    private final CatalogueIndex index;
    private final String[] sortedTitles;
    /**
     * In how many songs' openings each folded word occurs (a surname is in few, "life" in many): the words above
     * the rarity limit, read from the store's counts ({@link #countingOpeningsWith}) when it keeps them, else
     * counted here; had on a background thread after a build, or when a question first asks.
     */
    private volatile Map<String, Integer> leadFrequency;
    /** Where those counts are read from; null: counted here from the profiles. Set before the catalogue is shared. */
    private volatile OpeningCounts storedCounts;

    /** Where the candidate index is kept between starts; null: nowhere. */
    private final SavedCatalogueIndex saved;

    private SongCatalog(List<SongProfile> sorted, SavedCatalogueIndex saved) {
        this.profiles = List.copyOf(sorted);
        this.saved = saved;
        this.ordinalById = new HashMap<>(sorted.size() * 2);
        sortedTitles = new String[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            SongProfile p = sorted.get(i);
            ordinalById.put(p.song().id(), i);
            sortedTitles[i] = p.foldedTitle();
        }
        this.index = CatalogueIndex.of(this.profiles, saved);
    }

    /** A catalogue of {@code entries}; entries of one song id are merged (their scopes and openings joined). */
    public static SongCatalog of(List<Entry> entries) {
        return of(entries, null);
    }

    /**
     * The same, its candidate index read from {@code saved} when that holds the index of exactly these songs, else
     * built and saved there; this catalogue's {@link #with} and {@link #without} save theirs there too.
     */
    public static SongCatalog of(List<Entry> entries, SavedCatalogueIndex saved) {
        long start = System.nanoTime();
        Map<Long, Song> songs = new LinkedHashMap<>();
        Map<Long, Map<Scope, OpeningFacts>> leads = new HashMap<>();
        for (Entry e : entries) {
            songs.putIfAbsent(e.song().id(), e.song());
            addLeads(leads.computeIfAbsent(e.song().id(), k -> new LinkedHashMap<>()), e);
        }
        // Each song is prepared on its own (titles its opening gives, credits), so both cores share the work at start.
        List<SongProfile> built = new ArrayList<>(new ArrayList<>(songs.values()).parallelStream()
                .map(song -> SongProfile.of(song, globalFirst(leads.get(song.id())))).toList());
        built.sort(ALPHABETICAL);
        SongCatalog catalog = new SongCatalog(built, saved);
        log.debug("Song catalogue of {} songs built in {} ms", built.size(), (System.nanoTime() - start) / 1_000_000);
        return catalog;
    }

    /** One opening per scope: the first non-blank one an entry of that scope brings. */
    private static void addLeads(Map<Scope, OpeningFacts> leads, Entry e) {
        for (Scope scope : e.scopes()) {
            OpeningFacts known = leads.get(scope);
            if (known == null || known.blank()) {
                leads.put(scope, e.opening());
            }
        }
    }

    /** The shared opening first, so a title form it shares with a server's opening stays visible to everyone. */
    private static Map<Scope, OpeningFacts> globalFirst(Map<Scope, OpeningFacts> leads) {
        Map<Scope, OpeningFacts> out = new LinkedHashMap<>();
        if (leads.containsKey(Scope.GLOBAL)) {
            out.put(Scope.GLOBAL, leads.get(Scope.GLOBAL));
        }
        out.putAll(leads);
        return out;
    }

    /** This catalogue with {@code entry} added, or merged into the song of the same id. */
    public SongCatalog with(Entry entry) {
        List<SongProfile> next = new ArrayList<>(profiles.size() + 1);
        Map<Scope, OpeningFacts> leads = new LinkedHashMap<>();
        for (SongProfile p : profiles) {
            if (p.song().id() != entry.song().id()) {
                next.add(p);
            } else {
                leads.putAll(p.leads());
            }
        }
        addLeads(leads, entry);
        SongProfile added = SongProfile.of(entry.song(), globalFirst(leads));
        int at = Collections.binarySearch(next, added, ALPHABETICAL);
        next.add(at < 0 ? -at - 1 : at, added);
        return new SongCatalog(next, saved).countingOpeningsWith(storedCounts);
    }

    /** The scopes whose essays cover song {@code id} (empty when the catalogue does not hold it). */
    public Set<Scope> scopesOf(long id) {
        Integer ord = ordinalById.get(id);
        return ord == null ? Set.of() : profiles.get(ord).scopes();
    }

    /** This catalogue without the song {@code songId} (itself when it has no such song). */
    public SongCatalog without(long songId) {
        if (!ordinalById.containsKey(songId)) {
            return this;
        }
        List<SongProfile> next = new ArrayList<>(profiles);
        next.remove((int) ordinalById.get(songId));
        return new SongCatalog(next, saved).countingOpeningsWith(storedCounts);
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

    /**
     * Songs {@code reader} may see whose main artist is the one {@code artist} names (typos, spacing and word
     * order forgiven), alphabetically, at most {@code limit}.
     */
    public List<Song> songsBy(String artist, Scope reader, int limit) {
        List<String> claim = TextNormalizer.tokens(artist);
        List<Song> out = new ArrayList<>();
        // a plain loop: a claim of common words has thousands of candidates, most of them no match
        for (int ord : artistCandidates(claim)) {
            if (out.size() >= limit) {
                break;
            }
            SongProfile p = profiles.get(ord);
            if (p.visibleTo(reader) && namedBy(claim, p.primaryNames())) {
                out.add(p.song());
            }
        }
        return out;
    }

    /**
     * Ids of the songs {@code reader} may see whose main artist's whole name (or one name of a shared credit)
     * occurs in {@code text} as consecutive words; names of one short word are left out (too many false hits).
     */
    public Set<Long> songsOfArtistsNamedIn(String text, Scope reader) {
        List<String> words = TextNormalizer.tokens(text);
        Set<Long> out = new LinkedHashSet<>();
        Set<Integer> seen = new java.util.HashSet<>();
        for (String w : new LinkedHashSet<>(words)) {
            if (TextNormalizer.isFunctionWord(w)) {
                continue;
            }
            for (int ord : index.postings(CatalogueIndex.ARTIST, w)) {
                SongProfile p = profiles.get(ord);
                if (seen.add(ord) && p.visibleTo(reader) && p.primaryNames().stream()
                        .anyMatch(name -> (name.size() > 1 || name.get(0).length() >= 4) && containsRun(words, name))) {
                    out.add(p.song().id());
                }
            }
        }
        return out;
    }

    private static boolean namedBy(List<String> claim, List<List<String>> names) {
        for (List<String> name : names) {
            if (ArtistMatcher.names(claim, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsRun(List<String> words, List<String> name) {
        for (int i = 0; i + name.size() <= words.size(); i++) {
            if (words.subList(i, i + name.size()).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code word} is rare among the catalogue's essay openings (in at most max(3, 1% of the songs)): a
     * single such word there is likely a name ("Celentano"), a common one ("life") is not.
     */
    boolean rareInOpenings(String word) {
        return leadFrequency().getOrDefault(word, 0) <= rareLimit();
    }

    private int rareLimit() {
        return Math.max(3, profiles.size() / 100);
    }

    /**
     * This catalogue, reading the openings' word counts from {@code counts} rather than counting them itself
     * (null: counting itself). Called by the owner before it shares the catalogue; {@link #with} and
     * {@link #without} pass the source on.
     */
    public SongCatalog countingOpeningsWith(OpeningCounts counts) {
        this.storedCounts = counts;
        return this;
    }

    /**
     * Has the openings' word counts ready now (read, or counted here), so no question waits for them; the owner
     * calls this on a background thread after a build (a question asking meanwhile waits for it, it does not start
     * another).
     */
    public void prepareOpenings() {
        leadFrequency();
    }

    private Map<String, Integer> leadFrequency() {
        Map<String, Integer> counts = leadFrequency;
        return counts != null ? counts : countLeadWords();
    }

    private synchronized Map<String, Integer> countLeadWords() {
        Map<String, Integer> counts = leadFrequency;
        if (counts != null) {
            return counts;
        }
        OpeningCounts source = storedCounts;
        if (source != null) {
            // Only the words above the limit are read: every word left out is rare, as rareInOpenings asks.
            counts = source.above(rareLimit()).orElse(null);
        }
        if (counts == null) {
            counts = openingWordCounts();
        }
        leadFrequency = counts;
        return counts;
    }

    /** In how many songs' openings each word occurs, counted here from the songs' derived openings. */
    Map<String, Integer> openingWordCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (SongProfile p : profiles) {
            Set<String> words = new java.util.HashSet<>();
            for (OpeningFacts lead : p.leads().values()) {
                words.addAll(lead.wordList());
            }
            for (String w : words) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** How many songs {@code reader} may see carry {@code p}'s title. */
    int titleCount(SongProfile p, Scope reader) {
        int n = 0;
        for (int i = firstTitleAtOrAfter(p.foldedTitle()); i < profiles.size(); i++) {
            if (!profiles.get(i).foldedTitle().equals(p.foldedTitle())) {
                break;
            }
            n += profiles.get(i).visibleTo(reader) ? 1 : 0;
        }
        return n;
    }

    /** Ordinals of songs with an artist word near a word of {@code claim} (or its words run together). */
    private int[] artistCandidates(List<String> claim) {
        return CandidateSearch.byArtist(this, claim);
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

    CatalogueIndex index() {
        return index;
    }

    /** In how many songs' title forms {@code word} occurs (canonical spelling). */
    int titleFrequency(String word) {
        return index.docFreq(CatalogueIndex.TITLE, Fuzzy.canon(word));
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
