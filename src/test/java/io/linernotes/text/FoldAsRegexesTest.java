package io.linernotes.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linernotes.bench.SyntheticCorpus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link TextNormalizer#fold} is written as loops for speed; it must give exactly what its rules give applied one
 * after the other as regular expressions (the form it had before, kept here as the reference), on real prose and
 * on generated text full of the characters the rules look at.
 */
class FoldAsRegexesTest {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?:\\.\\p{L}(?![\\p{L}\\p{N}]))+\\.?");
    private static final Pattern DIGIT_GROUP = Pattern.compile("(?<=\\d)[.,](?=\\d{3}(?!\\d))");
    private static final Pattern WITHOUT = Pattern.compile("(?<![\\p{L}\\p{N}])w/o(?![\\p{L}\\p{N}])");
    private static final Pattern WITH = Pattern.compile("(?<![\\p{L}\\p{N}])w/(?=\\s|\\p{L})");
    private static final Pattern POSSESSIVE = Pattern.compile("'s(?![\\p{L}\\p{N}])");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The fold as a chain of regular expressions. */
    static String reference(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(referenceUnify(text), Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe").replace("Œ", "OE")
                .replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ł", "l")
                .replace("Ł", "L").replace("þ", "th").replace("ı", "i").toLowerCase(Locale.ROOT);
        s = s.replace("&", " and ").replace("+", " and ");
        s = WITHOUT.matcher(s).replaceAll(" without ");
        s = WITH.matcher(s).replaceAll(" with ");
        s = POSSESSIVE.matcher(s).replaceAll("");
        s = s.replace("'", "");
        s = DIGIT_GROUP.matcher(s).replaceAll("");
        Matcher m = DOTTED_ACRONYM.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group().replace(".", "")));
        }
        m.appendTail(sb);
        s = NOT_WORD.matcher(sb.toString()).replaceAll(" ");
        return s.strip();
    }

    /** Curly quotes, primes and dashes in their plain forms, character by character. */
    static String referenceUnify(String text) {
        StringBuilder unified = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4' -> unified.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> unified.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> unified.append('-');
                default -> unified.append(c);
            }
        }
        return unified.toString();
    }

    @Test
    @DisplayName("essay prose, titles and artists fold as the regular expressions fold them")
    void prose() throws IOException, URISyntaxException {
        List<String> texts = new ArrayList<>();
        for (SyntheticCorpus.Record r : new SyntheticCorpus(5).generate(3000)) {
            texts.add(r.title());
            texts.add(r.artist());
            texts.add(r.text().substring(0, Math.min(600, r.text().length())));
        }
        texts.addAll(Files.readAllLines(Path.of(getClass().getResource("/robustness/songs.jsonl").toURI())));
        Path shared = Path.of("..", "shared", "corpora", "wikipedia-songs", "songs.jsonl");
        if (Files.exists(shared)) { // more real prose when the shared corpus is here; ours above covers the rules
            texts.addAll(Files.readAllLines(shared));
        }
        for (String t : texts) {
            assertEquals(reference(t), TextNormalizer.fold(t), t);
        }
    }

    @Test
    @DisplayName("generated strings of accents, marks, ligatures, apostrophes, digit groups, acronyms and w/ fold alike")
    void generated() {
        String[] pieces = {"a", "s", "S", "o", "w", "x", "R", "E", "M", "1", "2", "0", "9", "'", "’", "‘", "`", ".",
            ",", "/", "w/", "w/o", "W/O", "&", "+", " ", "  ", "\t", "\n", "-", "–", "—", "\"", "“", "é", "e\u0301",
            "\u0301", "\u20DD", "\u0903", "ß", "æ", "Œ", "ø", "Ł", "þ", "ı", "İ", "ǅ", "ʰ", "Ⅻ", "½", "٣", "𝒜", "𝟙",
            "😀", "\u200B", "«", "»", "´", "\u2032", "\u2033", "\u201E", "\u2212", "ª", "¬", "\u00AD", "中", "ﬁ",
            "'s", "’s", "s'", "...", "O.G.", "1.000", "24,000", "11:11"};
        Random random = new Random(17);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = sb.toString();
            assertEquals(reference(t), TextNormalizer.fold(t), t);
            assertEquals(referenceUnify(t), TextNormalizer.unifyPunctuation(t), t);
        }
    }
}
