package io.linernotes.eval;

import java.util.List;
import java.util.Set;

/**
 * What scoring looks at in an answer, whichever system gave it. {@code songIds} are the corpus ids of the
 * song the system settled on (empty when none; several only when the store merged records into one song);
 * {@code passages} are the retrieved passages in rank order; {@code refused} says the system declared it has
 * no commentary.
 */
public record SystemAnswer(boolean refused, Set<String> songIds, String text, List<String> notes,
        List<String> passages) {

    public SystemAnswer {
        songIds = songIds == null ? Set.of() : Set.copyOf(songIds);
        text = text == null ? "" : text;
        notes = notes == null ? List.of() : List.copyOf(notes);
        passages = passages == null ? List.of() : List.copyOf(passages);
    }
}
