package io.linernotes.retrieval;

import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Retriever} of Liner Notes: BM25 and vector search over the same passages, each contributing
 * {@code candidates}, fused by reciprocal rank. BM25 finds names and rare words ("Ichabod Crane"); vectors
 * find the passage that answers a question in other words. With vectors off it is BM25 alone and never
 * touches the embedding model.
 */
public final class HybridRetriever implements Retriever {

    private static final Logger log = LoggerFactory.getLogger(HybridRetriever.class);

    /** Passages examined by {@link #songsQuoting} before grouping them by song. */
    private static final int PHRASE_HITS = 200;

    private final LuceneIndex index;
    private final Embedder embedder;
    private final LongFunction<Essay> essays;
    private final RetrievalConfig config;
    private final ReciprocalRankFusion fusion;
    private final SongPassageRanking ranking;
    private volatile float[] meaningVector;

    /**
     * @param embedder the question embedder (the cache is not needed for questions); ignored and may be
     *                 null when {@code config.vectors()} is false
     * @param essays   the essay of an id, or null when it no longer exists (its passages are then skipped)
     */
    public HybridRetriever(LuceneIndex index, Embedder embedder, LongFunction<Essay> essays, RetrievalConfig config) {
        this.index = Objects.requireNonNull(index, "index");
        this.config = Objects.requireNonNull(config, "config");
        this.embedder = config.vectors() ? Objects.requireNonNull(embedder, "embedder") : null;
        this.essays = Objects.requireNonNull(essays, "essays");
        this.fusion = new ReciprocalRankFusion(config.rrfK());
        this.ranking = new SongPassageRanking(config.ranking());
    }

    public HybridRetriever(LuceneIndex index, Embedder embedder, EssayStore store, RetrievalConfig config) {
        this(index, embedder, id -> store.get(id).orElse(null), config);
    }

    @Override
    public List<RetrievedPassage> retrieve(String question, Set<Long> songIds, Scope reader, int limit) {
        if (question == null || question.isBlank() || limit <= 0) {
            return List.of();
        }
        long start = System.nanoTime();
        PassageFilter filter = new PassageFilter(songIds, reader);
        int candidates = Math.max(config.candidates(), limit);
        List<ScoredPassage> lexical = index.searchText(question, filter, candidates);
        List<ScoredPassage> vector = List.of();
        if (embedder != null && index.layout().vectors()) {
            try {
                vector = index.searchVector(embedder.embed(question), filter, candidates);
            } catch (RuntimeException e) {
                // An answer from BM25 alone beats no answer; the failure is logged for the operator.
                log.warn("Embedding the question failed; answering from BM25 alone", e);
            }
        }
        List<RetrievedPassage> out = new ArrayList<>(limit);
        Map<Long, Essay> seen = new HashMap<>();
        for (ReciprocalRankFusion.Fused f : fusion.fuse(lexical, vector)) {
            Passage p = f.hit().passage();
            Essay essay = seen.computeIfAbsent(p.essayId(), essays::apply);
            if (essay == null || !reader(reader).canSee(essay.scope())) {
                continue;
            }
            out.add(new RetrievedPassage(p, essay, f.score(), f.lexicalRank(), f.vectorRank(), f.lexicalScore()));
            if (out.size() == limit) {
                break;
            }
        }
        log.debug("Retrieved {} passages ({} lexical, {} vector candidates) in {} µs",
                out.size(), lexical.size(), vector.size(), (System.nanoTime() - start) / 1_000);
        return out;
    }

