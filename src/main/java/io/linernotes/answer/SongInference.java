package io.linernotes.answer;

import io.linernotes.config.InferenceConfig;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.retrieval.RetrievedPassage;
import io.linernotes.retrieval.Retriever;
import io.linernotes.song.SongResolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which song a request is about, in order of how sure the evidence is: the song option, a title named
 * in the question, a quoted line that an essay discusses, the song of the conversation so far, and last the
 * passages themselves when the question describes a song without naming it. Anything weaker is NotFound.
 */
final class SongInference {

    private final SongLookup songs;
    private final Retriever retriever;
    private final InferenceConfig settings;

    SongInference(SongLookup songs, Retriever retriever, InferenceConfig settings) {
        this.songs = songs;
        this.retriever = retriever;
        this.settings = settings;
    }

    SongResolution resolve(String question, String hint, List<AnswerRequest.Turn> history, Scope scope) {
        if (!hint.isEmpty()) {
            SongResolution byName = songs.resolve(hint, scope);
            if (byName instanceof SongResolution.NotFound) {
                return byQuotedLine(List.of(hint), scope).orElse(byName);
            }
            return byName;
        }
        SongResolution named = songs.findInQuestion(question, scope);
        if (!(named instanceof SongResolution.NotFound)) {
            return named;
        }
        Optional<SongResolution> quoted = byQuotedLine(Questions.quotedLines(question), scope);
        if (quoted.isPresent()) {
            return quoted.get();
        }
        Optional<Song> earlier = lastSong(history);
        if (earlier.isPresent() && Questions.looksLikeFollowUp(question)) {
            return new SongResolution.Found(earlier.get(), 0.6, null);
        }
        if (Questions.onlyNamesASong(question) || !Questions.asksSomething(question)
                || onlyWhatWasUnderstood(named, question, settings.maxTitleWords(), credited(named, scope))) {
            // a song's name with nothing asked about it: a song we lack, not one to guess from passages
            return named;
        }
        Optional<Song> described = byPassages(question, scope);
        if (described.isPresent()) {
            return new SongResolution.Found(described.get(), 0.5, null);
        }
        return earlier.<SongResolution>map(song -> new SongResolution.Found(song, 0.4, null)).orElse(named);
    }

    /**
     * Whether every content word of the question lies in the title and artist the resolver understood it to name
     * ("Explain the song <title we lack>"): it names a song we lack and describes nothing to find it by. A question
     * about a part of a song ("the … line") still describes one. A title of more than {@code maxTitleWords} content
     * words is words around a title, not a song we lack.
     */
    static boolean onlyWhatWasUnderstood(SongResolution named, String question, int maxTitleWords) {
        return onlyWhatWasUnderstood(named, question, maxTitleWords, false);
    }

    /** Whether the artist the resolver understood is one the catalogue has songs of. */
    private boolean credited(SongResolution named, Scope scope) {
        return named instanceof SongResolution.NotFound nf && nf.artist() != null
                && !songs.songsBy(nf.artist(), scope, 1).isEmpty();
    }

    /**
     * As above; with {@code artistCredited}, the artist understood is one the catalogue has songs of, so its words
     * count with the title's as what the question names ("<artist> - <title we lack> what").
     */
    static boolean onlyWhatWasUnderstood(SongResolution named, String question, int maxTitleWords,
                                         boolean artistCredited) {
        if (!(named instanceof SongResolution.NotFound nf) || nf.title() == null) {
            return false;
        }
        // "bridge" in a title ("Bridge over …") asks about no bridge
        String outsideTitle = Questions.fold(question).replace(Questions.fold(nf.title()), " ");
        if (Questions.asksAboutAPart(outsideTitle)) {
            return false;
        }
        // the title understood must carry much of the question: "what does he mean by <a described line> in …"
        // was read as a title "he" and an artist, and it describes a song rather than naming one
        List<String> title = Questions.contentWords(nf.title());
        if (title.size() > maxTitleWords) {
            return false; // a run longer than titles are is words around a title, not a song we lack
        }
        List<String> understood = Questions.contentWords(nf.title() + " " + (nf.artist() == null ? "" : nf.artist()));
        List<String> words = Questions.contentWords(question);
        int naming = artistCredited ? understood.size() : title.size();
        return !words.isEmpty() && 2 * naming >= words.size() && understood.containsAll(words);
    }

