package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import io.linernotes.config.SongConfig;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.song.MatchJudge.Verdict;
import io.linernotes.song.TitleMatcher.TitleMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds which catalogue song a user means from a noisy name ("runawya", "Runaway by Pusha T", "Kanye
 * West - Runaway") or a free question, and says so only when sure: {@link SongResolution.Found} for one
 * clear song, {@link SongResolution.Ambiguous} when several fit about equally, otherwise
 * {@link SongResolution.NotFound} — a song the store lacks is never swapped for a similar-sounding one.
 */
public final class SongResolver {

    private static final Logger log = LoggerFactory.getLogger(SongResolver.class);
    private static final double LINE_CONFIDENCE = 0.8;
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{3,200})\"|(?<![\\p{L}\\p{N}])'([^']{3,200})'(?![\\p{L}\\p{N}])");

    private final SongCatalog catalog;
    private final BiFunction<String, Scope, List<Long>> songsQuoting;
    private final SongConfig config;
    private final MatchJudge judge;

    /** A resolver over {@code catalog} with the default thresholds, that does not look up quoted lyric lines. */
    public SongResolver(SongCatalog catalog) {
        this(catalog, null, SongConfig.defaults());
    }

    /**
     * A resolver over {@code catalog}; {@code songsQuoting} (for example the retriever's
     * {@code songsQuoting(line, reader, limit)}) maps a quoted lyric line to the ids of songs whose essays
     * quote it, best first. It may be null. {@code config} holds the thresholds of the decision.
     */
    public SongResolver(SongCatalog catalog, BiFunction<String, Scope, List<Long>> songsQuoting, SongConfig config) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.songsQuoting = songsQuoting;
        this.config = Objects.requireNonNull(config, "config");
        this.judge = new MatchJudge(config, catalog);
    }

    /** The same resolver over a newer catalogue. */
    public SongResolver withCatalog(SongCatalog next) {
        return new SongResolver(next, songsQuoting, config);
    }

    /** Resolves what was typed in a song option: a song name, perhaps with its artist, or a lyric line. */
    public SongResolution resolve(String text, Scope reader) {
        return run(text, reader, false);
    }

    /**
     * Finds the song a free question names, if it names one ("what's roche rumble by the fall about?").
     * A question naming no title is {@link SongResolution.NotFound}: the caller then relies on retrieval.
     */
    public SongResolution findInQuestion(String question, Scope reader) {
        return run(question, reader, true);
    }

    private SongResolution run(String text, Scope reader, boolean question) {
        String query = text == null ? "" : text.strip();
        QueryText q = QueryText.parse(query);
        if (q.size() == 0) {
            return new SongResolution.NotFound(query);
        }
        // words with no question around them ("Seven Rivers Jun Marlow") are a song's name, wherever they were typed:
        // every word must then be title or artist, as in the song option
        question = question && q.asks();
        List<Verdict> accepted = new ArrayList<>();
        boolean[] known = TitleMatcher.knownWords(q.norms(), catalog);
        for (SongProfile p : CandidateSearch.top(catalog, q.norms(), reader, config.candidates())) {
            TitleMatch tm = TitleMatcher.best(q.norms(), known, p, catalog, reader, config);
            if (tm == null) {
                continue;
            }
            Verdict v = judge.judge(q, tm, question, reader);
            if (log.isTraceEnabled()) {
                log.trace("{} -> {} {} ({})", query, TitleMatcher.describe(tm), v.accepted(), v.reason());
            }
            if (v.accepted()) {
                accepted.add(v);
            }
        }
        if (!accepted.isEmpty()) {
            return decide(accepted, q.norms());
        }
        SongResolution byLine = byQuotedLine(query, q, reader, question);
        // the refusal asks of many phrases, each exactly and then forgivingly, whether it is a credited name: the
        // songs a phrase may name are searched once per phrase
        Map<String, List<Song>> songsByName = new HashMap<>();
        return byLine != null ? byLine : Understood.of(query, q, config.refusalTitleWords(),
                (name, exact) -> credited(name, exact, songsByName.computeIfAbsent(name,
                        n -> catalog.songsBy(n, reader, config.candidates()))));
    }

    /**
     * Whether {@code name}, as a whole, is a name a visible song is credited to: its very words ({@code exact}), or
     * with typos and word order forgiven. A leading "the" may be typed or not ("The <band>"). {@code songsByName}:
     * the visible songs whose main artist {@code name} may name ({@link SongCatalog#songsBy}).
     */
    private boolean credited(String name, boolean exact, List<Song> songsByName) {
        List<String> words = TextNormalizer.tokens(name);
        List<String> bare = words.size() > 1 && words.get(0).equals("the") ? words.subList(1, words.size()) : words;
        for (Song s : songsByName) {
            Optional<SongProfile> p = catalog.profileById(s.id());
            if (p.isEmpty()) {
                continue;
            }
            List<List<String>> names = new ArrayList<>(p.get().primaryNames());
            names.addAll(p.get().featuredNames());
            for (List<String> credit : names) {
                if (exact ? credit.equals(words) || credit.equals(bare)
                        : ArtistMatcher.isName(words, p.get()) || ArtistMatcher.isName(bare, p.get())) {
                    return true;
                }
            }
        }
        return false;
    }

    private SongResolution decide(List<Verdict> accepted, List<String> query) {
        // The words that frame a question ("what is ... about", "... meaning", "tell me the story of ...") name no
        // song while another accepted title, holding words of the question's content, scores as well: "What is
        // <title> by <artist> about?" asks about <title>, not about a song called "About" that credits the same
        // artist (in a large catalogue every frame word is some song's title). A title of frame words alone still
        // wins when it clearly beats every other.
        double bestNamed = accepted.stream().filter(v -> !framing(v.match(), query)).mapToDouble(Verdict::score)
                .max().orElse(Double.NEGATIVE_INFINITY);
        accepted = new ArrayList<>(accepted.stream()
                .filter(v -> !framing(v.match(), query) || v.score() - bestNamed >= config.tieMargin()).toList());
        accepted.sort(Comparator.comparingDouble(Verdict::score).reversed()
                .thenComparing(v -> v.match().profile().song().id()));
        Verdict top = accepted.get(0);
        List<SongResolution.Candidate> tied = new ArrayList<>();
        for (Verdict v : accepted) {
            if (top.score() - v.score() < config.tieMargin()) {
                tied.add(new SongResolution.Candidate(v.match().profile().song(), clamp(v.score())));
            }
        }
        if (tied.size() > 1) {
            return new SongResolution.Ambiguous(tied);
        }
        return new SongResolution.Found(top.match().profile().song(), clamp(top.score()), top.misattribution());
    }

    /** Whether every word of {@code m}'s window is a word that frames a question. */
    private static boolean framing(TitleMatch m, List<String> query) {
        for (int i = m.from(); i < m.to(); i++) {
            if (!QueryText.QUESTION_WORDS.contains(query.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A lyric line is only looked up when no title matched: in quotes within a question, or as the whole
     * song option when it is long enough to be a line.
     */
    private SongResolution byQuotedLine(String query, QueryText q, Scope reader, boolean question) {
        if (songsQuoting == null) {
            return null;
        }
        Set<String> lines = new LinkedHashSet<>();
        Matcher m = QUOTED.matcher(TextNormalizer.unifyPunctuation(query));
        while (m.find()) {
            String line = m.group(1) != null ? m.group(1) : m.group(2);
            if (TextNormalizer.tokens(line).size() >= 3) {
                lines.add(line.strip());
            }
        }
        if (!question && q.size() >= 4) {
            lines.add(query);
        }
        for (String line : lines) {
            Map<Long, Song> songs = new LinkedHashMap<>();
            for (long id : songsQuoting.apply(line, reader)) {
                catalog.profileById(id).filter(p -> p.visibleTo(reader)).ifPresent(p -> songs.put(id, p.song()));
            }
            if (songs.size() == 1) {
                return new SongResolution.Found(songs.values().iterator().next(), LINE_CONFIDENCE, null);
            }
            if (songs.size() > 1) {
                List<SongResolution.Candidate> c = new ArrayList<>();
                double score = LINE_CONFIDENCE;
                for (Song s : songs.values()) {
                    c.add(new SongResolution.Candidate(s, score));
                    score *= 0.95;
                }
                return new SongResolution.Ambiguous(c);
            }
        }
        return null;
    }

    private static double clamp(double score) {
        return Math.max(0.0, Math.min(1.0, score));
    }
}
