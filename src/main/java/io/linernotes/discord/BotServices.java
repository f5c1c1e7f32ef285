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
import java.util.function.Consumer;

/**
 * Everything the Discord layer asks of the engine, and nothing more. Each method maps one to one onto
 * {@code AnswerService} / {@code EssayService}, so the transport can be tested with a small stand-in and run
 * on the real engine through an adapter. Calls may block (a model may be called): never on the gateway thread.
 */
public interface BotServices {

    /**
     * Outcome of an import: the essays added, how many were already stored as they are, and what the parser
     * accepted but wants the moderator to know (a record with no artist kept as "Unknown artist", for example).
     */
    record ImportResult(List<Essay> added, int unchanged, List<String> warnings) {
        public ImportResult {
            added = List.copyOf(added);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /** An essay added from a form: the stored essay, or the one already stored with the same content. */
    record Added(Essay essay, boolean alreadyStored) {
    }

    /** Answers a question; {@code partial} receives the text so far when the model streams (maybe never). */
    Answer answer(AnswerRequest request, Consumer<String> partial);

    /** Songs whose name starts like or resembles {@code typed}, for autocomplete: fast, no model. */
    List<Song> suggestSongs(String typed, Scope reader, int limit);

    ImportResult importFile(String fileName, byte[] content, Scope scope) throws EssayFormatException;

    Added add(EssayDraft draft, Scope scope) throws EssayFormatException;

    Optional<Essay> edit(long id, EssayDraft draft, Scope actor) throws EssayFormatException;

    boolean remove(long id, Scope actor);

    Optional<Essay> restore(long id, int revision, Scope actor) throws EssayFormatException;

    Optional<Essay> find(long id, Scope reader);

    List<Essay> list(Scope reader);

    List<EssayRevision> history(long id, Scope actor);
}
