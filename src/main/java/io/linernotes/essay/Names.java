package io.linernotes.essay;

import io.linernotes.text.Featuring;
import io.linernotes.text.Folding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small rules about song titles and artist names, shared by the parsers and the store: cleaning
 * invisible characters, splitting a credit into featured artists, and the folded key a song is unique on.
 */
final class Names {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * Separators between artists inside a featured credit: "A & B", "A, B", "A x B", "A feat. B", "A ft B" (a
     * credit's featuring markers, {@link Featuring#MARKER}, the same as in an artist field). Each alternative
     * starts only where a white-space run starts ({@code (?<!\s)}): a match found from inside a run is found
     * from its start too, and without the guard every position of a long run is retried to its end.
     */
    private static final Pattern CREDIT_SEPARATOR = Pattern.compile(
            "(?<!\\s)\\s*,\\s*|(?<!\\s)\\s+(?:&|and|x|×|with|" + Featuring.MARKER + ")\\s+",
            Pattern.CASE_INSENSITIVE);
    /**
     * "X feat. Y", "X, ft Y", "X (featuring Y)" written into an artist field: the featured credit starts at
     * the match.
     */
    private static final Pattern ARTIST_FEAT = Pattern.compile(
            "(?<!\\s)(?:\\s*,)?\\s+\\(?" + Featuring.MARKER + "\\s+", Pattern.CASE_INSENSITIVE);
    /** "featuring the vocals of Y": the words before the name. */
    private static final Pattern VOCALS_OF = Pattern.compile(
            "^(?:the\\s+)?(?:guest\\s+)?vocals\\s+(?:of|by|from)\\s+", Pattern.CASE_INSENSITIVE);

    private Names() {
    }

    /** Removes invisible and control characters, collapses runs of white space, trims; null stays null. */
    static String clean(String name) {
        if (name == null) {
            return null;
        }
        return SPACES.matcher(ControlCharacters.strip(Folding.withoutInvisible(name))).replaceAll(" ").trim();
    }

    /** Splits a featured credit such as "A & B, C" into cleaned names, in order. */
    static List<String> splitCredit(String credit) {
        List<String> names = new ArrayList<>();
        if (credit == null) {
            return names;
        }
        String stripped = VOCALS_OF.matcher(credit.trim()).replaceFirst("");
        for (String part : CREDIT_SEPARATOR.split(stripped)) {
            String name = clean(part);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Splits an artist credit that carries its featured artists ("Ada Vale featuring Tomo Reyes",
     * "Inés (feat. Joaquín Almar)") into {main artist, featured credit}; the credit is "" when there is none.
     * Only a featuring marker splits (feat., ft., featuring, the abbreviations with or without their dot):
     * "Simon & Garfunkel" is one artist.
     */
    static String[] splitArtist(String artist) {
        if (artist == null) {
            return new String[] {null, ""};
        }
        Matcher feat = ARTIST_FEAT.matcher(artist);
        if (!feat.find() || feat.start() == 0) {
            return new String[] {artist, ""};
        }
        String credit = artist.substring(feat.end()).strip();
        if (credit.endsWith(")")) {
            credit = credit.substring(0, credit.length() - 1);
        }
        return new String[] {artist.substring(0, feat.start()), credit};
    }

    /** Cleaned names without blanks, duplicates (ignoring case) or the main artist himself. */
    static List<String> distinctFeatured(List<String> featured, String artist) {
        Map<String, String> byFold = new LinkedHashMap<>();
        String artistFold = artist == null ? "" : fold(artist);
        for (String raw : featured) {
            String name = clean(raw);
            if (name == null || name.isEmpty()) {
                continue;
            }
            String key = fold(name);
            if (!key.equals(artistFold)) {
                byFold.putIfAbsent(key, name);
            }
        }
        return List.copyOf(byFold.values());
    }

    /**
     * The form two spellings of one name share: accents, case, punctuation and spacing removed
     * ("Beyoncé" and "beyonce", "Don't Stop" and "Dont Stop").
     */
    static String fold(String text) {
        return Folding.key(clean(text));
    }

    /** The key a song is unique on: folded title and folded main artist. */
    static String songKey(String title, String artist) {
        return fold(title) + " | " + fold(artist);
    }
}
