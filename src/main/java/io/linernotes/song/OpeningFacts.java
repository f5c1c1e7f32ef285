package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the catalogue learns from one essay's opening, derived once from its text: the opening's folded words
 * (how rare a word is among openings, and the credits an artist check reads), the folded words it writes with a
 * capital inside a sentence (names), and the other titles its first sentence gives the song, folded. The store
 * keeps these beside each essay, written with the essay, so a start reads them instead of folding every opening;
 * {@link #VERSION} names the code that derives them, and a store derived by another version derives them again.
 *
 * <p>Held as folded strings (words joined by single spaces, titles one a line): that is what folding returns,
 * splitting it again gives exactly {@link TextNormalizer#tokens}, and one string per opening keeps the catalogue's
 * heap near the size of the openings themselves.
 */
public record OpeningFacts(boolean blank, String words, String capitalised, String aliases) {

    /**
     * The version of the derivation: of this class, {@link LeadReader}, the folding in {@link TextNormalizer} and
     * how the store picks a song's openings. Raise it with any change to what they return; every store derives
     * its openings again once, at the next start.
     */
    public static final int VERSION = 1;

    /** How much of an essay's opening is read for names and credits the metadata may lack (characters). */
    public static final int LEAD_CHARS = 600;

    public OpeningFacts {
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(capitalised, "capitalised");
        Objects.requireNonNull(aliases, "aliases");
    }

    /** The facts of an opening of no words. */
    public static final OpeningFacts NONE = new OpeningFacts(true, "", "", "");

    /** Derives the facts of {@code lead}, an essay's first {@link #LEAD_CHARS} characters ({@link #lead}). */
    public static OpeningFacts of(String lead) {
        if (lead == null || lead.isEmpty()) {
            return NONE;
        }
        List<String> aliases = new ArrayList<>();
        for (String alias : LeadReader.aliasTitles(lead)) {
            aliases.add(TextNormalizer.fold(alias));
        }
        return new OpeningFacts(lead.isBlank(), TextNormalizer.fold(lead),
                String.join(" ", new TreeSet<>(SongProfile.capitalised(lead))), String.join("\n", aliases));
    }

    /**
     * The opening of {@code body}: its first {@link #LEAD_CHARS} characters, counted as the store's SQL
     * {@code substr} counts them (code points), so an opening cut here and one cut by the database are the same.
     */
    public static String lead(String body) {
        if (body.length() <= LEAD_CHARS) {
            return body;
        }
        int end = body.offsetByCodePoints(0, Math.min(LEAD_CHARS, body.codePointCount(0, body.length())));
        return body.substring(0, end);
    }

    /** The opening's folded words in order, as {@link TextNormalizer#tokens} gives them. */
    List<String> wordList() {
        return split(words);
    }

    /** Whether the opening writes {@code word} (folded) with a capital inside a sentence. */
    boolean names(String word) {
        return !capitalised.isEmpty() && Arrays.asList(capitalised.split(" ")).contains(word);
    }

    /** The other titles the opening gives, each as its folded words, in the order it gives them. */
    List<List<String>> aliasTitles() {
        if (aliases.isEmpty()) {
            return List.of();
        }
        List<List<String>> out = new ArrayList<>();
        for (String alias : aliases.split("\n", -1)) {
            out.add(split(alias));
        }
        return out;
    }

    private static List<String> split(String folded) {
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }
}
