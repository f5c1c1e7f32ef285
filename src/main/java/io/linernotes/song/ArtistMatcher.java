package io.linernotes.song;

import io.linernotes.text.StopWords;
import io.linernotes.text.TextNormalizer;
import io.linernotes.core.Scope;
import java.util.List;
import java.util.Set;

/**
 * Whether the artist a user named is one this song is credited to: the record's artist, its featured
 * artists, or a name its essay's opening gives (the record's artist may be the wrong one). Names are
 * compared as joined sound-alike strings, so spacing inside a name and a letter's typo do not matter, and
 * as order-free sets of words, so a family name typed first still names the artist.
 */
final class ArtistMatcher {

    /** How a named artist relates to a song. */
    enum Credit { PRIMARY, FEATURED, NONE }

    private static final Set<String> FEATURE_MARKERS = StopWords.FEATURING_IN_PROSE;
    /** How far before a name in the lead a "featuring" still makes it a featured credit. */
    private static final int FEATURE_REACH = 6;

    private ArtistMatcher() {
    }

    static Credit match(List<String> claim, SongProfile p, Scope reader) {
        return match(claim, p, reader, true);
    }

    /**
     * How {@code claim} relates to {@code p}. A name the essay's opening gives counts only when {@code fromLead}
     * allows it (the claim was typed as an artist, "by X", or looks like a name): any common word of an opening
     * ("life", "time") would otherwise credit the song.
     */
    static Credit match(List<String> claim, SongProfile p, Scope reader, boolean fromLead) {
        List<String> c = claim;
        if (!c.isEmpty() && c.get(0).equals("the") && c.size() > 1) {
            c = c.subList(1, c.size());
        }
        if (joinedLength(c) < 2) {
            return Credit.NONE;
        }
        for (List<String> name : p.primaryNames()) {
            if (names(c, name)) {
                return Credit.PRIMARY;
            }
        }
        for (List<String> name : p.featuredNames()) {
            if (names(c, name)) {
                return Credit.FEATURED;
            }
        }
        // an essay's opening repeats the title, so its words there say nothing about who sang it
        if (joinedLength(c) >= 3 && hasContent(c) && !allTitleWords(c, p) && fromLead) {
            for (List<String> lead : p.leadsFor(reader)) {
                Credit credit = inLead(c, lead);
                if (credit != Credit.NONE) {
                    return credit;
                }
            }
        }
        return Credit.NONE;
    }

    /** Whether {@code words} are one of the song's credited names as a whole (typos and word order forgiven). */
    static boolean isName(List<String> words, SongProfile p) {
        for (List<List<String>> names : List.of(p.primaryNames(), p.featuredNames())) {
            for (List<String> name : names) {
                if (words.size() == name.size() && (sameWordsAnyOrder(words, name)
                        || Fuzzy.distance(Fuzzy.joinedKey(words, 0, words.size()), Fuzzy.joinedKey(name, 0, name.size()), 1) <= 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code claim} names {@code name}: one within the other as joined keys, or the same words in any order. */
    static boolean names(List<String> claim, List<String> name) {
        return within(claim, name) >= 0 || within(name, claim) >= 0 || sameWordsAnyOrder(claim, name);
    }

    /** "marlow jun" for "Jun Marlow": every word of one name pairs with a distinct near-equal word of the other. */
    static boolean sameWordsAnyOrder(List<String> claim, List<String> name) {
        if (claim.size() < 2 || claim.size() != name.size()) {
            return false;
        }
        boolean[] used = new boolean[name.size()];
        for (String c : claim) {
            boolean paired = false;
            for (int i = 0; i < name.size() && !paired; i++) {
                if (!used[i] && (c.equals(name.get(i)) || Fuzzy.tokenSim(c, name.get(i)) > 0)) {
                    used[i] = true;
                    paired = true;
                }
            }
            if (!paired) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where in {@code hay} the name {@code needle} lies as [from, to) word positions (joined, within the typo
     * budget), or null; a name that is all of {@code hay} in another order spans it whole.
     */
    static int[] span(List<String> needle, List<String> hay) {
        int at = within(needle, hay);
        if (at < 0) {
            return sameWordsAnyOrder(hay, needle) ? new int[] {0, hay.size()} : null;
        }
        String n = Fuzzy.joinedKey(needle, 0, needle.size());
        int tolerance = n.length() < 5 ? 0 : n.length() < 10 ? 1 : 2;
        StringBuilder s = new StringBuilder();
        for (int j = at; j < hay.size(); j++) {
            s.append(Fuzzy.soundKey(Fuzzy.canon(hay.get(j))));
            if (s.length() >= n.length() - tolerance && Fuzzy.distance(s, n, tolerance) <= tolerance) {
                return new int[] {at, j + 1};
            }
        }
        return new int[] {at, hay.size()};
    }

    /** How an essay's opening credits the claimed name: featured when "featuring" comes just before it. */
    private static Credit inLead(List<String> c, List<String> lead) {
        int at = within(c, lead, leadTolerance(c));
        while (at >= 0) {
            if (!featuredAt(lead, at)) {
                return Credit.PRIMARY;
            }
            int next = within(c, lead.subList(at + 1, lead.size()), leadTolerance(c));
            if (next < 0) {
                return Credit.FEATURED;
            }
            at = at + 1 + next;
        }
        return Credit.NONE;
    }

    private static boolean featuredAt(List<String> lead, int at) {
        for (int i = Math.max(0, at - FEATURE_REACH); i < at; i++) {
            if (FEATURE_MARKERS.contains(lead.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where {@code needle} occurs in {@code hay} as a run of whole words (joined, within a typo budget), or
     * -1. Joining lets "vanhorn" match "van horn".
     */
    static int within(List<String> needle, List<String> hay) {
        int len = Fuzzy.joinedKey(needle, 0, needle.size()).length();
        return within(needle, hay, len < 5 ? 0 : len < 10 ? 1 : 2);
    }

    /** An essay's opening has many words; a short name must appear in it exactly. */
    private static int leadTolerance(List<String> claim) {
        int len = Fuzzy.joinedKey(claim, 0, claim.size()).length();
        return len < 8 ? 0 : len < 14 ? 1 : 2;
    }

    static int within(List<String> needle, List<String> hay, int tolerance) {
        String n = Fuzzy.joinedKey(needle, 0, needle.size());
        if (n.length() < 2 || hay.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < hay.size(); i++) {
            StringBuilder s = new StringBuilder();
            for (int j = i; j < hay.size(); j++) {
                s.append(Fuzzy.soundKey(Fuzzy.canon(hay.get(j))));
                if (s.length() > n.length() + tolerance) {
                    break;
                }
                if (s.length() >= n.length() - tolerance && Fuzzy.distance(s, n, tolerance) <= tolerance) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean allTitleWords(List<String> claim, SongProfile p) {
        Set<String> title = p.titleTokens();
        for (String t : claim) {
            if (!title.contains(t) && !TextNormalizer.isFunctionWord(t)) {
                return false;
            }
        }
        return true;
    }

    private static int joinedLength(List<String> tokens) {
        int n = 0;
        for (String t : tokens) {
            n += t.length();
        }
        return n;
    }

    private static boolean hasContent(List<String> tokens) {
        for (String t : tokens) {
            if (!TextNormalizer.isFunctionWord(t)) {
                return true;
            }
        }
        return false;
    }
}
