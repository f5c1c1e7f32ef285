package io.linernotes.retrieval;

import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayRevision;
import io.linernotes.essay.EssayStore;
import io.linernotes.essay.Scope;
import io.linernotes.song.Song;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A small in-memory {@link EssayStore} for retrieval tests (the SQLite store is another package's work).
 * It keeps the parts of the contract the index relies on: ids, songs, scopes, revisions and a change counter
 * that grows with every write.
 */
final class InMemoryEssayStore implements EssayStore {

    private final Map<Long, Essay> essays = new TreeMap<>();
    private final Map<String, Song> songs = new TreeMap<>();
    private final List<EssayRevision> revisions = new ArrayList<>();
    private long nextEssayId = 1;
    private long changeCounter;

    @Override
    public synchronized Saved add(EssayDraft draft, Scope scope) {
        Song song = song(draft);
        for (Essay e : essays.values()) {
            if (e.song().id() == song.id() && e.scope().equals(scope) && e.body().equals(draft.body())) {
                return new Saved(e, true);
            }
        }
        Instant now = Instant.now();
        Essay essay = new Essay(nextEssayId++, song, draft.author(), draft.source(), scope, draft.body(), now, now, 1);
        essays.put(essay.id(), essay);
        revisions.add(new EssayRevision(essay.id(), 1, draft, now, "add"));
        changeCounter++;
        return new Saved(essay, false);
    }

    @Override
    public synchronized Optional<Essay> update(long id, EssayDraft draft, Scope actor) {
        Essay old = essays.get(id);
        if (old == null || !old.scope().equals(actor)) {
            return Optional.empty();
        }
        Essay essay = new Essay(id, song(draft), draft.author(), draft.source(), old.scope(), draft.body(),
                old.createdAt(), Instant.now(), old.revision() + 1);
        essays.put(id, essay);
        revisions.add(new EssayRevision(id, essay.revision(), draft, essay.updatedAt(), "edit"));
        changeCounter++;
        return Optional.of(essay);
    }

    @Override
    public synchronized boolean remove(long id, Scope actor) {
        Essay old = essays.get(id);
        if (old == null || !old.scope().equals(actor)) {
            return false;
        }
        essays.remove(id);
        changeCounter++;
        return true;
    }

    @Override
    public Optional<Essay> restore(long id, int revision, Scope actor) {
        throw new UnsupportedOperationException("not needed by retrieval tests");
    }

    @Override
    public synchronized Optional<Essay> get(long id) {
        return Optional.ofNullable(essays.get(id));
    }

    @Override
    public synchronized List<Essay> list(Scope reader) {
        return essays.values().stream()
                .filter(e -> reader.canSee(e.scope()))
                .sorted(Comparator.comparing(Essay::updatedAt).reversed())
                .toList();
    }

    @Override
    public synchronized List<Essay> all() {
        return List.copyOf(essays.values());
    }

    @Override
    public synchronized List<EssayRevision> history(long id) {
        return revisions.stream().filter(r -> r.essayId() == id).toList();
    }

    @Override
    public synchronized List<Song> songs() {
        return essays.values().stream().map(Essay::song).distinct().toList();
    }

    @Override
    public synchronized long changeCounter() {
        return changeCounter;
    }

    @Override
    public void close() {
    }

    private Song song(EssayDraft draft) {
        String key = draft.title().toLowerCase() + "\u0000" + draft.artist().toLowerCase();
        return songs.computeIfAbsent(key, k -> new Song(songs.size() + 1L, draft.title(), draft.artist(),
                draft.featured(), draft.year(), draft.album()));
    }
}
