package io.linernotes.song;

import java.util.List;
import java.util.Set;

/**
 * Whether the artist a user named is one this song is credited to: the record's artist, its featured
 * artists, or a name its essay's opening gives (the record's artist may be the wrong one). Names are
 * compared as joined sound-alike strings, so "lynsey depaul" meets "Lynsey de Paul" and "leah labell"
 * meets "Leah LaBelle".
 */
final class ArtistMatcher {

    /** How a named artist relates to a song. */
    enum Credit { PRIMARY, FEATURED, WEAK, NONE }

    private static final Set<String> FEATURE_MARKERS = Set.of("featuring", "feat", "ft", "featured", "features");
    /** How far before a name in the lead a "featuring" still makes it a featured credit. */
    private static final int FEATURE_REACH = 6;

    private ArtistMatcher() {
    }

    static Credit match(List<String> claim, SongProfile p) {
        List<String> c = claim;
        if (!c.isEmpty() && c.get(0).equals("the") && c.size() > 1) {
            c = c.subList(1, c.size());
        }
        if (joinedLength(c) < 2) {
            return Credit.NONE;
        }
        for (List<String> name : p.primaryNames()) {
            if (within(c, name) >= 0 || within(name, c) >= 0) {
                return Credit.PRIMARY;
            }
        }
        for (List<String> name : p.featuredNames()) {
            if (within(c, name) >= 0 || within(name, c) >= 0) {
                return Credit.FEATURED;
            }
        }
        if (joinedLength(c) >= 3 && hasContent(c)) {
            List<String> lead = p.leadTokens();
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
        }
        return sharesNamePrefix(c, p) ? Credit.WEAK : Credit.NONE;
    }

    private static boolean featuredAt(List<String> lead, int at) {
        for (int i = Math.max(0, at - FEATURE_REACH); i < at; i++) {
            if (FEATURE_MARKERS.contains(lead.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** A nickname or short form ("hikki" for "Hikaru") is not proof, but it is not a contradiction. */
    private static boolean sharesNamePrefix(List<String> claim, SongProfile p) {
        if (claim.size() != 1) {
            return false; // nicknames are one word; "marvin gaye" is a full name, and not "Marlowe"
        }
        for (String t : claim) {
            if (t.length() < 4) {
                continue;
            }
            for (List<String> name : p.primaryNames()) {
                for (String n : name) {
                    if (n.length() >= 4 && n.regionMatches(0, t, 0, 3)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Where {@code needle} occurs in {@code hay} as a run of whole words (joined, within a typo budget), or
     * -1. Joining lets "depaul" match "de paul".
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
                s.append(TextNormalizer.phonetic(Fuzzy.canon(hay.get(j))));
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
