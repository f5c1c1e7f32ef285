package io.linernotes.song;

import io.linernotes.song.ArtistMatcher.Credit;
import io.linernotes.song.TitleMatcher.TitleMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether one title match is good enough to name the song, reading the rest of the query for the
 * artist it names. The rule of thumb: a near-exact title stands on its own (a wrong artist becomes a
 * misattribution note); a looser or partial title needs the artist to agree; words nobody can explain
 * make a match less believable.
 */
final class MatchJudge {

    /** Whether and how strongly a match names the song. */
    record Verdict(TitleMatch match, boolean accepted, double score, SongResolution.Misattribution misattribution,
                   String reason) {
    }

    /** Words of the query that name an artist: where they are and how they were typed. */
    record Claim(int from, int to, List<String> tokens, String surface, boolean explicit) {
    }

    private static final double NEAR_SCORE = 0.85;
    private static final double NEAR_COVERAGE = 0.85;
    private static final double GOOD_SCORE = 0.78;
    private static final double GOOD_COVERAGE = 0.7;

    private MatchJudge() {
    }

    static Verdict judge(QueryText q, TitleMatch tm, boolean question) {
        boolean near = tm.score() >= NEAR_SCORE && tm.titleCoverage() >= NEAR_COVERAGE && titleTyped(tm);
        boolean good = tm.score() >= GOOD_SCORE && tm.titleCoverage() >= GOOD_COVERAGE && titleTyped(tm);
        // part of a title names the song only through a word few titles share ("swells", not "love")
        boolean partial = tm.windowCoverage() >= 0.85 && tm.titleCoverage() >= 0.3 && tm.rareWords() >= 1;
        boolean quoted = q.wholeQuote(tm.from(), tm.to());
        boolean specific = tm.contentWords() >= 2 || tm.variant().weight() >= 2.0 || keyLength(tm) >= 8;

        Claim claim = claim(q, tm.from(), tm.to(), question);
        Credit credit = Credit.NONE;
        List<Claim> explained = new ArrayList<>();
        if (claim != null) {
            credit = ArtistMatcher.match(claim.tokens(), tm.profile());
            if (credit != Credit.NONE) {
                explained.add(claim);
            }
        }
        if (credit == Credit.NONE && (claim == null || !claim.explicit())) {
            // no artist was named outright; any phrase of the question the song's credits know still counts
            for (Claim seg : segments(q, tm.from(), tm.to())) {
                if (q.quoted(seg.from(), seg.to())) {
                    continue; // quoted words name a title, not who sang it
                }
                if (ArtistMatcher.match(seg.tokens(), tm.profile()) == Credit.PRIMARY) {
                    credit = Credit.PRIMARY;
                    explained.add(seg);
                    claim = null;
                    break;
                }
            }
        }
        boolean conflict = claim != null && credit == Credit.NONE && (claim.explicit() || !question);
        int unexplained = unexplained(q, tm, explained, conflict ? claim : null);
        // a title the user put in quotes is the one they mean
        double s = tm.score() + (quoted && near ? 0.1 : 0.0);

        if (credit == Credit.PRIMARY) {
            return verdict(tm, good || partial && (!question || unexplained <= 2 || quoted), s + 0.15, null, "artist agrees");
        }
        if (credit == Credit.FEATURED) {
            boolean ok = good || partial && tm.titleCoverage() >= 0.5;
            return verdict(tm, ok, s + 0.1, new SongResolution.Misattribution(claim.surface(), true), "featured artist named");
        }
        if (credit == Credit.WEAK) {
            return verdict(tm, good, s + 0.05, null, "artist nickname");
        }
        if (conflict) {
            // many real songs share a one-word title ("Monster", "Beautiful"): with another artist named,
            // only a title of two or more real words is taken as this song misattributed
            boolean ok = near && tm.contentWords() >= 2 && unexplained == 0;
            return verdict(tm, ok, s - 0.1, new SongResolution.Misattribution(claim.surface(), false), "other artist named");
        }
        // with no artist to vouch for it, every real word of the title must have been typed: "Love My
        // Life" is another song, not "(I Wanna) Love My Life Away"
        boolean whole = tm.typedContent() >= tm.contentWords();
        if (!question) {
            return verdict(tm, good && whole && unexplained == 0, s, null, "title alone");
        }
        boolean ok = whole && (near && (quoted || unexplained == 0 || specific && unexplained <= 3) || good && quoted);
        return verdict(tm, ok, s, null, "title in question");
    }

