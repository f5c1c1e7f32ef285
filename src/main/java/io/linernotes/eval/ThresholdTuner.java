package io.linernotes.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sweeps the baseline's refusal threshold over already retrieved hits. The objective is the sum of the song
 * top-1 rate (questions about corpus songs) and the absent-refusal rate: refusing more helps the second and
 * hurts the first, so the sum has an interior best. Ties go to the lower threshold.
 */
public final class ThresholdTuner {

    /** One point of the sweep. */
    public record Point(double threshold, double songTop1, double absentRefusals) {
        public double objective() {
            return songTop1 + absentRefusals;
        }
    }

    private ThresholdTuner() {
    }

    public static List<Point> sweep(List<EvalQuestion> questions, Map<String, List<NaiveRag.Hit>> hits,
            Scorer scorer, double from, double to, double step) {
        List<Point> points = new ArrayList<>();
        int steps = (int) Math.round((to - from) / step);
        for (int i = 0; i <= steps; i++) {
            double t = Math.round((from + i * step) * 1000) / 1000.0;
            Figure top1 = Figure.NONE;
            Figure absent = Figure.NONE;
            for (EvalQuestion q : questions) {
                Figures f = scorer.score(q, NaiveRag.answer(hits.get(q.id()), t));
                top1 = top1.merge(f.songTop1());
                absent = absent.merge(f.absentRefusals());
            }
            points.add(new Point(t, rateOrZero(top1), rateOrZero(absent)));
        }
        return points;
    }

    public static Point best(List<Point> points) {
        Point best = null;
        for (Point p : points) {
            if (best == null || p.objective() > best.objective() + 1e-12) {
                best = p;
            }
        }
        return best;
    }

    private static double rateOrZero(Figure f) {
        return f.rate() == null ? 0 : f.rate();
    }
}
