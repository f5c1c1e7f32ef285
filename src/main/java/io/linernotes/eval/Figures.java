package io.linernotes.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one system on one group of questions (a kind, or all). Each counts only the questions it
 * applies to: song top-1 those with an expected song, absent refusals the {@code absent} ones, evidence those
 * with evidence, corrections those marked misattributed, keyword hits those with keywords.
 */
public record Figures(Figure songTop1, Figure absentRefusals, Figure evidenceRecallAt1, Figure evidenceRecallAt5,
        Figure evidenceMrr, Figure misattributionCorrections, Figure keywordHits, int questions) {

    public static final Figures EMPTY = new Figures(Figure.NONE, Figure.NONE, Figure.NONE, Figure.NONE,
            Figure.NONE, Figure.NONE, Figure.NONE, 0);

    /** Figure names in report order, as they appear in the JSON report. */
    public static final String[] NAMES = {"songTop1", "absentRefusals", "evidenceRecallAt1", "evidenceRecallAt5",
        "evidenceMrr", "misattributionCorrections", "keywordHits"};

    public Figures merge(Figures o) {
        return new Figures(songTop1.merge(o.songTop1), absentRefusals.merge(o.absentRefusals),
                evidenceRecallAt1.merge(o.evidenceRecallAt1), evidenceRecallAt5.merge(o.evidenceRecallAt5),
                evidenceMrr.merge(o.evidenceMrr), misattributionCorrections.merge(o.misattributionCorrections),
                keywordHits.merge(o.keywordHits), questions + o.questions);
    }

    /** The figures by name, in {@link #NAMES} order. */
    public Map<String, Figure> byName() {
        Map<String, Figure> m = new LinkedHashMap<>();
        m.put(NAMES[0], songTop1);
        m.put(NAMES[1], absentRefusals);
        m.put(NAMES[2], evidenceRecallAt1);
        m.put(NAMES[3], evidenceRecallAt5);
        m.put(NAMES[4], evidenceMrr);
        m.put(NAMES[5], misattributionCorrections);
        m.put(NAMES[6], keywordHits);
        return m;
    }
}
