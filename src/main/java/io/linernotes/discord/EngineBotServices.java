package io.linernotes.discord;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.answer.AnswerService;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayFormatException;
import io.linernotes.essay.EssayRevision;
import io.linernotes.essay.EssayService;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The bot's view of the real engine: every call goes straight to {@link AnswerService} or
 * {@link EssayService}; only the import result is translated into the transport's own record.
 */
public final class EngineBotServices implements BotServices {
    private final AnswerService answers;
    private final EssayService essays;

    public EngineBotServices(AnswerService answers, EssayService essays) {
        this.answers = Objects.requireNonNull(answers, "answers");
        this.essays = Objects.requireNonNull(essays, "essays");
    }

    /** Adapts an opened engine ({@code io.linernotes.app.Engine}). */
    public static EngineBotServices of(io.linernotes.app.Engine engine) {
        return new EngineBotServices(engine.answers(), engine.essays());
    }

    @Override
    public Answer answer(AnswerRequest request, Consumer<String> partial) {
        return answers.answer(request, partial);
    }

    @Override
    public List<Song> suggestSongs(String typed, Scope reader, int limit) {
        return answers.suggestSongs(typed, reader, limit);
    }

    @Override
    public ImportResult importFile(String fileName, byte[] content, Scope scope) throws EssayFormatException {
        EssayService.ImportResult result = essays.importFile(fileName, content, scope);
        return new ImportResult(result.added(), result.unchanged(), result.warnings());
    }

    @Override
    public Added add(EssayDraft draft, Scope scope) throws EssayFormatException {
        // store() says whether anything changed; add() of an identical draft then only finds the stored essay.
        EssayService.ImportResult stored = essays.store(List.of(draft), scope);
        if (!stored.added().isEmpty()) {
            return new Added(stored.added().get(0), false);
        }
        return new Added(essays.add(draft, scope), true);
    }

    @Override
    public Optional<Essay> edit(long id, EssayDraft draft, Scope actor) throws EssayFormatException {
        return essays.edit(id, draft, actor);
    }

    @Override
    public boolean remove(long id, Scope actor) {
        return essays.remove(id, actor);
    }

    @Override
    public Optional<Essay> restore(long id, int revision, Scope actor) throws EssayFormatException {
        return essays.restore(id, revision, actor);
    }

    @Override
    public Optional<Essay> find(long id, Scope reader) {
        return essays.find(id, reader);
    }

    @Override
    public List<Essay> list(Scope reader) {
        return essays.list(reader);
    }

    @Override
    public List<EssayRevision> history(long id, Scope actor) {
        return essays.history(id, actor);
    }
}
