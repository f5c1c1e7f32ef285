package io.linernotes.eval;

import java.util.Locale;
import java.util.Map;

/** Renders an {@link EvalReport} as a plain-text table: per kind, each figure for engine and baseline. */
public final class ReportTable {

    private ReportTable() {
    }

    public static String render(EvalReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d questions, %d of %d corpus records stored; baseline threshold %.2f"
                + " (%d segments of <=%d tokens)%n", report.questions(), report.recordsStored(),
                report.corpusRecords(), report.baselineThreshold(), report.baselineSegments(), NaiveRag.SEGMENT_TOKENS));
        sb.append(String.format(Locale.ROOT, "columns: engine (the passages handed to the answer); retrieval alone"
                + " (whole index, before a song is chosen; evidence only); baseline with no threshold; baseline refusing"
                + " under %.2f; diff = engine - baseline with no threshold%n", report.baselineThreshold()));
        for (Map.Entry<String, Figures> e : report.engine().entrySet()) {
            Figures engine = e.getValue();
            Figures alone = report.retrievalAlone().getOrDefault(e.getKey(), Figures.EMPTY);
            Figures open = report.baselineNoThreshold().getOrDefault(e.getKey(), Figures.EMPTY);
            Figures baseline = report.baseline().getOrDefault(e.getKey(), Figures.EMPTY);
            sb.append(String.format(Locale.ROOT, "%n[%s] %d questions%n", e.getKey(), engine.questions()));
            sb.append(String.format(Locale.ROOT, "  %-27s %-15s %-15s %-15s %-15s %s%n", "figure", "engine",
                    "retrieval", "base no-thr", String.format(Locale.ROOT, "base >=%.2f", report.baselineThreshold()),
                    "diff"));
            for (String name : Figures.NAMES) {
                Figure a = engine.byName().get(name);
                Figure b = open.byName().get(name);
                if (a.total() == 0) {
                    continue;
                }
                String retrieval = EVIDENCE.contains(name) ? cell(name, alone.byName().get(name)) : "-";
                String diff = a.rate() == null || b.rate() == null ? "" : String.format(Locale.ROOT, "%+.3f", a.rate() - b.rate());
                sb.append(String.format(Locale.ROOT, "  %-27s %-15s %-15s %-15s %-15s %s%n", name, cell(name, a),
                        retrieval, cell(name, b), cell(name, baseline.byName().get(name)), diff));
            }
        }
        return sb.toString();
    }

    /** The figures that mean something for retrieval alone (it gives no answer, only passages). */
    private static final java.util.Set<String> EVIDENCE =
            java.util.Set.of("evidenceRecallAt1", "evidenceRecallAt5", "evidenceMrr");

    private static String cell(String name, Figure f) {
        if (f.rate() == null) {
            return "-";
        }
        if (name.equals("evidenceMrr")) {
            return String.format(Locale.ROOT, "%.3f (n=%d)", f.rate(), f.total());
        }
        return String.format(Locale.ROOT, "%.3f %d/%d", f.rate(), Math.round(f.value()), f.total());
    }
}