    @Override
    public List<RetrievedPassage> rankSong(String question, long songId, List<String> songNames, Scope reader,
            int limit) {
        if (limit <= 0) {
            return List.of();
        }
        long start = System.nanoTime();
        PassageFilter filter = new PassageFilter(Set.of(songId), reader(reader));
        List<Passage> passages = new ArrayList<>();
        for (ScoredPassage hit : index.passages(filter)) {
            passages.add(hit.passage());
        }
        if (passages.isEmpty()) {
            return List.of();
        }
        String asked = question == null ? "" : question.strip();
        String remainderText = QuestionRemainder.of(asked, songNames);
        Set<String> remainder;
        Map<Passage, Set<String>> terms = new HashMap<>();
        try (Analyzer questions = PassageAnalyzer.forQuestions(); Analyzer text = PassageAnalyzer.forText()) {
            remainder = QuestionRemainder.askedTerms(questions, remainderText);
            if (!remainder.isEmpty()) {
                for (Passage p : passages) {
                    terms.put(p, new HashSet<>(QuestionRemainder.terms(text, p.text())));
                }
            }
        }
        // Nothing asked beyond the song's name: the question is what the song means, asked in the words of
        // the configured meaning question rather than in names that every passage of the song shares.
        String semantic = remainder.isEmpty() ? config.ranking().meaningQuestion() : remainderText;
        Map<String, Double> cosines = new HashMap<>();
        if (embedder != null && index.layout().vectors()) {
            try {
                // With a filter this narrow Lucene compares the question with every passage of the song exactly.
                float[] vector = remainder.isEmpty() ? meaningVector() : embedder.embed(semantic);
                for (ScoredPassage hit : index.searchVector(vector, filter, passages.size())) {
                    // Lucene's cosine score is (1 + cos) / 2.
                    cosines.put(hit.passage().id(), 2.0 * hit.score() - 1.0);
                }
            } catch (RuntimeException e) {
                log.warn("Embedding the question failed; ranking the song's passages by their words alone", e);
            }
        }
        Map<String, Double> rarity = remainder.isEmpty() ? Map.of() : index.termRarity(remainder);
        List<RetrievedPassage> out = new ArrayList<>(Math.min(limit, passages.size()));
        Map<Long, Essay> seen = new HashMap<>();
        for (SongPassageRanking.Scored s : ranking.rank(passages, cosines, terms::get, remainder, rarity)) {
            Passage p = s.passage();
            Essay essay = seen.computeIfAbsent(p.essayId(), essays::apply);
            if (essay == null || !reader(reader).canSee(essay.scope())) {
                continue;
            }
            out.add(new RetrievedPassage(p, essay, s.score(), 0, 0, 0));
            if (out.size() == limit) {
                break;
            }
        }
        log.debug("Ranked {} passages of song {} in {} µs", passages.size(), songId, (System.nanoTime() - start) / 1_000);
        return out;
    }

    /** The meaning question never changes: embedded once, so a bare "what does it mean" costs no model call. */
    private float[] meaningVector() {
        float[] v = meaningVector;
        if (v == null) {
            v = embedder.embed(config.ranking().meaningQuestion());
            meaningVector = v;
        }
        return v;
    }

    @Override
    public List<RetrievedPassage> openings(Set<Long> songIds, Scope reader, int limit) {
        List<RetrievedPassage> out = new ArrayList<>(limit);
        Map<Long, Essay> seen = new HashMap<>();
        for (ScoredPassage hit : index.openings(new PassageFilter(songIds, reader(reader)), limit * 4)) {
            Passage p = hit.passage();
            Essay essay = seen.computeIfAbsent(p.essayId(), essays::apply);
            if (essay != null && reader(reader).canSee(essay.scope())) {
                out.add(new RetrievedPassage(p, essay, 0, 0, 0, 0));
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public Map<String, Double> rarity(List<String> words) {
        return index.rarity(words);
    }

    @Override
    public List<Long> songsQuoting(String line, Scope reader, int limit) {
        if (line == null || line.isBlank() || limit <= 0) {
            return List.of();
        }
        // Hits arrive best first, so a song's first hit is its best: insertion order ranks the songs.
        Set<Long> songs = new LinkedHashSet<>();
        for (ScoredPassage hit : index.searchPhrase(line, PassageFilter.visibleTo(reader(reader)), PHRASE_HITS)) {
            songs.add(hit.passage().songId());
            if (songs.size() == limit) {
                break;
            }
        }
        return List.copyOf(songs);
    }

    private static Scope reader(Scope reader) {
        return reader == null ? Scope.GLOBAL : reader;
    }
}
