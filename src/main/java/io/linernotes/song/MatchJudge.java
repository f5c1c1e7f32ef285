package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import io.linernotes.config.SongConfig;
import io.linernotes.core.Scope;
import io.linernotes.song.ArtistMatcher.Credit;
import io.linernotes.song.TitleMatcher.TitleMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether one title match is good enough to name the song, reading the rest of the query for the
 * artist it names. Every candidate gets one score:
 *
 * <pre>
 *   score = title similarity                       (window against the title form, in [0, 1])
 *         + artistBonus     if the named artist is the song's (record, or its visible essay's opening)
 *         + featuredBonus   if the named artist is featured on it
 *         - conflictPenalty if another artist is named
 *         + quotedBonus     if the user put exactly this title in quotes
 *         - aliasPenalty    if the title form was learnt from an essay rather than stored (another song's
 *                           essay that mentions this title, a double A-side, must not tie with the song itself)
 * </pre>
 *
 * and is accepted only through one of these gates (thresholds from {@link SongConfig}): a near-exact title
 * stands alone; a looser or partial title needs the named artist to agree; with another artist named (known to
 * the catalogue or not), a near-exact specific title is answered with a correction. A typed word that replaces a title word
 * ("Walk on Lisbon" for "Walk on Home") makes it another title, whatever the artist.
 */
final class MatchJudge {

    /** Whether and how strongly a match names the song. */
    record Verdict(TitleMatch match, boolean accepted, double score, SongResolution.Misattribution misattribution,
                   String reason) {
    }

    /** Words of the query that name an artist: where they are and how they were typed. */
    record Claim(int from, int to, List<String> tokens, String surface, boolean explicit) {
    }

    private final SongConfig config;
    private final SongCatalog catalog;

