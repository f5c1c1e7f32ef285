package io.linernotes.bench;

/**
 * The figures of one kind of question at one corpus size, for the engine and the naive baseline on the same
 * questions. {@code songTop1}: share whose expected song came first (the engine's resolved song; the
 * baseline's best segment); {@code evidenceAt5}: share whose evidence was in the first five passages (content
 * and line questions; -1 where a kind has none); for {@code absent}, {@code songTop1} holds the share refused.
 */
public record KindFigures(String kind, int count, Latency engine, double engineSongTop1, double engineEvidenceAt5,
        Latency baseline, double baselineSongTop1, double baselineEvidenceAt5) {
}
