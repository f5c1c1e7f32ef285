package io.linernotes.answer;

import io.linernotes.core.Scope;
import java.util.List;

/**
 * A question as the transports hand it over. {@code songHint} is the song option of {@code /meaning}
 * (null for free questions); {@code history} holds earlier turns of a conversation, oldest first, for
 * follow-ups such as "and the second verse?". {@code songId}, when set, is a song the asker picked from a
 * list the bot offered: it is answered about directly, never resolved again from its name.
 */
public record AnswerRequest(String question, String songHint, Scope scope, List<Turn> history, Long songId) {

    public AnswerRequest {
        question = question == null ? "" : question;
        scope = scope == null ? Scope.GLOBAL : scope;
        history = history == null ? List.of() : List.copyOf(history);
    }

    public AnswerRequest(String question, String songHint, Scope scope, List<Turn> history) {
        this(question, songHint, scope, history, null);
    }

    /** The same question, about the song the asker picked. */
    public AnswerRequest about(long pickedSongId) {
        return new AnswerRequest(question, null, scope, history, pickedSongId);
    }

    public static AnswerRequest ask(String question, Scope scope) {
        return new AnswerRequest(question, null, scope, List.of());
    }

    public static AnswerRequest meaning(String song, String question, Scope scope) {
        return new AnswerRequest(question, song, scope, List.of());
    }

    /** One earlier exchange: what was asked, and which song the answer was about (null if none). */
    public record Turn(String question, Long songId) {
    }
}
