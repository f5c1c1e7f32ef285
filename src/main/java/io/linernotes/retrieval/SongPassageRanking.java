package io.linernotes.retrieval;

import io.linernotes.config.RankingConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The score of each passage of one song for one question, once the song is chosen. Three kinds of evidence,
 * added with the weights of {@link RankingConfig}:
 * <ul>
 * <li><b>semantic</b>: the cosine between the question and the passage (the question as asked: the vectors
 * were trained on whole sentences, and the song's names weigh the same on every passage of the song);</li>
 * <li><b>lexical</b>: how much of what the question asks, once the song's names are out
 * ({@link QuestionRemainder}), the passage holds, each term weighted by its rarity in the whole index, as a
 * share from 0 to 1, so that "barbiturates" decides and "song" does not;</li>
 * <li><b>position</b>: {@code 1 / (1 + position)} in its essay; an essay states its reading first, so when
 * nothing else tells the passages apart ("what is it about?") the opening leads; a question that asks nothing
 * beyond the song's name weighs it with {@code meaningPosition}.</li>
 * </ul>
 * Every passage of the song is scored, so the ranking never depends on what a candidate cut-off let through.
 */
final class SongPassageRanking {

    /** One passage with its evidence. {@code cosine} is NaN when there are no vectors. */
    record Scored(Passage passage, double score, double cosine, double coverage) {
    }

    private final RankingConfig weights;

    SongPassageRanking(RankingConfig weights) {
        this.weights = weights;
    }

    /**
     * @param passages   every passage of the song
     * @param cosines    passage id to cosine with the question (empty when vectors are off)
     * @param termsOf    the analysed terms of a passage
     * @param asked      the analysed terms of the question's remainder (names and question words out)
     * @param rarity     a term's inverse document frequency in the whole index
     */
    List<Scored> rank(List<Passage> passages, Map<String, Double> cosines,
            java.util.function.Function<Passage, Set<String>> termsOf, Set<String> asked, Map<String, Double> rarity) {
        double total = 0;
        for (String term : asked) {
            total += rarity.getOrDefault(term, 0.0);
        }
        double positionWeight = asked.isEmpty() ? weights.meaningPosition() : weights.position();
        List<Scored> out = new ArrayList<>(passages.size());
        for (Passage p : passages) {
            double coverage = 0;
            if (total > 0) {
                Set<String> has = termsOf.apply(p);
                double covered = 0;
                for (String term : asked) {
                    if (has.contains(term)) {
                        covered += rarity.getOrDefault(term, 0.0);
                    }
                }
                coverage = covered / total;
            }
            Double cos = cosines.get(p.id());
            double cosine = cos == null ? Double.NaN : cos;
            double score = weights.lexical() * coverage + positionWeight / (1 + p.position());
            if (cos != null) {
                score += weights.semantic() * cosine;
            }
            out.add(new Scored(p, score, cosine, coverage));
        }
        // Ties (the same evidence twice) go to reading order, then to the older essay.
        out.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(s -> s.passage().position())
                .thenComparingLong(s -> s.passage().essayId()));
        return out;
    }
}
