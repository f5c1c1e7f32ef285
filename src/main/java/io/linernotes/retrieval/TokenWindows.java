package io.linernotes.retrieval;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Cuts a text into windows that each fit an embedding model's input, at sentence boundaries where it can.
 *
 * <p>Why: the bundled model reads at most 128 tokens (its tokenizer truncates there) and silently drops the
 * rest, so a passage of several paragraphs would be searched by its first ninety-odd words only. Each window is
 * embedded whole, and the passage's vector is made from all of them (see {@link MiniLmEmbedder}).
 *
 * <p>Sentences are packed in order while they fit; a sentence longer than a window on its own is cut between
 * words. Token counts come from the model's own tokenizer; word-piece counts add up across white space, so a
 * window's count is the sum of its pieces' counts.
 */
final class TokenWindows {

    private final ToIntFunction<String> tokens;
    private final int maxTokens;

    /**
     * @param tokens counts the model's tokens in a text, without the special tokens the model adds
     * @param maxTokens the most tokens a window may hold (the model's limit less its special tokens)
     */
    TokenWindows(ToIntFunction<String> tokens, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1");
        }
        this.tokens = tokens;
        this.maxTokens = maxTokens;
    }

    /** A window of text and its token count (the weight of its vector in the passage's). */
    record Window(String text, int tokens) {
    }

    /** The windows of {@code text}, in order; the text itself as one window when it fits. */
    List<Window> split(String text) {
        int whole = tokens.applyAsInt(text);
        if (whole <= maxTokens) {
            return List.of(new Window(text, whole));
        }
        List<Window> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentTokens = 0;
        for (String sentence : sentences(text)) {
            int n = tokens.applyAsInt(sentence);
            if (n > maxTokens) {
                currentTokens = flush(current, currentTokens, out);
                for (Window piece : cutBetweenWords(sentence)) {
                    out.add(piece);
                }
                continue;
            }
            if (currentTokens + n > maxTokens) {
                currentTokens = flush(current, currentTokens, out);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(sentence);
            currentTokens += n;
        }
        flush(current, currentTokens, out);
        return out;
    }

    private static int flush(StringBuilder current, int currentTokens, List<Window> out) {
        if (current.length() > 0) {
            out.add(new Window(current.toString(), currentTokens));
            current.setLength(0);
        }
        return 0;
    }

    private List<Window> cutBetweenWords(String sentence) {
        List<Window> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentTokens = 0;
        for (String word : sentence.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            // A single word longer than a window (never in prose) is kept whole; the model truncates it.
            int n = Math.min(tokens.applyAsInt(word), maxTokens);
            if (currentTokens + n > maxTokens) {
                currentTokens = flush(current, currentTokens, out);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
            currentTokens += n;
        }
        flush(current, currentTokens, out);
        return out;
    }

    /** Sentences of {@code text}, trimmed, empty ones dropped; paragraph breaks end a sentence too. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            it.setText(paragraph);
            int start = it.first();
            for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String sentence = paragraph.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    out.add(sentence);
                }
            }
        }
        return out;
    }
}
