package io.linernotes.app;

import io.linernotes.answer.SongLookup;
import io.linernotes.essay.Essay;
import io.linernotes.essay.Scope;
import io.linernotes.song.Song;
import io.linernotes.song.SongCatalog;
import io.linernotes.song.SongResolution;
import io.linernotes.song.SongResolver;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The song catalogue as it stands now. It is rebuilt from the store's essays after each write and swapped in
 * whole, so readers never see a half-built catalogue and need no lock.
 */
final class LiveCatalogue implements SongLookup {

    /** How much of an essay's opening the resolver reads for artist credits the metadata may lack. */
    private static final int LEAD_CHARS = 600;
    /** Up to this many new essays are merged in place; more (an import) rebuild the catalogue once. */
    private static final int INCREMENTAL_LIMIT = 20;

    private final BiFunction<String, Scope, List<Long>> quotedLineSongs;
    private volatile SongCatalog catalog;
    private volatile SongResolver resolver;

    LiveCatalogue(List<Essay> essays, BiFunction<String, Scope, List<Long>> quotedLineSongs) {
        this.quotedLineSongs = quotedLineSongs;
        rebuild(essays);
    }

    synchronized void rebuild(List<Essay> essays) {
        Map<Long, Song> songs = new LinkedHashMap<>();
        Map<Long, Set<Scope>> scopes = new LinkedHashMap<>();
        Map<Long, Essay> sharedFirst = new LinkedHashMap<>();
        Map<Long, Essay> anyFirst = new LinkedHashMap<>();
        for (Essay essay : essays) {
            long id = essay.song().id();
            songs.putIfAbsent(id, essay.song());
            scopes.computeIfAbsent(id, k -> new HashSet<>()).add(essay.scope());
            anyFirst.putIfAbsent(id, essay);
            if (essay.scope().isGlobal()) {
                sharedFirst.putIfAbsent(id, essay);
            }
        }
        List<SongCatalog.Entry> entries = songs.values().stream()
                .map(s -> new SongCatalog.Entry(s, scopes.get(s.id()),
                        leadFor(sharedFirst.get(s.id()), anyFirst.get(s.id()), scopes.get(s.id()))))
                .toList();
        swap(SongCatalog.of(entries));
    }

    private synchronized void swap(SongCatalog next) {
        SongResolver nextResolver = new SongResolver(next, quotedLineSongs);
        this.catalog = next;
        this.resolver = nextResolver;
    }

    /**
     * The opening the resolver learns a song's other names from. It must be one every reader of the song may
     * see: a shared essay's when there is one, else one server's own when only that server has essays on it.
     * Otherwise one server's essay would give a song names that resolve in every other server.
     */
    private static String leadFor(Essay shared, Essay first, Set<Scope> scopes) {
        if (shared != null) {
            return lead(shared);
        }
        return scopes.size() == 1 ? lead(first) : "";
    }

    private static String lead(Essay essay) {
        return essay.body().length() > LEAD_CHARS ? essay.body().substring(0, LEAD_CHARS) : essay.body();
    }

    /**
     * Takes in newly added essays. A few are merged into the current catalogue (no store read); an import of
     * many rebuilds it once from the store. Edits and removals may orphan a song, so they rebuild too.
     */
    synchronized void added(List<Essay> essays, java.util.function.Supplier<List<Essay>> everything) {
        if (essays.size() > INCREMENTAL_LIMIT || essays.stream().anyMatch(e -> e.revision() != 1)) {
            rebuild(everything.get());
            return;
        }
        SongCatalog next = catalog;
        for (Essay essay : essays) {
            Set<Scope> before = next.scopesOf(essay.song().id());
            // A shared essay, or a server's essay on a song only that server has, may name the song for all its
            // readers; a server's essay on a song others see (or one moved to a shared song) may not: the
            // rebuild picks the lead by the rule in leadFor.
            if (!essay.scope().isGlobal() && !before.isEmpty() && !before.equals(Set.of(essay.scope()))) {
                rebuild(everything.get());
                return;
            }
            Set<Scope> scopes = new HashSet<>(before);
            scopes.add(essay.scope());
            next = next.with(new SongCatalog.Entry(essay.song(), scopes, lead(essay)));
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
    public Optional<Song> byId(long id) {
        return catalog.byId(id);
    }
}
