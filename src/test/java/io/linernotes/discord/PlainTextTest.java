package io.linernotes.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Other people's names are shown on Discord as the characters they are")
class PlainTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "[Free Nitro](https://evil.example/nitro) => \\[Free Nitro\\](https\\://evil.example/nitro)",
        "**bold** and __under__ => \\*\\*bold\\*\\* and \\_\\_under\\_\\_",
        "||spoiler|| ~~gone~~ => \\|\\|spoiler\\|\\| \\~\\~gone\\~\\~",
        "<https://evil.example> <t:0:R> => \\<https\\://evil.example> \\<t:0:R>",
        "`code` and a \\ backslash => \\`code\\` and a \\\\ backslash",
        "Stan — Eminem (feat. Dido) · 2000 => Stan — Eminem (feat. Dido) · 2000"})
    void escapesInlineMarkdown(String raw, String shown) {
        assertEquals(shown, PlainText.of(raw));
    }

    @Test
    @DisplayName("names inside an answer are escaped once; the answer's own Markdown stays")
    void namesInAnswer() {
        String label = "Paper Comet (feat. [Free Nitro](https://evil.example/nitro))";
        String answer = "**In short:** " + label + " is about a kite [1]. Also [Free Nitro](https://evil.example/nitro).";
        assertEquals("**In short:** Paper Comet (feat. \\[Free Nitro\\](https\\://evil.example/nitro)) is about a kite [1]."
                        + " Also \\[Free Nitro\\](https\\://evil.example/nitro).",
                PlainText.namesIn(answer, List.of(label, "[Free Nitro](https://evil.example/nitro)", "Paper Comet")));
    }

    @Test
    @DisplayName("our own code spans survive around escaped words")
    void exceptCode() {
        assertEquals("No commentary on \\[x\\](https\\://e.example) yet; use `/essay add`.",
                PlainText.exceptCode("No commentary on [x](https://e.example) yet; use `/essay add`."));
    }
}
