package io.linernotes.discord;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.answer.Source;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayFormatException;
import io.linernotes.essay.EssayRevision;
import io.linernotes.essay.Scope;
import io.linernotes.song.Song;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, honest stand-in for the engine until the real one is merged: essays in memory with revisions and
 * scopes, songs found by a naive title match, answers made of the matching essay's text. It streams the
 * answer word by word when asked to, and records every request so tests can check what the bot passed on.
 */
final class FakeServices implements BotServices {
    private final Map<Long, List<EssayRevision>> revisions = new LinkedHashMap<>();
    private final Map<Long, Essay> live = new LinkedHashMap<>();
    private final Map<String, Song> songs = new LinkedHashMap<>();
    private final Map<Long, Scope> owners = new LinkedHashMap<>();
    final List<AnswerRequest> requests = new CopyOnWriteArrayList<>();
    volatile long streamStepMillis;
    /** When set, answers wait for it (bounded): lets a test fill the work queue. */
    volatile java.util.concurrent.CountDownLatch gate;
    private long nextId = 1;

    @Override
    public Answer answer(AnswerRequest request, Consumer<String> partial) {
        requests.add(request);
        java.util.concurrent.CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String hint = request.songHint() == null ? "" : request.songHint();
        String question = request.question().toLowerCase(Locale.ROOT);
        List<Song> matches = new ArrayList<>();
        synchronized (this) {
            for (Song song : songs.values()) {
                String title = song.title().toLowerCase(Locale.ROOT);
                boolean byHint = !hint.isEmpty() && (hint.equalsIgnoreCase(song.label())
                        || (!hint.contains(" — ") && hint.toLowerCase(Locale.ROOT).contains(title)));
                boolean byQuestion = hint.isEmpty() && question.contains(title);
                if ((byHint || byQuestion) && visible(song, request.scope())) {
                    matches.add(song);
                }
            }
        }
        if (matches.isEmpty() && hint.isEmpty() && !request.history().isEmpty()) {
            Long previous = request.history().get(request.history().size() - 1).songId();
            synchronized (this) {
                songs.values().stream().filter(s -> previous != null && s.id() == previous).forEach(matches::add);
            }
        }
        if (matches.isEmpty()) {
            return new Answer(Answer.Status.NO_COMMENTARY, "I have no essay about that song yet.", List.of(),
                    List.of(), null, List.of(), "none");
        }
        if (matches.size() > 1) {
            return new Answer(Answer.Status.AMBIGUOUS, "Which song do you mean?", List.of(), List.of(), null,
                    matches, "none");
        }
        Song song = matches.get(0);
        List<Essay> essays = essaysOn(song, request.scope());
        Essay essay = essays.get(0);
        stream(essay.body(), partial);
        List<String> notes = new ArrayList<>();
        Matcher by = Pattern.compile(" by (.+?)\\??$").matcher(question);
        if (by.find() && !song.artist().equalsIgnoreCase(by.group(1))) {
            notes.add("Note: \"" + song.title() + "\" is by " + song.artist() + ", not " + by.group(1) + ".");
        }
        List<Source> sources = new ArrayList<>();
        for (Essay e : essays) {
            sources.add(new Source(sources.size() + 1, e.id(), song.label(), e.credit(), e.source(), e.scope(),
                    e.body()));
        }
        return new Answer(Answer.Status.ANSWERED, essay.body() + " [1]", notes, sources, song, List.of(), "fake");
    }

