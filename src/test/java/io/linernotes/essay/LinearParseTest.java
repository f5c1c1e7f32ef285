package io.linernotes.essay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.EssayConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading an essay file takes time linear in its size. The seed layout's title, artist and featured-credit
 * patterns and the paragraph trim once backtracked over runs of spaces: a 105 KB first line of spaces took about
 * 100 s of CPU. Each hostile shape below must now be read (or refused) well inside a bound the quadratic code
 * cannot meet; the first-line reader must also read every ordinary line exactly as the old patterns did.
 */
@DisplayName("Essay files are read in linear time, within a budget, and first lines mean what they meant")
class LinearParseTest {
    /** Far above a linear read of 105 KB (milliseconds); far below the ~100 s the backtracking took. */
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String SPACES = " ".repeat(105_000);
    private static final EssayParser PARSER = new EssayParser(EssayConfig.defaults());

    static Stream<Arguments> hostileFiles() {
        String body = "\n\nA body paragraph that says what the song means.";
        return Stream.of(
                Arguments.of("spaces after the opening, no artist", "Meaning of" + SPACES + "x by" + body),
                Arguments.of("spaces inside a quoted title", "Meaning of 'x" + SPACES + "y' by z" + body),
                Arguments.of("spaces before 'by' in a plain title", "Meaning of x" + SPACES + "y by z" + body),
                Arguments.of("spaces inside a plain artist", "Meaning of 'x' by y" + SPACES + "z" + body),
                Arguments.of("spaces after a leading feat.", "Meaning of 'x' by 'y' feat." + SPACES + "z)" + body),
                Arguments.of("spaces inside a quoted artist", "Meaning of 'x' by 'y" + SPACES + "z" + body),
                Arguments.of("spaces inside a featured credit", "Meaning of 'x' by 'y' feat. a" + SPACES + "b" + body),
                Arguments.of("spaces inside a Features line", "Meaning of 'x' by 'y'\n\nFeatures: a" + SPACES + "b" + body),
                Arguments.of("spaces inside a body paragraph", "Meaning of 'x' by 'y'\n\nA" + SPACES + "b\nc"),
                Arguments.of("quotes and spaces alternating", "Meaning of '" + "x' ".repeat(20_000) + SPACES + body),
                Arguments.of("a jsonl license of spaces", "{\"title\":\"x\",\"artist\":\"y\",\"text\":\"A body.\","
                        + "\"license\":\"CC" + SPACES + "z\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    @DisplayName("a hostile 105 KB file is read or refused far inside the bound the backtracking could not meet")
    void hostileFilesAreReadQuickly(String shape, String content) {
        String name = content.startsWith("{") ? "hostile.jsonl" : "hostile.txt";
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                assertNotNull(PARSER.parseReport(name, bytes));
            } catch (EssayFormatException refused) {
                assertTrue(refused.getMessage().startsWith(name), refused.getMessage());
            }
        }, shape);
    }

    @Test
    @DisplayName("a file that takes longer than essays.importSeconds is refused and stores nothing")
    void importsHaveATimeBudget() {
        AtomicLong now = new AtomicLong();
        // Every look at the clock is one second later: the budget of 2 s is spent after a few steps.
        EssayParser slow = new EssayParser(new EssayConfig(0, 0, 0, 0, 0, 2), () -> now.addAndGet(1_000_000_000L));
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            jsonl.append("{\"title\":\"Song ").append(i).append("\",\"artist\":\"A\",\"text\":\"Body ").append(i)
                    .append(".\"}\n");
        }
        EssayFormatException e = org.junit.jupiter.api.Assertions.assertThrows(EssayFormatException.class,
                () -> slow.parseReport("many.jsonl", jsonl.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("essays.importSeconds") && e.getMessage().contains("nothing was stored"),
                e.getMessage());
    }

    // ---- the first-line reader reads what the old patterns read ----

