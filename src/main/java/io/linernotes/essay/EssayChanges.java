package io.linernotes.essay;

import java.util.List;

/**
 * Told of every committed essay write, after the store's transaction: the search index and the song catalogue
 * listen, so that a new essay is answerable as soon as the write returns.
 */
public interface EssayChanges {

    /** {@code essays} were added, edited or restored; {@code changeCounter} is the store's counter after it. */
    void saved(List<Essay> essays, long changeCounter);

    /** Essay {@code essayId} was removed. */
    void removed(long essayId, long changeCounter);
}
