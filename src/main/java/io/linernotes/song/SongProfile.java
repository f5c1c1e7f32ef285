package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One catalogue song prepared for matching: its title forms, the names it is credited to and the folded
 * words of its essays' openings. Built once per entry; the catalogue's indexes point at these.
 *
 * <p>What an essay's opening teaches (another title, a credit) belongs to the scope the essay was stored in:
 * {@code leads} keeps one opening per scope, and matching for a reader only reads the openings that reader may
 * see, so a server's essay never changes how another server's questions resolve.
 */
record SongProfile(Song song, Set<Scope> scopes, List<Variant> titles, List<List<String>> primaryNames,
                   List<List<String>> featuredNames, Map<Scope, OpeningFacts> leads, LeadWords leadWords,
                   String foldedTitle, String foldedArtist) {

    /** Splits a credit line into names; what follows a "featuring" marker is a featured credit. */
    private static final Pattern FEATURING = io.linernotes.text.Featuring.BETWEEN_NAMES;
    private static final Pattern NAME_SEPARATORS = Pattern.compile("(?i)\\s*(?:,|&|\\band\\b|\\bwith\\b|\\bx\\b)\\s*");

    /**
     * One way of writing the title, as folded tokens; {@code source} is the scope of the essay it was learnt
     * from, or null for the stored title itself.
     */
    record Variant(List<String> tokens, double weight, Scope source) {
        boolean alias() {
            return source != null;
        }

        boolean visibleTo(Scope reader) {
            return source == null || reader.canSee(source);
        }
    }

    /** A word of an opening as written, with what precedes it (to tell a sentence's first word). */
    private static final Pattern WRITTEN_WORD = Pattern.compile("([.!?:\"(]\\s*)?(\\p{L}[\\p{L}\\p{N}'’.-]*)");

    /**
     * Folded words an essay's opening writes with a capital inside a sentence: names ("Celentano"), as opposed
     * to common words ("drought"); a single word typed beside a title credits the song only if it is one.
     */
    static Set<String> capitalised(String lead) {
        Set<String> out = new java.util.HashSet<>();
        java.util.regex.Matcher m = WRITTEN_WORD.matcher(TextNormalizer.unifyPunctuation(lead));
        boolean first = true;
        while (m.find()) {
            String w = m.group(2);
            if (!first && m.group(1) == null && Character.isUpperCase(w.charAt(0))) {
                out.addAll(TextNormalizer.tokens(w));
            }
            first = false;
        }
        return out;
    }

    /** Whether some opening {@code reader} may see writes {@code word} (folded) with a capital inside a sentence. */
    boolean namedInLead(String word, Scope reader) {
        for (Map.Entry<Scope, OpeningFacts> lead : leads.entrySet()) {
            if (reader.canSee(lead.getKey()) && lead.getValue().names(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The folded words of a song's openings as lists, split from the folded openings on first use. Only the songs
     * a question brings up as candidates need them as lists, and a list of shared word strings per opening is
     * bigger than the folded opening itself. Equal when the openings are equal, as the words are.
     */
    static final class LeadWords {
        private final Map<Scope, OpeningFacts> leads;
        private volatile Map<Scope, List<String>> words;

        LeadWords(Map<Scope, OpeningFacts> leads) {
            this.leads = Map.copyOf(leads);
        }

        Map<Scope, List<String>> get() {
            Map<Scope, List<String>> w = words;
            if (w == null) { // two threads may both split: they build equal maps, and either is kept
                Map<Scope, List<String>> out = new LinkedHashMap<>();
                leads.forEach((scope, lead) -> out.put(scope, shared(lead.wordList())));
                w = Map.copyOf(out);
                words = w;
            }
            return w;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LeadWords other && leads.equals(other.leads);
        }

        @Override
        public int hashCode() {
            return leads.hashCode();
        }
    }

    static double weight(String token) {
        return TextNormalizer.isFunctionWord(token) ? 0.35 : 1.0;
    }

    /**
     * One String per distinct opening word, shared by every profile. An opening is ~100 words and a corpus
     * has a vocabulary of tens of thousands, so copies per song were most of the catalogue's heap (measured
     * at 10,000 songs: 968,000 word strings for 12,555 distinct words, ~45 MB). Grows with the vocabulary only.
     */
    private static final ConcurrentHashMap<String, String> WORDS = new ConcurrentHashMap<>();

    private static List<String> shared(List<String> tokens) {
        String[] out = new String[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            String t = tokens.get(i);
            String known = WORDS.putIfAbsent(t, t);
            out[i] = known == null ? t : known;
        }
        return List.of(out);
    }

    static SongProfile of(Song song, Map<Scope, OpeningFacts> leads) {
        List<Variant> titles = new ArrayList<>();
        Set<List<String>> seen = new LinkedHashSet<>();
        for (String form : LeadReader.titleForms(song.title())) {
            addVariant(titles, seen, TextNormalizer.tokens(form), null);
        }
        for (Map.Entry<Scope, OpeningFacts> lead : leads.entrySet()) {
            for (List<String> alias : lead.getValue().aliasTitles()) {
                addVariant(titles, seen, alias, lead.getKey());
            }
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
        return new SongProfile(song, Set.copyOf(leads.keySet()), List.copyOf(titles), List.copyOf(primary),
                List.copyOf(featured), Map.copyOf(leads), new LeadWords(leads), TextNormalizer.fold(song.title()),
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

    /** The folded words of each scope's opening. */
    Map<Scope, List<String>> leadTokens() {
        return leadWords.get();
    }

    /** The folded openings of this song's essays that {@code reader} may see. */
    List<List<String>> leadsFor(Scope reader) {
        List<List<String>> out = new ArrayList<>(1);
        leadTokens().forEach((scope, tokens) -> {
            if (reader.canSee(scope)) {
                out.add(tokens);
            }
        });
        return out;
    }

    /** Every folded word of every title form (of every scope: the index only proposes, matching checks scope). */
    Set<String> titleTokens() {
        Set<String> out = new LinkedHashSet<>();
        for (Variant v : titles) {
            out.addAll(v.tokens());
        }
        return out;
    }

    /**
     * Title words run together as users type them ("saltwine", "bellamara" for "Bella Mara"): every pair
     * of adjacent words, and each whole title form of two to four words, joined. Indexed beside the words so a
     * joined or split query finds its candidates; the title matcher then compares joined forms exactly.
     */
    Set<String> joinedTitleForms() {
        Set<String> out = new LinkedHashSet<>();
        for (Variant v : titles) {
            List<String> t = v.tokens();
            for (int i = 0; i + 1 < t.size(); i++) {
                out.add(Fuzzy.joinedPlain(t, i, i + 2));
                out.add(t.get(i) + t.get(i + 1)); // as typed: "mrx" for "Mr X" (the canonical form says "mister")
            }
            if (t.size() > 2 && t.size() <= 4) {
                out.add(Fuzzy.joinedPlain(t, 0, t.size()));
            }
        }
        return out;
    }

    private static void addVariant(List<Variant> titles, Set<List<String>> seen, List<String> tokens, Scope source) {
        if (tokens.isEmpty() || !seen.add(tokens)) {
            return;
        }
        double w = 0;
        for (String t : tokens) {
            w += weight(t);
        }
        titles.add(new Variant(List.copyOf(tokens), w, source));
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
