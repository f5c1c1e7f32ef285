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

    private final BiFunction<String, Scope, List<Long>> quotedLineSongs;
    private volatile SongCatalog catalog;
    private volatile SongResolver resolver;

    LiveCatalogue(List<Essay> essays, BiFunction<String, Scope, List<Long>> quotedLineSongs) {
        this.quotedLineSongs = quotedLineSongs;
        rebuild(essays);
    }

    void rebuild(List<Essay> essays) {
        Map<Long, Song> songs = new LinkedHashMap<>();
        Map<Long, Set<Scope>> scopes = new LinkedHashMap<>();
        Map<Long, String> leads = new LinkedHashMap<>();
        for (Essay essay : essays) {
            long id = essay.song().id();
            songs.putIfAbsent(id, essay.song());
            scopes.computeIfAbsent(id, k -> new HashSet<>()).add(essay.scope());
            leads.putIfAbsent(id, essay.body().length() > LEAD_CHARS ? essay.body().substring(0, LEAD_CHARS) : essay.body());
        }
        List<SongCatalog.Entry> entries = songs.values().stream()
                .map(s -> new SongCatalog.Entry(s, scopes.get(s.id()), leads.get(s.id())))
                .toList();
        SongCatalog built = SongCatalog.of(entries);
        SongResolver builtResolver = new SongResolver(built, quotedLineSongs);
        this.catalog = built;
        this.resolver = builtResolver;
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