    private void stream(String text, Consumer<String> partial) {
        if (streamStepMillis <= 0) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (String word : text.split(" ")) {
            sb.append(word).append(' ');
            partial.accept(sb.toString());
            try {
                Thread.sleep(streamStepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized List<Essay> essaysOn(Song song, Scope reader) {
        return live.values().stream().filter(e -> e.song().id() == song.id() && reader.canSee(e.scope())).toList();
    }

    private boolean visible(Song song, Scope reader) {
        return live.values().stream().anyMatch(e -> e.song().id() == song.id() && reader.canSee(e.scope()));
    }

    @Override
    public synchronized List<Song> suggestSongs(String typed, Scope reader, int limit) {
        String t = typed.toLowerCase(Locale.ROOT);
        return songs.values().stream().filter(s -> visible(s, reader))
                .filter(s -> s.label().toLowerCase(Locale.ROOT).contains(t)).limit(limit).toList();
    }

    @Override
    public synchronized ImportResult importFile(String fileName, byte[] content, Scope scope)
            throws EssayFormatException {
        String text = new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String[] lines = text.split("\n", 2);
        Matcher m = Pattern.compile("Meaning of [‘'](.+?)[’'] by [‘'](.+?)[’']").matcher(lines[0]);
        if (!m.find() || lines.length < 2) {
            throw new EssayFormatException(fileName + ": the first line should read Meaning of 'TITLE' by 'ARTIST'");
        }
        return new ImportResult(List.of(add(new EssayDraft(m.group(1), m.group(2), List.of(), null, null, null,
                fileName, lines[1].strip()), scope)), 0);
    }

    @Override
    public synchronized Essay add(EssayDraft draft, Scope scope) throws EssayFormatException {
        if (draft.body() == null || draft.body().isBlank()) {
            throw new EssayFormatException("The essay is empty.");
        }
        long id = nextId++;
        Essay essay = new Essay(id, song(draft), draft.author(), draft.source(), scope, draft.body(), Instant.now(),
                Instant.now(), 1);
        live.put(id, essay);
        owners.put(id, scope);
        revisions.computeIfAbsent(id, k -> new ArrayList<>()).add(new EssayRevision(id, 1, draft, Instant.now(), "add"));
        return essay;
    }

    private Song song(EssayDraft draft) {
        String key = (draft.title() + "|" + draft.artist()).toLowerCase(Locale.ROOT);
        return songs.computeIfAbsent(key, k -> new Song(songs.size() + 100, draft.title(), draft.artist(),
                draft.featured(), draft.year(), draft.album()));
    }

    @Override
    public synchronized Optional<Essay> edit(long id, EssayDraft draft, Scope actor) {
        Essay old = live.get(id);
        if (old == null || !old.scope().equals(actor)) {
            return Optional.empty();
        }
        return Optional.of(save(id, draft, old.scope(), "edit"));
    }

    private Essay save(long id, EssayDraft draft, Scope scope, String action) {
        List<EssayRevision> history = revisions.get(id);
        int revision = history.size() + 1;
        history.add(new EssayRevision(id, revision, draft, Instant.now(), action));
        Essay essay = new Essay(id, song(draft), draft.author(), draft.source(), scope, draft.body(), Instant.now(),
                Instant.now(), revision);
        live.put(id, essay);
        return essay;
    }

    @Override
    public synchronized boolean remove(long id, Scope actor) {
        Essay old = live.get(id);
        if (old == null || !old.scope().equals(actor)) {
            return false;
        }
        live.remove(id);
        return true;
    }

    @Override
    public synchronized Optional<Essay> restore(long id, int revision, Scope actor) {
        List<EssayRevision> history = revisions.get(id);
        if (history == null || !actor.equals(owners.get(id)) || revision < 1 || revision > history.size()) {
            return Optional.empty();
        }
        return Optional.of(save(id, history.get(revision - 1).content(), actor, "restore"));
    }

    @Override
    public synchronized Optional<Essay> find(long id, Scope reader) {
        return Optional.ofNullable(live.get(id)).filter(e -> reader.canSee(e.scope()));
    }

    @Override
    public synchronized List<Essay> list(Scope reader) {
        return live.values().stream().filter(e -> reader.canSee(e.scope())).toList();
    }

    @Override
    public synchronized List<EssayRevision> history(long id, Scope actor) {
        Essay e = live.get(id);
        List<EssayRevision> h = revisions.getOrDefault(id, List.of());
        return (e == null || e.scope().equals(actor)) ? List.copyOf(h) : List.of();
    }
}