    private static final String OPEN_QUOTE = "[‘'“\"`]";
    private static final String CLOSE_QUOTE = "[’'”\"`]";
    private static final String FEAT_WORD = "(?:feat\\.?|ft\\.?|featuring|with|&|x|×)";
    private static final Pattern QUOTED_TITLE = Pattern.compile(
            "^Meaning of\\s+" + OPEN_QUOTE + "(.*?)" + CLOSE_QUOTE + "\\s+by\\s+(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN_TITLE = Pattern.compile("^Meaning of\\s+(.*?)\\s+by\\s+(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED_ARTIST = Pattern.compile(
            "^" + OPEN_QUOTE + "(.*?)" + CLOSE_QUOTE + "(?=\\s|$)\\s*(.*)$");
    private static final Pattern LEADING_FEAT = Pattern.compile("^\\(?" + FEAT_WORD + "\\s+(.*?)\\)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INNER_FEAT = Pattern.compile("\\s+\\(?" + FEAT_WORD + "\\s+",
            Pattern.CASE_INSENSITIVE);

    /** The patterns as they were (on short lines they are fine): the reference the scanner must agree with. */
    private static List<String> oldRead(String first) {
        String title;
        String rest;
        Matcher quoted = QUOTED_TITLE.matcher(first);
        Matcher plain = PLAIN_TITLE.matcher(first);
        if (quoted.matches()) {
            title = quoted.group(1);
            rest = quoted.group(2);
        } else if (plain.matches()) {
            title = stripQuotes(plain.group(1));
            rest = plain.group(2);
        } else {
            return null;
        }
        Matcher artist = QUOTED_ARTIST.matcher(rest.strip());
        if (artist.matches()) {
            Matcher feat = LEADING_FEAT.matcher(artist.group(2).strip());
            return List.of(title, artist.group(1), feat.matches() ? feat.group(1) : "");
        }
        Matcher inner = INNER_FEAT.matcher(rest);
        if (inner.find()) {
            String credit = rest.substring(inner.end()).strip();
            if (credit.endsWith(")")) {
                credit = credit.substring(0, credit.length() - 1);
            }
            return List.of(title, stripQuotes(rest.substring(0, inner.start())), credit);
        }
        return List.of(title, stripQuotes(rest), "");
    }

    private static String stripQuotes(String value) {
        return value.strip().replaceAll("^" + OPEN_QUOTE + "|" + CLOSE_QUOTE + "$", "");
    }

    /** First lines built from every combination of quoting, credit word, spacing and case. */
    static List<String> generatedFirstLines() {
        String[] titles = {"Runaway", "Don’t Stop", "Hurt", "Stan", "A Day in the Life", "X Gon' Give It to Ya",
                "Go by Night", "With or Without You", "Feat of Strength", "by"};
        String[] artists = {"Kanye West", "Fleetwood Mac", "Eminem", "Simon & Garfunkel", "DMX", "U2", "Nine Inch Nails"};
        String[][] quotes = {{"‘", "’"}, {"'", "'"}, {"“", "”"}, {"\"", "\""}, {"", ""}, {"`", "`"}};
        String[] credits = {"", " feat. Pusha T", " ft. Dido", " featuring Rihanna", " with Nate Dogg", " & Friends",
                " x Drake", " × Drake", " (feat. Pusha T)", " (with Nate Dogg)", " FEAT. Dido, Big Sean & Kid Cudi"};
        String[] gaps = {" ", "  ", "\t", " \t "};
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (String title : titles) {
            for (String artist : artists) {
                for (String[] q : quotes) {
                    for (String credit : credits) {
                        String gap = gaps[n++ % gaps.length];
                        String opening = n % 3 == 0 ? "meaning OF" : "Meaning of";
                        String artistQ = n % 2 == 0 ? q[0] + artist + q[1] : artist;
                        lines.add(opening + gap + q[0] + title + q[1] + gap + "by" + gap + artistQ + credit);
                    }
                }
            }
        }
        lines.add("Meaning of Runaway");
        lines.add("Meaning of 'Runaway' by");
        lines.add("Meaning of  by Someone");
        lines.add("Meaning of 'Don't Stop' by 'Fleetwood Mac' feat.");
        return lines;
    }

    @Test
    @DisplayName("on generated first lines the scanner reads the same title, artist and credit as the old patterns")
    void scannerAgreesWithTheOldPatterns() {
        List<String> lines = generatedFirstLines();
        assertTrue(lines.size() > 4_000, "enough cases: " + lines.size());
        List<String> disagreements = new ArrayList<>();
        for (String line : lines) {
            String first = line.strip();
            List<String> expected = oldRead(first);
            TitleLine.Parts parts = TitleLine.read(first);
            List<String> actual = parts == null ? null : List.of(parts.title(), parts.artist(), parts.credit());
            if (expected == null ? actual != null : !expected.equals(actual)) {
                disagreements.add(first + " -> old " + expected + ", new " + actual);
            }
        }
        assertEquals(List.of(), disagreements.subList(0, Math.min(10, disagreements.size())),
                disagreements.size() + " of " + lines.size() + " lines read differently");
    }
}