    private Optional<SongResolution> byQuotedLine(List<String> lines, Scope scope) {
        for (String line : lines) {
            List<Long> ids = retriever.songsQuoting(line, scope, 5);
            if (ids.size() == 1) {
                Optional<Song> song = songs.byId(ids.get(0));
                if (song.isPresent()) {
                    return Optional.of(new SongResolution.Found(song.get(), 0.9, null));
                }
            } else if (ids.size() > 1) {
                List<SongResolution.Candidate> candidates = new ArrayList<>();
                for (long id : ids) {
                    songs.byId(id).ifPresent(s -> candidates.add(new SongResolution.Candidate(s, 1.0)));
                }
                if (!candidates.isEmpty()) {
                    return Optional.of(new SongResolution.Ambiguous(candidates));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Song> lastSong(List<AnswerRequest.Turn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Long id = history.get(i).songId();
            if (id != null) {
                return songs.byId(id);
            }
        }
        return Optional.empty();
    }

    /**
     * The song a question describes without naming it ("what is the lighthouse-keeper line about?", "which march was
     * written in Port Aldane in 1874?"). The songs of the best passages are candidates; each is scored by how
     * much of the question's content its best retrieved passage holds (with the song's names, year and album), every word
     * weighted by its rarity in the index, so that "Port Aldane" counts for far more than "written".
     * One passage, not the whole essay: a long essay holds some of almost any question's words somewhere, so
     * whole-essay coverage favours long essays over the short one whose single passage answers the question.
     * Similarity alone never decides: the best candidate must hold most of that weight, and clearly more than
     * the runner-up unless retrieval also ranked it first.
     */
    private Optional<Song> byPassages(String question, Scope scope) {
        List<String> words = Questions.contentWords(question);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        // "Which 2016 <artist> single …": an artist the catalogue knows narrows the search to that artist's songs
        Set<Long> artistSongs = songs.songsOfArtistsNamedIn(question, scope);
        List<RetrievedPassage> hits = retriever.retrieve(question, artistSongs, scope, settings.candidatePassages());
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> rarity = retriever.rarity(words);
        double total = 0;
        for (String w : words) {
            total += rarity.getOrDefault(w, 0.0);
        }
        if (total <= 0) {
            return Optional.empty();
        }
        Map<Long, Double> coverage = new LinkedHashMap<>();
        for (RetrievedPassage hit : hits) {
            Song song = hit.essay().song();
            String text = Questions.fold(songFacts(song) + " " + hit.passage().text());
            double covered = 0;
            for (String w : words) {
                if (containsWord(text, w)) {
                    covered += rarity.getOrDefault(w, 0.0);
                }
            }
            coverage.merge(hit.passage().songId(), covered / total, Math::max);
        }
        long best = -1;
        double bestScore = 0;
        double secondScore = 0;
        for (Map.Entry<Long, Double> candidate : coverage.entrySet()) {
            double score = candidate.getValue();
            if (score > bestScore) {
                secondScore = bestScore;
                bestScore = score;
                best = candidate.getKey();
            } else if (score > secondScore) {
                secondScore = score;
            }
        }
        RetrievedPassage top = hits.get(0);
        boolean rankedFirst = best == top.passage().songId();
        boolean clear = bestScore - secondScore >= settings.minMargin() || rankedFirst;
        // Both rankings agreeing on one passage is evidence of its own when the question paraphrases the essay.
        boolean bothRankingsAgree = rankedFirst && top.lexicalRank() == 1 && top.vectorRank() == 1;
        double needed = bothRankingsAgree || !artistSongs.isEmpty()
                ? settings.minCoverageWhenAgreed() : settings.minCoverage();
        if (best < 0 || bestScore < needed || !clear) {
            return Optional.empty();
        }
        return songs.byId(best);
    }

    /**
     * What the catalogue records of a song, which any of its passages speaks for: its names, year and album
     * ("which 2015 single by …" is answered by the record, the detail asked by one passage).
     */
    private static String songFacts(Song song) {
        return song.title() + " " + song.artist() + " " + String.join(" ", song.featured())
                + (song.year() == null ? "" : " " + song.year()) + (song.album() == null ? "" : " " + song.album());
    }

    /** Whole-word or word-prefix match (so "slacktivists" covers "slacktivist"), ignoring case. */
    private static boolean containsWord(String foldedText, String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String stem = w.length() > 5 ? w.substring(0, w.length() - 2) : w;
        int from = 0;
        while (true) {
            int at = foldedText.indexOf(stem, from);
            if (at < 0) {
                return false;
            }
            boolean startOk = at == 0 || !Character.isLetterOrDigit(foldedText.charAt(at - 1));
            if (startOk) {
                return true;
            }
            from = at + 1;
        }
    }
}
