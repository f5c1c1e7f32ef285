package io.linernotes.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The outcome of one evaluation run: the figures of the engine and of the baseline, per question kind and
 * overall ({@code "all"}), and what the run was made of. {@code baseline} refuses under its threshold;
 * {@code baselineNoThreshold} is the same retrieval with no threshold. {@code retrievalAlone} is the engine's
 * search over the whole index before a song is chosen: only its evidence figures mean anything.
 */
public record EvalReport(String corpusFile, String questionsFile, int questions, int corpusRecords,
        int recordsStored, double baselineThreshold, int baselineSegments, long engineImportMillis,
        long baselineIndexMillis, Map<String, Figures> engine, Map<String, Figures> baseline,
        Map<String, Figures> retrievalAlone, Map<String, Figures> baselineNoThreshold) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The report as JSON: every figure as {@code {value, total, rate}}, and rate differences engine − baseline. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("corpus", corpusFile);
        root.put("questionsFile", questionsFile);
        root.put("questions", questions);
        root.put("corpusRecords", corpusRecords);
        root.put("recordsStored", recordsStored);
        root.put("engineImportMillis", engineImportMillis);
        ObjectNode base = root.putObject("baselineSetup");
        base.put("threshold", baselineThreshold);
        base.put("segments", baselineSegments);
        base.put("segmentTokens", NaiveRag.SEGMENT_TOKENS);
        base.put("overlapTokens", NaiveRag.OVERLAP_TOKENS);
        base.put("maxResults", NaiveRag.MAX_RESULTS);
        base.put("indexMillis", baselineIndexMillis);
        root.put("evidenceMatching", "case-sensitive, after folding white space and curly quotes");
        root.set("engine", figures(engine));
        root.set("baseline", figures(baseline));
        root.set("baselineNoThreshold", figures(baselineNoThreshold));
        root.set("retrievalAlone", figures(retrievalAlone));
        ObjectNode diff = root.putObject("difference");
        engine.forEach((kind, f) -> {
            ObjectNode k = diff.putObject(kind);
            Figures b = baseline.getOrDefault(kind, Figures.EMPTY);
            f.byName().forEach((name, fig) -> {
                Double other = b.byName().get(name).rate();
                if (fig.rate() == null || other == null) {
                    k.putNull(name);
                } else {
                    k.put(name, fig.rate() - other);
                }
            });
        });
        return root;
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), toJson());
    }

    private static ObjectNode figures(Map<String, Figures> byKind) {
        ObjectNode node = JSON.createObjectNode();
        byKind.forEach((kind, f) -> {
            ObjectNode k = node.putObject(kind);
            k.put("questions", f.questions());
            f.byName().forEach((name, fig) -> {
                ObjectNode n = k.putObject(name);
                n.put("value", fig.value());
                n.put("total", fig.total());
                if (fig.rate() == null) {
                    n.putNull("rate");
                } else {
                    n.put("rate", fig.rate());
                }
            });
        });
        return node;
    }
}
