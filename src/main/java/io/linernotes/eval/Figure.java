package io.linernotes.eval;

/**
 * One measured figure: a sum over {@code total} questions ({@code value} is a hit count, or the sum of
 * reciprocal ranks for MRR). {@link #rate()} is null when no question counted.
 */
public record Figure(double value, int total) {

    public static final Figure NONE = new Figure(0, 0);

    public Double rate() {
        return total == 0 ? null : value / total;
    }

    public Figure plus(double add) {
        return new Figure(value + add, total + 1);
    }

    public Figure merge(Figure other) {
        return new Figure(value + other.value, total + other.total);
    }
}
