package io.linernotes.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Folding: invisible characters, accents and the comparison key, once for every layer")
class FoldingTest {

    @Test
    @DisplayName("format and control characters go, white space and visible letters stay")
    void removesInvisible() {
        assertEquals("Runaway by Kanye West ", Folding.withoutInvisible("Run\u200Baway\u202E by \uFEFFKan\u200Dye\u00AD West\u0007"));
        assertEquals("what does", Folding.withoutInvisible("what\0does"));
        assertEquals("two\nlines\tand tab", Folding.withoutInvisible("two\nlines\tand tab"));
        assertNull(Folding.withoutInvisible(null));
    }

    @Test
    @DisplayName("blank is white space, Unicode spaces and what withoutInvisible takes out: nothing a reader sees")
    void blank() {
        for (String text : new String[] {"", " \t\n\r ", "\u00A0\u2003\u2028\u2029",
                "\u200B\u200C\u200D\u200E\u200F\u2060\uFEFF", "\u202E\u2066\u00AD \u034F\u3164\u115F",
                "\u0007\u0000\u001B"}) {
            assertTrue(Folding.isBlank(text), escaped(text));
            assertTrue(onlySpaces(Folding.withoutInvisible(text)), "the same rule as cleaning: " + escaped(text));
        }
        for (String text : new String[] {"\u200Ba", "\u00E9", " \u0301", ".", "\uD83C\uDFB5", "\u3164\uAC00"}) {
            assertFalse(Folding.isBlank(text), escaped(text));
            assertFalse(onlySpaces(Folding.withoutInvisible(text)), "the same rule as cleaning: " + escaped(text));
        }
        assertTrue(Folding.isBlank(null));
    }

    private static boolean onlySpaces(String text) {
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp));
    }

    private static String escaped(String text) {
        StringBuilder sb = new StringBuilder();
        text.chars().forEach(c -> sb.append(String.format(Locale.ROOT, "\\u%04X", c)));
        return sb.toString();
    }

    @Test
    @DisplayName("characters that draw nothing though filed as letters or marks go too (grapheme joiner, Hangul fillers)")
    void removesFillers() {
        assertEquals("@everyone https://x", Folding.withoutInvisible("@\u3164every\u034Fone ht\u115Ftp\u1160s:\uFFA0//x"));
        // Hangul itself stays: only the fillers are invisible
        assertEquals("한국", Folding.withoutInvisible("한국"));
    }

    @Test
    @DisplayName("accents and case fold away, curly apostrophes become straight")
    void foldsAccentsAndCase() {
        assertEquals("beyonce's cafe", Folding.accentsAndCase("Beyoncé’s CAFÉ"));
    }

    @Test
    @DisplayName("accents come off with case and punctuation kept")
    void takesAccentsOff() {
        assertEquals("Ines Almar, Zoe-Cafe!", Folding.withoutAccents("Inés Almar, Zoë-Café!"));
        assertEquals("", Folding.withoutAccents(null));
    }

    @Test
    @DisplayName("the loop that drops combining marks drops exactly what \\p{M} matches, on generated text")
    void withoutMarksIsTheRegex() {
        Random rnd = new Random(7);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                int cp = rnd.nextInt(4) == 0 ? 0x0300 + rnd.nextInt(0x70) // combining diacritics
                        : rnd.nextInt(3) == 0 ? 0x0900 + rnd.nextInt(0x80) // Devanagari: spacing marks too
                        : 0x20 + rnd.nextInt(0x250);
                sb.appendCodePoint(cp);
            }
            String s = Normalizer.normalize(sb.toString(), Normalizer.Form.NFD);
            assertEquals(s.replaceAll("\\p{M}+", ""), Folding.withoutMarks(s), s);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Beyoncé                 | beyonce",
            "Don’t Stop!             | dont stop",
            "Don't  Stop             | dont stop",
            "ﬁnal ＳＯＮＧ           | final song",
            "Rock 'n' Roll (Live)    | rock n roll live",
            "  AC/DC - T.N.T.        | ac dc t n t",
            "Simon & Garfunkel       | simon garfunkel",
            "' ?! … '                | ''"})
    @DisplayName("the comparison key: compatibility forms, accents, apostrophes and case away, other punctuation a space")
    void key(String text, String expected) {
        assertEquals(expected, Folding.key(text));
    }

    @Test
    @DisplayName("the comparison key is what the store, the answer cache and the evaluation each computed before it moved here")
    void keyIsTheOldKey() {
        Random rnd = new Random(11);
        String alphabet = "aAéÉöß’'-&.,!?  \t0123456789ﬁＳçÇñ";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 1 + rnd.nextInt(15); i++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            String old = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                    .replace("'", "").replace("’", "");
            old = old.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            assertEquals(old, Folding.key(text), text);
        }
        assertEquals("", Folding.key(null));
    }
}
