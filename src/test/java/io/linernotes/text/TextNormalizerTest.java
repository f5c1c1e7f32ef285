package io.linernotes.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest(name = "\"{0}\" folds to \"{1}\"")
    @DisplayName("folding removes case, accents, quote and dash styles and punctuation")
    @CsvSource(delimiter = '|', textBlock = """
            Beyoncé                          | beyonce
            “Don’t Stop ’Til Dawn”           | dont stop til dawn
            Salt & Vinegar                   | salt and vinegar
            Rock–Paper—Scissors              | rock paper scissors
            O.G. Bitch                       | og bitch
            24.000 baci                      | 24000 baci
            11:11                            | 11 11
            Men w/o Hats                     | men without hats
            '  Señorita   Lluvia!! '         | senorita lluvia
            Leonard Cohen's                  | leonard cohen
            Straße                           | strasse
            Œuvre                            | oeuvre
            Cœur de pirate                   | coeur de pirate
            """)
    void folds(String text, String folded) {
        assertEquals(folded, TextNormalizer.fold(text));
    }

    @Test
    @DisplayName("tokens are the folded words, and nothing for blank text")
    void tokens() {
        assertEquals(List.of("zet", "m", "op"), TextNormalizer.tokens("Zet 'M Op!"));
        assertEquals(List.of(), TextNormalizer.tokens("  ?! "));
        assertEquals(List.of(), TextNormalizer.tokens(null));
    }

    @ParameterizedTest(name = "\"{0}\" sounds like \"{1}\"")
    @DisplayName("sound-alike keys meet for transliterated spellings")
    @CsvSource({"azaadi, azadi", "dee, di", "phoenix, foenix", "lynsey, linsei"})
    void phoneticKeysMeet(String a, String b) {
        assertEquals(TextNormalizer.phonetic(a), TextNormalizer.phonetic(b));
    }
}
