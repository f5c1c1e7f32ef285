package io.linernotes.discord;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayFormatException;
import io.linernotes.essay.EssayRevision;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The real engine's services as the bot sees them, with two things only a test needs: every question is
 * recorded (so a test can check what the bot passed on, such as a conversation's history), and answers can
 * be held at a gate (so a test can fill the work queue). Everything else goes straight through.
 */
final class RecordingServices implements BotServices {
    private final BotServices engine;
    final List<AnswerRequest> requests = new CopyOnWriteArrayList<>();
    /** When set, answers wait for it (at most 10 s) before the engine is asked. */
    volatile CountDownLatch gate;

    RecordingServices(BotServices engine) {
        this.engine = engine;
    }

    @Override
    public Answer answer(AnswerRequest request, Consumer<String> partial) {
        requests.add(request);
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return engine.answer(request, partial);
    }

    AnswerRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public List<Song> suggestSongs(String typed, Scope reader, int limit) {
        return engine.suggestSongs(typed, reader, limit);
    }

    @Override
    public ImportResult importFile(String fileName, byte[] content, Scope scope) throws EssayFormatException {
        return engine.importFile(fileName, content, scope);
    }

    @Override
    public Added add(EssayDraft draft, Scope scope) throws EssayFormatException {
        return engine.add(draft, scope);
    }

    @Override
    public Optional<Essay> edit(long id, EssayDraft draft, Scope actor) throws EssayFormatException {
        return engine.edit(id, draft, actor);
    }

    @Override
    public boolean remove(long id, Scope actor) {
        return engine.remove(id, actor);
    }

    @Override
    public Optional<Essay> restore(long id, int revision, Scope actor) throws EssayFormatException {
        return engine.restore(id, revision, actor);
    }

    @Override
    public Optional<Essay> find(long id, Scope reader) {
        return engine.find(id, reader);
    }

    @Override
    public List<Essay> list(Scope reader) {
        return engine.list(reader);
    }

    @Override
    public List<EssayRevision> history(long id, Scope actor) {
        return engine.history(id, actor);
    }
}
