package io.linernotes.app;

import java.util.Collections;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Whether the search index agrees with the essay store right now: the live essays of the store against
 * the essays that have passages in the index, and the change counter each is at. An essay whose body
 * chunks into no passage would show as missing; the parser refuses empty bodies, so none exists.
 */
public record Consistency(SortedSet<Long> storeEssayIds, SortedSet<Long> indexEssayIds, long storeCounter,
        OptionalLong indexCounter) {

    public Consistency {
        storeEssayIds = Collections.unmodifiableSortedSet(new TreeSet<>(storeEssayIds));
        indexEssayIds = Collections.unmodifiableSortedSet(new TreeSet<>(indexEssayIds));
    }

    /** Same essays on both sides, and the index committed at the store's change counter. */
    public boolean consistent() {
        return storeEssayIds.equals(indexEssayIds) && indexCounter.isPresent()
                && indexCounter.getAsLong() == storeCounter;
    }

    /** One line for an operator. */
    public String describe() {
        return (consistent() ? "consistent" : "NOT consistent") + ": store " + storeEssayIds.size()
                + " essays at change " + storeCounter + ", index " + indexEssayIds.size() + " essays at change "
                + (indexCounter.isPresent() ? Long.toString(indexCounter.getAsLong()) : "none");
    }
}