    private static Verdict verdict(TitleMatch tm, boolean ok, double score, SongResolution.Misattribution mis, String why) {
        return new Verdict(tm, ok, score, ok ? mis : null, why);
    }

    /** The window must hold the title's words, not just letters that happen to line up. */
    private static boolean titleTyped(TitleMatch tm) {
        return tm.sureWords() >= Math.min(1, tm.contentWords()) && tm.windowCoverage() >= 0.6;
    }

    private static int keyLength(TitleMatch tm) {
        return Fuzzy.joinedKey(tm.variant().tokens(), 0, tm.variant().tokens().size()).length();
    }

    /**
     * The artist the query names: after "by"/"feat." anywhere, or (in a question) just before the title as
     * "X's" or "X song"; for a bare song name, the longest run of other words ("runaway kanye").
     */
    static Claim claim(QueryText q, int wFrom, int wTo, boolean question) {
        int n = q.size();
        for (int pass = 0; pass < 2; pass++) {
            for (int b = pass == 0 ? wTo : 0; b < (pass == 0 ? n : wFrom); b++) {
                String w = q.word(b).norm();
                if (w.equals("by") || QueryText.FEATURING.contains(w)) {
                    int j = b + 1;
                    while (j < n && (j < wFrom || j >= wTo) && !(j > b + 1 && q.word(j).breakBefore())
                            && !QueryText.QUESTION_WORDS.contains(q.word(j).norm())) {
                        j++;
                    }
                    Claim c = make(q, b + 1, j, true);
                    if (c != null) {
                        return c;
                    }
                }
            }
        }
        if (question) {
            int k = wFrom - 1;
            boolean songWord = k >= 0 && List.of("song", "track", "single", "tune").contains(q.word(k).norm());
            if (songWord) {
                k--;
            }
            if (k >= 0 && (songWord || q.word(k).possessive())) {
                int start = k;
                while (start > 0 && !q.word(start).breakBefore()
                        && !QueryText.QUESTION_WORDS.contains(q.word(start - 1).norm())) {
                    start--;
                }
                return make(q, start, k + 1, true);
            }
            return null;
        }
        Claim best = null;
        for (Claim c : segments(q, wFrom, wTo)) {
            if (best == null || c.tokens().size() > best.tokens().size()) {
                best = c;
            }
        }
        return best;
    }

    /** Runs of words outside the title window, split at question words and punctuation. */
    static List<Claim> segments(QueryText q, int wFrom, int wTo) {
        List<Claim> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= q.size(); i++) {
            boolean stop = i == q.size() || (i >= wFrom && i < wTo) || q.word(i).breakBefore()
                    || QueryText.QUESTION_WORDS.contains(q.word(i).norm());
            if (stop && start >= 0) {
                Claim c = make(q, start, i, false);
                if (c != null) {
                    out.add(c);
                }
                start = -1;
            }
            boolean usable = i < q.size() && !(i >= wFrom && i < wTo) && !QueryText.QUESTION_WORDS.contains(q.word(i).norm());
            if (usable && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** A claim over [from, to) trimmed of joining words at its edges, or null when nothing is left. */
    private static Claim make(QueryText q, int from, int to, boolean explicit) {
        while (from < to && QueryText.FILLER.contains(q.word(from).norm()) && !q.word(from).norm().equals("the")) {
            from++;
        }
        while (to > from && QueryText.FILLER.contains(q.word(to - 1).norm())) {
            to--;
        }
        List<String> tokens = new ArrayList<>();
        boolean content = false;
        for (int i = from; i < to; i++) {
            tokens.add(q.word(i).norm());
            content |= QueryText.isContent(q.word(i).norm());
        }
        if (!content) {
            return null;
        }
        return new Claim(from, to, tokens, q.surface(from, to), explicit);
    }

    /** Content words outside the title that neither name the song's artist nor a conflicting one. */
    private static int unexplained(QueryText q, TitleMatch tm, List<Claim> explained, Claim conflict) {
        int count = 0;
        for (int i = 0; i < q.size(); i++) {
            if (i >= tm.from() && i < tm.to() || !QueryText.isContent(q.word(i).norm())) {
                continue;
            }
            boolean covered = conflict != null && i >= conflict.from() && i < conflict.to();
            for (Claim c : explained) {
                covered |= i >= c.from() && i < c.to();
            }
            count += covered ? 0 : 1;
        }
        return count;
    }
}