    MatchJudge(SongConfig config, SongCatalog catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    Verdict judge(QueryText q, TitleMatch tm, boolean question, Scope reader) {
        boolean typed = titleTyped(tm, config);
        boolean near = tm.score() >= config.nearTitle() && tm.titleCoverage() >= config.nearTitle() && typed;
        boolean good = tm.score() >= config.goodTitle() && tm.titleCoverage() >= config.goodCoverage() && typed;
        // part of a title names the song only through a word few titles share ("swells", not "love")
        boolean partial = tm.windowCoverage() >= config.nearTitle() && tm.titleCoverage() >= config.partialCoverage()
                && tm.rareWords() >= 1;
        boolean quoted = q.wholeQuote(tm.from(), tm.to());
        boolean specific = tm.contentWords() >= 2 || tm.variant().weight() >= 2.0 || keyLength(tm) >= config.specificLetters();

        Claim claim = claim(q, tm.from(), tm.to(), question);
        Credit credit = Credit.NONE;
        List<Claim> explained = new ArrayList<>();
        if (claim != null) {
            credit = ArtistMatcher.match(claim.tokens(), tm.profile(), reader, claim.explicit() || nameLike(claim, tm.profile(), reader));
            if (credit != Credit.NONE) {
                // only the name itself is explained: "Baptized in Want <artist>" keeps "Want" beside the title
                explained.add(claim.explicit() ? claim : narrowed(q, claim, tm.profile()));
            }
        }
        if (credit == Credit.NONE && (claim == null || !claim.explicit())) {
            // no artist was named outright; any phrase of the question the song's credits know still counts
            for (Claim seg : segments(q, tm.from(), tm.to())) {
                if (q.quoted(seg.from(), seg.to())) {
                    continue; // quoted words name a title, not who sang it
                }
                Credit named = ArtistMatcher.match(seg.tokens(), tm.profile(), reader, nameLike(seg, tm.profile(), reader));
                if (named == Credit.PRIMARY) {
                    credit = Credit.PRIMARY;
                    explained.add(narrowed(q, seg, tm.profile()));
                    claim = null;
                    break;
                }
                if (named == Credit.FEATURED && q.word(seg.to() - 1).possessive()) {
                    // "<guest>'s verse in <title>": the song's guest, named for a part, credits nobody wrongly
                    explained.add(narrowed(q, seg, tm.profile()));
                }
            }
        }
        if (credit == Credit.FEATURED && creditedBefore(q, claim, tm, explained)) {
            credit = Credit.PRIMARY; // "<artist> featuring <guest>" typed whole is the song's credit, not a correction
        }
        boolean conflict = claim != null && credit == Credit.NONE && (claim.explicit() || !question);
        int unexplained = unexplained(q, tm, explained, conflict ? claim : null);
        double s = tm.score() + (quoted && near ? config.quotedBonus() : 0.0)
                - (tm.variant().alias() ? config.aliasPenalty() : 0.0);
        boolean whole = tm.typedContent() >= tm.contentWords();

        Claim named = conflict && claim.explicit() ? claim : null;
        if (tm.substituted() || strayBeside(q, tm, explained, named, claim, reader) || gapBefore(q, tm, claim, reader)
                || placeTaken(q, tm, explained, conflict ? claim : null) || determinerBefore(q, tm, explained)) {
            return verdict(tm, false, s, null, "a title word replaced: another title");
        }
        if (credit == Credit.PRIMARY) {
            boolean ok = good || partial && (!question || unexplained <= config.maxUnexplained() || quoted);
            return verdict(tm, ok, s + config.artistBonus(), null, "artist agrees");
        }
        if (credit == Credit.FEATURED) {
            boolean ok = good || partial && tm.titleCoverage() >= config.featuredCoverage();
            return verdict(tm, ok, s + config.featuredBonus(), new SongResolution.Misattribution(claim.surface(), true),
                    "featured artist named");
        }
        if (conflict) {
            // A title typed in full is this song credited to someone else, answered with the correction; the named
            // artist, known or not, cannot veto it. A one-word title only when no other visible song carries it:
            // two "Rain"s and another artist named is no song of ours, and it must be typed as stored ("Lantern" by
            // someone is not our "Lanterns"; a canonical spelling still is).
            boolean distinctive = tm.contentWords() >= 2
                    || catalog.titleCount(tm.profile(), reader) == 1 && tm.score() >= config.exactTitle();
            // the artist follows the title ("X by Y") or the title opens its own phrase ("Y - X"); "which song by
            // a singer … the rain" describes, it does not credit "Rain"
            boolean credits = claim.from() >= tm.to() || q.word(tm.from()).breakBefore();
            boolean ok = near && whole && distinctive && unexplained == 0 && credits;
            return verdict(tm, ok, s - config.conflictPenalty(),
                    new SongResolution.Misattribution(claim.surface(), false), "other artist named");
        }
        // with no artist to vouch for it, every real word of the title must have been typed: "Paper
        // Sky" is another song, not "(We Fold) Paper Sky Away"
        if (!question) {
            return verdict(tm, good && whole && unexplained == 0, s, null, "title alone");
        }
        boolean ok = whole && (near && (quoted || unexplained == 0 || specific && unexplained <= config.maxUnexplained())
                || good && quoted);
        return verdict(tm, ok, s, null, "title in question");
    }

    private static Verdict verdict(TitleMatch tm, boolean ok, double score, SongResolution.Misattribution mis, String why) {
        return new Verdict(tm, ok, score, ok ? mis : null, why);
    }

    private static boolean isWord(String norm) {
        return norm.length() >= 2 && norm.chars().allMatch(Character::isLetter);
    }

    /**
     * Words between the title and the artist after it that are not the question's frame: the user's title goes
     * on past the stored one ("Ember On Me by …" is not "Ember", "Harbour I Do <artist>" is not "Harbour"). Before
     * a "by" only question words may stand there; before a name typed without one, only joining words.
     */
    private static boolean gapBefore(QueryText q, TitleMatch tm, Claim claim, Scope reader) {
        if (claim == null || claim.from() <= tm.to()) {
            return false;
        }
        for (int i = tm.to(); i < claim.from(); i++) {
            String w = q.word(i).norm();
            if (q.word(i).breakBefore()) {
                return false; // punctuation ends the title: "Runaway — Kanye West (feat. …)"
            }
            if (w.equals("by") || QueryText.FEATURING.contains(w)) {
                return false;
            }
            boolean frame = claim.explicit() ? QueryText.QUESTION_WORDS.contains(w) : QueryText.JOINING.contains(w);
            if (!frame) {
                return !creditFrom(q, i, claim, tm);
            }
        }
        return false;
    }

    /**
     * Whether the guest {@code claim} names follows a "featuring" that follows the song's main artist, in one
     * phrase outside the title ("<artist> featuring <guest> - <title>"); the main artist's words are then explained.
     */
    private static boolean creditedBefore(QueryText q, Claim claim, TitleMatch tm, List<Claim> explained) {
        if (claim == null) {
            return false;
        }
        int feat = claim.from() - 1;
        if (feat < 1 || !QueryText.FEATURING.contains(q.word(feat).norm())) {
            return false;
        }
        int start = feat;
        while (start > 0 && !(start - 1 >= tm.from() && start - 1 < tm.to()) && !q.word(start).breakBefore()
                && !QueryText.QUESTION_WORDS.contains(q.word(start - 1).norm())) {
            start--;
        }
        if (start == feat || !ArtistMatcher.isName(q.norms().subList(start, feat), tm.profile())) {
            return false;
        }
        explained.add(new Claim(start, feat, q.norms().subList(start, feat), q.surface(start, feat), true));
        return true;
    }

    /**
     * A run of words that may be a name the essay's opening gives: several words, or one that is rare among the
     * openings and written there with a capital ("Celentano", not "drought" nor "life").
     */
    private boolean nameLike(Claim c, SongProfile p, Scope reader) {
        int content = 0;
        String word = null;
        for (String t : c.tokens()) {
            if (!TextNormalizer.isFunctionWord(t)) {
                content++;
                word = t;
            }
        }
        return content >= 2 || content == 1 && catalog.rareInOpenings(word) && p.namedInLead(word, reader);
    }

    /**
     * Whether the words from {@code i} on are, as a whole, one of the song's credited names: up to a "by" or
     * "featuring" ("<main artist> featuring <guest>"), else to the end of {@code claim} ("I <name>" of a band whose
     * name starts with a joining word the claim lost). Words that only contain a name ("Jelly by <artist>") are not.
     */
    private static boolean creditFrom(QueryText q, int i, Claim claim, TitleMatch tm) {
        if (claim == null || claim.to() <= i) {
            return false;
        }
        int end = claim.to();
        for (int j = i; j < claim.from(); j++) {
            String w = q.word(j).norm();
            if (w.equals("by") || QueryText.FEATURING.contains(w)) {
                end = j;
                break;
            }
        }
        return end > i && ArtistMatcher.isName(q.norms().subList(i, end), tm.profile());
    }

    /**
     * The part of a run of words that is the artist's name ("rosa vell" of "mister rosa vell"), so the words around
     * the name stay unexplained.
     */
    private static Claim narrowed(QueryText q, Claim seg, SongProfile p) {
        List<List<String>> names = new ArrayList<>(p.primaryNames());
        names.addAll(p.featuredNames());
        for (List<String> name : names) {
            int[] span = ArtistMatcher.span(name, seg.tokens());
            if (span != null) {
                return new Claim(seg.from() + span[0], seg.from() + span[1],
                        seg.tokens().subList(span[0], span[1]), q.surface(seg.from() + span[0], seg.from() + span[1]),
                        seg.explicit());
            }
        }
        return seg;
    }

    /**
     * A content word right before or after the title, in the same phrase and explained by no artist: the user's
     * title is longer than the stored one, so it is another title ("Seven Rivers Home" is not "Seven Rivers",
     * "Quiet Town" is not "Quiet").
     */
    private static boolean strayBeside(QueryText q, TitleMatch tm, List<Claim> explained, Claim conflict, Claim claim,
                                       Scope reader) {
        if (runsOn(q, tm, explained)) {
            return true;
        }
        for (int i : new int[] {tm.from() - 1, tm.to()}) {
            if (i < 0 || i >= q.size() || !QueryText.isContent(q.word(i).norm()) || !isWord(q.word(i).norm())
                    || tm.variant().tokens().contains(q.word(i).norm())
                    || (i == tm.to() && q.word(i).breakBefore()) || (i == tm.from() - 1 && q.word(tm.from()).breakBefore())) {
                continue; // numbers and the title's own words said again do not make a longer title
            }
            boolean covered = conflict != null && i >= conflict.from() && i < conflict.to();
            for (Claim c : explained) {
                covered |= i >= c.from() && i < c.to();
            }
            if (!covered && !(i == tm.to() && claim != null && claim.from() > i && creditFrom(q, i, claim, tm))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A function word right after the title that neither frames a question nor joins an artist, and starts no
     * name the song is credited to: the title runs on ("<title> Me", "<title> Do"), while "<title> El <Name>" is
     * the title and its artist.
     */
    private static boolean runsOn(QueryText q, TitleMatch tm, List<Claim> explained) {
        int after = tm.to();
        if (after >= q.size() || q.word(after).breakBefore()) {
            return false;
        }
        String w = q.word(after).norm();
        if (!TextNormalizer.isFunctionWord(w) || QueryText.QUESTION_WORDS.contains(w) || tm.variant().tokens().contains(w)) {
            return false;
        }
        if (QueryText.JOINING.contains(w)) {
            // a joining word joins a name ("<title> with <artist>"); followed by a pronoun or an article that opens
            // no name ("<title> with You"), it is the title going on
            int next = after + 1;
            if (w.equals("by") || QueryText.FEATURING.contains(w) || next >= q.size() || q.word(next).breakBefore()) {
                return false;
            }
            String n = q.word(next).norm();
            if (!TextNormalizer.isFunctionWord(n) || QueryText.QUESTION_WORDS.contains(n) || tm.variant().tokens().contains(n)
                    || covered(next, explained, null)) {
                return false;
            }
        }
        int nameFrom = QueryText.JOINING.contains(w) ? after + 1 : after;
        for (Claim c : explained) {
            if (after >= c.from() && after < c.to()) {
                return false;
            }
        }
        int end = after + 1;
        while (end < q.size() && !q.word(end).breakBefore() && !QueryText.QUESTION_WORDS.contains(q.word(end).norm())) {
            end++;
        }
        for (int to = end; to > nameFrom; to--) {
            if (ArtistMatcher.isName(q.norms().subList(nameFrom, to), tm.profile())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A title typed in part, with another word standing where its untyped first or last content words would be
     * ("Harbour When by …" for "Harbour Lights", "Drift in a Paper Boat" for "Sail in …"): the user's title has
     * that word changed. A word that closes a question ("meaning", "about"), a credited name or "by" may stand
     * there; across punctuation only where the stored title is punctuated too ("…, Darling").
     */
    private static boolean placeTaken(QueryText q, TitleMatch tm, List<Claim> explained, Claim conflict) {
        List<String> title = tm.variant().tokens();
        if (tm.firstTyped() < 0) {
            return false;
        }
        List<QueryText.Word> stored = storedWords(tm);
        if (untypedContent(title, tm.lastTyped() + 1, title.size()) && tm.to() < q.size()) {
            int j = tm.to();
            String w = q.word(j).norm();
            boolean titleBreaks = stored != null && stored.get(tm.lastTyped() + 1).breakBefore();
            if (!w.equals("by") && !QueryText.FEATURING.contains(w) && !QueryText.CLOSING.contains(w)
                    && !covered(j, explained, conflict) && (!q.word(j).breakBefore() || titleBreaks)) {
                return true;
            }
        }
        if (untypedContent(title, 0, tm.firstTyped()) && tm.from() > 0) {
            int i = tm.from() - 1;
            String w = q.word(i).norm();
            boolean titleBreaks = stored != null && stored.get(tm.firstTyped()).breakBefore();
            return QueryText.isContent(w) && !covered(i, explained, conflict)
                    && (!q.word(tm.from()).breakBefore() || titleBreaks);
        }
        return false;
    }

    /**
     * An article or possessive right before the title, in its phrase, that the title lacks: a frame introduces a
     * title with "the", "of" or "about", never with "a" or "your", so the user's title is longer ("Give Me a <title>").
     */
    private static boolean determinerBefore(QueryText q, TitleMatch tm, List<Claim> explained) {
        int i = tm.from() - 1;
        if (i < 0 || q.word(tm.from()).breakBefore()) {
            return false;
        }
        String w = q.word(i).norm();
        return QueryText.DETERMINERS.contains(w) && !tm.variant().tokens().contains(w) && !covered(i, explained, null);
    }

    private static boolean untypedContent(List<String> title, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!TextNormalizer.isFunctionWord(title.get(k))) {
                return true;
            }
        }
        return false;
    }

    /** The stored title's words as typed (with its punctuation), when the matched form is the stored title. */
    private static List<QueryText.Word> storedWords(TitleMatch tm) {
        QueryText t = QueryText.parse(tm.profile().song().title());
        return t.norms().equals(tm.variant().tokens()) ? t.words() : null;
    }

    private static boolean covered(int i, List<Claim> explained, Claim conflict) {
        boolean covered = conflict != null && i >= conflict.from() && i < conflict.to();
        for (Claim c : explained) {
            covered |= i >= c.from() && i < c.to();
        }
        return covered;
    }

    /** The window must hold the title's words, not just letters that happen to line up. */
    private static boolean titleTyped(TitleMatch tm, SongConfig config) {
        return tm.sureWords() >= Math.min(1, tm.contentWords()) && tm.windowCoverage() >= config.typedWindow();
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
            if (i >= tm.from() && i < tm.to() || !QueryText.isContent(q.word(i).norm())
                    || q.word(i).norm().chars().allMatch(Character::isDigit)) {
                continue; // a number in a question (a year, "0.1") describes; it names no other song
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
