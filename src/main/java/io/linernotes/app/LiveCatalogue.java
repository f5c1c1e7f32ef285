package io.linernotes.app;

import io.linernotes.answer.SongLookup;
import io.linernotes.config.SongConfig;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayStore;
import io.linernotes.song.OpeningFacts;
import io.linernotes.song.SavedCatalogueIndex;
import io.linernotes.song.SongCatalog;
import io.linernotes.song.SongResolution;
import io.linernotes.song.SongResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The song catalogue as it stands now. It is rebuilt from the store's essay openings (song, scope and what each
 * essay's opening teaches, derived when the essay was written and kept in the store, never whole bodies) after
 * edits and removals, and swapped in whole, so readers never see a half-built catalogue and need no lock. How
 * rare each word is among the openings is read from the store's counts too, never counted here.
 */
final class LiveCatalogue implements SongLookup {

    /** Up to this many new essays are merged in place; more (an import) rebuild the catalogue once. */
    private static final int INCREMENTAL_LIMIT = 20;

    private final BiFunction<String, Scope, List<Long>> quotedLineSongs;
    private final SongConfig config;
    /** The candidate index's copy on disk, read by a start over an unchanged store (null: none). */
    private final SavedCatalogueIndex saved;
    private final SongCatalog.OpeningCounts counts;
    private volatile SongCatalog catalog;
    private volatile SongResolver resolver;

    LiveCatalogue(List<EssayStore.Opening> openings, SongCatalog.OpeningCounts counts,
            BiFunction<String, Scope, List<Long>> quotedLineSongs, SongConfig config, SavedCatalogueIndex saved) {
        this.saved = saved;
        this.quotedLineSongs = quotedLineSongs;
        this.config = config;
        this.counts = counts;
        rebuild(openings);
    }

    synchronized void rebuild(List<EssayStore.Opening> openings) {
        List<SongCatalog.Entry> entries = new ArrayList<>(openings.size());
        for (EssayStore.Opening o : openings) {
            entries.add(new SongCatalog.Entry(o.song(), Set.of(o.scope()), o.opening()));
        }
        swap(SongCatalog.of(entries, saved));
    }

    private synchronized void swap(SongCatalog next) {
        next.countingOpeningsWith(counts);
        SongResolver nextResolver = new SongResolver(next, quotedLineSongs, config);
        this.catalog = next;
        this.resolver = nextResolver;
        // The catalogue is usable now; the openings' word counts, which only some questions need, are read
        // beside the rest of the start instead of before it.
        Thread prepare = new Thread(next::prepareOpenings, "song-catalogue-openings");
        prepare.setDaemon(true);
        prepare.start();
    }

    /**
     * Takes in newly added essays. A few are merged into the current catalogue (no store read); an import of
     * many rebuilds it once from the store. Edits and removals may orphan a song, so they rebuild too.
     */
    synchronized void added(List<Essay> essays, Supplier<List<EssayStore.Opening>> everything) {
        if (essays.size() > INCREMENTAL_LIMIT || essays.stream().anyMatch(e -> e.revision() != 1)) {
            rebuild(everything.get());
            return;
        }
        SongCatalog next = catalog;
        for (Essay essay : essays) {
            // A server's essay on a song others see has joined a shared song (or was moved to one by a shared
            // import): its old song may be orphaned, so the catalogue is read again rather than patched.
            Set<Scope> before = next.scopesOf(essay.song().id());
            if (!essay.scope().isGlobal() && !before.isEmpty() && !before.equals(Set.of(essay.scope()))) {
                rebuild(everything.get());
                return;
            }
            // only the new essay's scope learns from its opening; the catalogue merges it into the song
            next = next.with(new SongCatalog.Entry(essay.song(), Set.of(essay.scope()),
                    OpeningFacts.of(OpeningFacts.lead(essay.body()))));
        }
        swap(next);
    }

    @Override
    public SongResolution resolve(String text, Scope reader) {
        return resolver.resolve(text, reader);
    }

    @Override
    public SongResolution findInQuestion(String question, Scope reader) {
        return resolver.findInQuestion(question, reader);
    }

    @Override
    public List<Song> suggest(String typed, Scope reader, int limit) {
        return catalog.suggest(typed, reader, limit);
    }

    @Override
    public List<Song> songsBy(String artist, Scope reader, int limit) {
        return catalog.songsBy(artist, reader, limit);
    }

    @Override
    public Set<Long> songsOfArtistsNamedIn(String question, Scope reader) {
        return catalog.songsOfArtistsNamedIn(question, reader);
    }

    @Override
    public Optional<Song> byId(long id) {
        return catalog.byId(id);
    }

    @Override
    public Optional<Song> byId(long id, Scope reader) {
        SongCatalog current = catalog;
        return current.byId(id).filter(s -> current.scopesOf(id).stream().anyMatch(reader::canSee));
    }
}
