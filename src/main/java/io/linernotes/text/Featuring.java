package io.linernotes.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a featured artist's credit starts, in the two kinds of text that name one, both read from the one list
 * of markers as written ({@link StopWords#FEATURING_AS_WRITTEN}: "featuring", "feat.", "ft.").
 *
 * <ul>
 *   <li>A <em>credit</em> (an artist field, a featured list, the seed layout's first line) holds names and the
 *       words that join them, nothing else, so there an abbreviation counts with or without its dot:
 *       "Ada Vale ft Tomo Reyes" credits Tomo Reyes ({@link #IN_CREDIT}, {@link #MARKER},
 *       {@link #BETWEEN_NAMES}).</li>
 *   <li>Running <em>prose</em> (an essay's lead) uses "feat" and "ft" as words of their own ("a rare feat",
 *       "six ft tall"), so there only the full word and the dotted abbreviations count ({@link #inProse}).</li>
 * </ul>
 *
 * <p>Folded words (dots gone, as the song matcher reads a question or a lead) cannot tell "feat." from "feat";
 * their marker lists are {@link StopWords#FEATURING} and {@link StopWords#FEATURING_IN_PROSE}.
 */
public final class Featuring {

    /**
     * The markers as a credit may write them, lower case, longest first so that a scanner tries "feat." before
     * "feat": every form of {@link StopWords#FEATURING_AS_WRITTEN} and each dotted one without its dot.
     */
    public static final List<String> IN_CREDIT = creditForms();

    /**
     * A regular-expression group (non-capturing) that matches one marker of {@link #IN_CREDIT}; compile it
     * case-insensitive. Callers put the white space, commas or brackets their kind of credit allows around it.
     */
    public static final String MARKER = IN_CREDIT.stream().map(Pattern::quote)
            .collect(Collectors.joining("|", "(?:", ")"));

    /**
     * A marker between two names of a credit with the white space around it, any case ("Ada Vale feat. Tomo
     * Reyes"). A match starts only where a white-space run starts ({@code (?<!\s)}): found from inside the run,
     * it is found from the run's start too, and without the guard a long run is retried from each position.
     */
    public static final Pattern BETWEEN_NAMES = Pattern.compile("(?<!\\s)\\s+" + MARKER + "\\s+",
            Pattern.CASE_INSENSITIVE);

    private Featuring() {
    }

    /** Whether {@code word}, one word of running prose as written (any case), introduces a featured artist. */
    public static boolean inProse(String word) {
        return word != null && StopWords.FEATURING_AS_WRITTEN.contains(word.toLowerCase(Locale.ROOT));
    }

    private static List<String> creditForms() {
        List<String> forms = new ArrayList<>();
        for (String written : StopWords.FEATURING_AS_WRITTEN) {
            forms.add(written);
            if (written.endsWith(".")) {
                forms.add(written.substring(0, written.length() - 1));
            }
        }
        forms.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return List.copyOf(forms);
    }
}
