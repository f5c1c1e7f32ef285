package io.linernotes.song;

import io.linernotes.essay.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One catalogue song prepared for matching: its title forms, the names it is credited to and the folded
 * words of its essay's opening. Built once per entry; the catalogue's indexes point at these.
 */
record SongProfile(Song song, Set<Scope> scopes, List<Variant> titles, List<List<String>> primaryNames,
                   List<List<String>> featuredNames, List<String> leadTokens, String foldedTitle,
                   String foldedArtist) {

    /** Splits a credit line into names; what follows a "featuring" marker is a featured credit. */
    private static final Pattern FEATURING = Pattern.compile("(?i)\\s+(?:featuring|feat\\.?|ft\\.?)\\s+");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("(?i)\\s*(?:,|&|\\band\\b|\\bwith\\b|\\bx\\b)\\s*");

    /** One way of writing the title, as folded tokens; {@code alias} when learnt from the essay. */
    record Variant(List<String> tokens, double weight, boolean alias) {
    }

    static double weight(String token) {
        return TextNormalizer.isFunctionWord(token) ? 0.35 : 1.0;
    }

    static SongProfile of(SongCatalog.Entry entry) {
        Song song = entry.song();
        List<Variant> titles = new ArrayList<>();
        Set<List<String>> seen = new LinkedHashSet<>();
        for (String form : LeadReader.titleForms(song.title())) {
            addVariant(titles, seen, form, false);
        }
        for (String alias : LeadReader.aliasTitles(entry.lead())) {
            addVariant(titles, seen, alias, true);
        }
        List<List<String>> primary = new ArrayList<>();
        List<List<String>> featured = new ArrayList<>();
        String[] credit = FEATURING.split(song.artist(), 2);
        addNames(primary, credit[0]);
        if (credit.length > 1) {
            addNames(featured, credit[1]);
        }
        if (credit.length == 1) {
            addName(primary, song.artist());
        }
        for (String f : song.featured()) {
            addNames(featured, f);
        }
        List<String> lead = TextNormalizer.tokens(entry.lead() == null ? "" : entry.lead());
        return new SongProfile(song, Set.copyOf(entry.scopes()), List.copyOf(titles), List.copyOf(primary),
                List.copyOf(featured), List.copyOf(lead), TextNormalizer.fold(song.title()),
                TextNormalizer.fold(song.artist()));
    }

    boolean visibleTo(Scope reader) {
        for (Scope owner : scopes) {
            if (reader.canSee(owner)) {
                return true;
            }
        }
        return false;
    }

    /** Every folded word of every title form. */
    Set<String> titleTokens() {
        Set<String> out = new LinkedHashSet<>();
        for (Variant v : titles) {
            out.addAll(v.tokens());
        }
        return out;
    }

    private static void addVariant(List<Variant> titles, Set<List<String>> seen, String text, boolean alias) {
        List<String> tokens = TextNormalizer.tokens(text);
        if (tokens.isEmpty() || !seen.add(tokens)) {
            return;
        }
        double w = 0;
        for (String t : tokens) {
            w += weight(t);
        }
        titles.add(new Variant(List.copyOf(tokens), w, alias));
    }

    private static void addNames(List<List<String>> names, String credit) {
        for (String part : NAME_SEPARATORS.split(credit)) {
            addName(names, part);
        }
        addName(names, credit);
    }

    private static void addName(List<List<String>> names, String name) {
        List<String> tokens = new ArrayList<>(TextNormalizer.tokens(name));
        if (!tokens.isEmpty() && tokens.get(0).equals("the") && tokens.size() > 1) {
            tokens.remove(0);
        }
        if (!tokens.isEmpty() && !names.contains(tokens)) {
            names.add(List.copyOf(tokens));
        }
    }
}
