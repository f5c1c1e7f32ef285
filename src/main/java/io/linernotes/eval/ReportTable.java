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
        for (Map.Entry<String, Figures> e : report.engine().entrySet()) {
            Figures engine = e.getValue();
            Figures baseline = report.baseline().getOrDefault(e.getKey(), Figures.EMPTY);
            sb.append(String.format(Locale.ROOT, "%n[%s] %d questions%n", e.getKey(), engine.questions()));
            sb.append(String.format(Locale.ROOT, "  %-28s %-16s %-16s %s%n", "figure", "engine", "baseline", "diff"));
            for (String name : Figures.NAMES) {
                Figure a = engine.byName().get(name);
                Figure b = baseline.byName().get(name);
                if (a.total() == 0) {
                    continue;
                }
                String diff = a.rate() == null || b.rate() == null ? "" : String.format(Locale.ROOT, "%+.3f", a.rate() - b.rate());
                sb.append(String.format(Locale.ROOT, "  %-28s %-16s %-16s %s%n", name, cell(name, a), cell(name, b), diff));
            }
        }
        return sb.toString();
    }

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
