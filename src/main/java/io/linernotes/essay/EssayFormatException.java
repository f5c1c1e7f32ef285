package io.linernotes.essay;

/**
 * Input that cannot become an essay. The message is meant for the person who sent it: it names the
 * problem in plain words (and the line or record, where there is one).
 */
public class EssayFormatException extends Exception {

    public EssayFormatException(String message) {
        super(message);
    }
}
