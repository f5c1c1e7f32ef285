package io.linernotes.retrieval;

import io.linernotes.core.Scope;

/**
 * A paragraph-sized chunk of an essay, the unit of retrieval. {@code position} counts chunks from 0
 * within the essay; {@code id} is {@code essayId:position}.
 */
public record Passage(long essayId, int revision, long songId, Scope scope, int position, String text) {

    public String id() {
        return essayId + ":" + position;
    }
}
