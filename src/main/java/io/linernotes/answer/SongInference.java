package io.linernotes.answer;

import io.linernotes.essay.Scope;
import io.linernotes.retrieval.RetrievedPassage;
import io.linernotes.retrieval.Retriever;
import io.linernotes.song.Song;
import io.linernotes.song.SongResolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which song a request is about, in order of how sure the evidence is: the song option, a title named
 * in the question, a quoted line that an essay discusses, the song of the conversation so far, and last the
 * passages themselves when the question describes a song without naming it. Anything weaker is NotFound.
 */
final class SongInference {

    /** Share of the question's content words a passage must contain before its song is taken as meant. */
    static final double MIN_COVERAGE = 0.5;
    /** ...and how many of them at least. */
    static final int MIN_COVERED_WORDS = 2;

    private final SongLookup songs;
    private final Retriever retriever;

    SongInference(SongLookup songs, Retriever retriever) {
        this.songs = songs;
        this.retriever = retriever;
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
        if (Questions.onlyNamesASong(question)) {
            return named;
        }
        Optional<Song> described = byPassages(question, scope);
        if (described.isPresent()) {
            return new SongResolution.Found(described.get(), 0.5, null);
        }
        return earlier.<SongResolution>map(song -> new SongResolution.Found(song, 0.4, null)).orElse(named);
    }

    /** The passages of {@code song} that best answer {@code question}; its essays' openings for a bare "what does it mean". */
    List<RetrievedPassage> passagesAbout(Song song, String question, Scope scope, int limit) {
        List<String> words = new ArrayList<>(Questions.contentWords(question));
        words.removeAll(Questions.contentWords(song.title() + " " + song.artist() + " " + String.join(" ", song.featured())));
        if (words.isEmpty()) {
            // Nothing asked beyond the song's name: an essay states its reading first, so lead with openings.
            return retriever.openings(Set.of(song.id()), scope, limit);
        }
        List<RetrievedPassage> found = new ArrayList<>(retriever.retrieve(question, Set.of(song.id()), scope, limit));
        if (found.size() < limit) {
            // The question shares few words with the essays (and vectors may be off): the song is known, so its
            // essays' openings still answer better than "no commentary".
            Set<String> have = new java.util.HashSet<>();
            found.forEach(p -> have.add(p.passage().id()));
            for (RetrievedPassage opening : retriever.openings(Set.of(song.id()), scope, limit)) {
                if (found.size() < limit && have.add(opening.passage().id())) {
                    found.add(opening);
                }
            }
        }
        return List.copyOf(found);
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
     * The song a question describes without naming it ("what is the Ichabod Crane line about?"): the song of
     * the best passage, provided that passage contains most of the question's content words. Similarity alone
     * never decides: a passage that merely resembles the question is not evidence that its song was meant.
     */
    private Optional<Song> byPassages(String question, Scope scope) {
        List<String> words = Questions.contentWords(question);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        List<RetrievedPassage> hits = retriever.retrieve(question, Set.of(), scope, 5);
        for (RetrievedPassage hit : hits) {
            if (hit.lexicalRank() == 0) {
                continue;
            }
            String text = Questions.fold(hit.passage().text() + " " + hit.essay().song().title() + " "
                    + hit.essay().song().artist());
            int covered = 0;
            for (String w : words) {
                if (containsWord(text, w)) {
                    covered++;
                }
            }
            if (covered >= Math.min(MIN_COVERED_WORDS, words.size())
                    && covered >= Math.ceil(MIN_COVERAGE * words.size())) {
                return songs.byId(hit.passage().songId());
            }
        }
        return Optional.empty();
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
