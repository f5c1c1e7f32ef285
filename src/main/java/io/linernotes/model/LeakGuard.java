package io.linernotes.model;

import io.linernotes.prompt.Canary;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises an answer that gives away the model's instructions: one containing the process's
 * {@link Canary} (in any spacing, case or punctuation) or a long run of the system prompt word for word.
 * Such an answer means the model obeyed something in a passage, so the whole answer is distrusted.
 */
final class LeakGuard {

    /** Words in a row from the system prompt that count as quoting it; ordinary answers never get close. */
    static final int RUN_WORDS = 10;

    private static final String CANARY = letters(Canary.token());

    private LeakGuard() {
    }

    static boolean leaks(String text, String systemPrompt) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (letters(text).contains(CANARY)) {
            return true;
        }
        return systemPrompt != null && sharesRun(text, systemPrompt);
    }

    private static boolean sharesRun(String text, String systemPrompt) {
        String[] words = words(text);
        if (words.length < RUN_WORDS) {
            return false;
        }
        Set<String> runs = runs(words(systemPrompt));
        for (int i = 0; i + RUN_WORDS <= words.length; i++) {
            if (runs.contains(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + RUN_WORDS)))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> runs(String[] words) {
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + RUN_WORDS <= words.length; i++) {
            runs.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + RUN_WORDS)));
        }
        return runs;
    }

    private static String[] words(String text) {
        String plain = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return plain.isEmpty() ? new String[0] : plain.split(" ");
    }

    /** Letters and digits only, lower case: spacing, dashes and zero-width tricks do not hide the canary. */
    private static String letters(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
