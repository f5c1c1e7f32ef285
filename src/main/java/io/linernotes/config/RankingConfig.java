package io.linernotes.config;

/**
 * How the passages of a chosen song are ordered for a question ({@code retrieval.ranking}): the score of a
 * passage is {@code semantic × cosine(question, passage) + lexical × share of the question's rarity-weighted
 * terms (song names taken out) the passage holds + position × 1 / (1 + place in its essay)}. The cosine and
 * the share run from 0 to 1, so the weights say how much each kind of evidence counts.
 */
public record RankingConfig(Double semantic, Double lexical, Double position, Double meaningPosition,
        String meaningQuestion) {

    /** How a question that asks nothing beyond the song's name is put to the vectors. */
    public static final String MEANING_QUESTION = "What the song is about: its subject, its story and what its lyrics mean.";

    public RankingConfig {
        meaningQuestion = meaningQuestion == null || meaningQuestion.isBlank() ? MEANING_QUESTION : meaningQuestion.strip();
        semantic = semantic == null ? 1.0 : semantic;
        lexical = lexical == null ? 0.5 : lexical;
        position = position == null ? 0.1 : position;
        meaningPosition = meaningPosition == null ? 0.3 : meaningPosition;
        Checks.range("retrieval.ranking.semantic", semantic, 0, 10);
        Checks.range("retrieval.ranking.lexical", lexical, 0, 10);
        Checks.range("retrieval.ranking.position", position, 0, 10);
        Checks.range("retrieval.ranking.meaningPosition", meaningPosition, 0, 10);
    }

    public static RankingConfig defaults() {
        return new RankingConfig(null, null, null, null, null);
    }
}
