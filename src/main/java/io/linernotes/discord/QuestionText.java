package io.linernotes.discord;

import io.linernotes.text.TypedText;

/**
 * What a user typed, made fit to ask: invisible format characters (zero-width spaces and joiners, bidi
 * overrides and isolates, the BOM) and control characters removed, Discord mentions and channel tags taken
 * out, whitespace collapsed. Then a verdict: a question, or a refusal in plain words when nothing is left, when
 * only emoji or symbols are left, or when it is too long to be a question.
 */
final class QuestionText {
    static final int MAX_CHARS = TypedText.QUESTION_MAX_CHARS;
    static final String EMPTY = "Ask me a question in words, for example: what is Runaway by Kanye West about?";
    static final String NO_WORDS = "I need words to go on: emoji, symbols and mentions alone don't tell me which "
            + "song you mean. Try: what is Runaway by Kanye West about?";

    /** The cleaned text or the sentence that refuses it. */
    sealed interface Checked permits Ok, Refused {
    }

    record Ok(String text) implements Checked {
    }

    record Refused(String message) implements Checked {
    }

    private QuestionText() {
    }

    static String clean(String raw) {
        return TypedText.clean(raw);
    }

    /** {@code what} names the field in a refusal ("question", "song name"); {@code max} is its length cap. */
    static Checked check(String raw, String what, int max) {
        String text = clean(raw);
        if (text.isEmpty()) {
            return new Refused(raw == null || raw.isBlank() ? EMPTY : NO_WORDS);
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return new Refused(NO_WORDS);
        }
        if (text.length() > max) {
            return new Refused("That " + what + " is too long (" + String.format(java.util.Locale.ROOT, "%,d", text.length())
                    + " characters). Please keep it under " + String.format(java.util.Locale.ROOT, "%,d", max) + " characters.");
        }
        return new Ok(text);
    }

    static Checked question(String raw) {
        return check(raw, "question", MAX_CHARS);
    }
}
