package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cutting texts into windows, with one token per word so the figures can be checked by hand. */
class TokenWindowsTest {

    private static final ToIntFunction<String> WORDS = t -> t.isBlank() ? 0 : t.strip().split("\\s+").length;

    @Test
    @DisplayName("a text within the limit is one window, unchanged")
    void shortTextWhole() {
        String text = "The chorus turns on one line.\n\nThen it stops.";
        List<TokenWindows.Window> ws = new TokenWindows(WORDS, 20).split(text);

        assertEquals(List.of(new TokenWindows.Window(text, 9)), ws);
    }

    @Test
    @DisplayName("generated texts: every window fits, sentences stay whole, no word is lost or moved")
    void generatedTexts() {
        Random random = new Random(9);
        for (int round = 0; round < 200; round++) {
            int max = 5 + random.nextInt(30);
            StringBuilder text = new StringBuilder();
            List<String> sentences = new ArrayList<>();
            int paragraphs = 1 + random.nextInt(4);
            for (int p = 0; p < paragraphs; p++) {
                if (p > 0) {
                    text.append("\n\n");
                }
                int count = 1 + random.nextInt(6);
                for (int s = 0; s < count; s++) {
                    // Some sentences are longer than a window, so they must be cut between words.
                    int words = 1 + random.nextInt(max + 10);
                    StringBuilder sentence = new StringBuilder("Word" + round + "x" + p + "x" + s);
                    for (int w = 1; w < words; w++) {
                        sentence.append(' ').append(w % 7 == 0 ? "and" : "w" + w);
                    }
                    sentence.append('.');
                    sentences.add(sentence.toString());
                    text.append(s == 0 ? "" : " ").append(sentence);
                }
            }
            List<TokenWindows.Window> ws = new TokenWindows(WORDS, max).split(text.toString());

            List<String> joined = new ArrayList<>();
            for (TokenWindows.Window w : ws) {
                assertTrue(w.tokens() <= max, "window of " + w.tokens() + " tokens over " + max);
                assertEquals(WORDS.applyAsInt(w.text()), w.tokens());
                joined.addAll(Arrays.asList(w.text().split("\\s+")));
                // A window starts at a sentence start unless it continues a sentence too long for one window.
                String first = w.text().split("\\s+")[0];
                assertTrue(first.startsWith("Word") || sentencesLongerThan(sentences, max),
                        "window starts mid-sentence: " + w.text());
            }
            assertEquals(Arrays.asList(text.toString().strip().split("\\s+")), joined);
        }
    }

    @Test
    @DisplayName("sentences fill a window together up to the limit")
    void packing() {
        String text = "One two three. Four five six. Seven eight nine. Ten eleven twelve.";
        List<TokenWindows.Window> ws = new TokenWindows(WORDS, 7).split(text);

        assertEquals(List.of("One two three. Four five six.", "Seven eight nine. Ten eleven twelve."),
                ws.stream().map(TokenWindows.Window::text).toList());
    }

    private static boolean sentencesLongerThan(List<String> sentences, int max) {
        return sentences.stream().anyMatch(s -> WORDS.applyAsInt(s) > max);
    }
}
