package io.linernotes.essay;

/**
 * A server reached one of its limits ({@code essays.maxEssaysPerServer}, {@code essays.maxRevisionsPerServer}):
 * nothing was stored. The message is for the moderator, and says which limit and what to do.
 */
public final class EssayLimitException extends EssayFormatException {
    public EssayLimitException(String message) {
        super(message);
    }
}
