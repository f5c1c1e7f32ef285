package io.linernotes.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads question files and corpus files, both JSON Lines; a malformed line is an error naming the line. */
public final class EvalFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalFiles() {
    }

    public static List<EvalQuestion> questions(Path file) throws IOException {
        List<EvalQuestion> questions = new ArrayList<>();
        for (JsonLine line : lines(file)) {
            JsonNode n = line.node();
            List<String> keywords = new ArrayList<>();
            JsonNode kw = n.get("answer_keywords");
            if (kw != null && kw.isArray()) {
                kw.forEach(k -> keywords.add(k.asText()));
            }
            String id = text(n, "id");
            String query = text(n, "query");
            if (id == null || query == null) {
                throw new IOException(file + " line " + line.number() + ": a question needs an id and a query");
            }
            questions.add(new EvalQuestion(id, text(n, "kind"), query, text(n, "expected_song_id"),
                    text(n, "evidence"), keywords, n.path("misattributed").asBoolean(false)));
        }
        return questions;
    }

    /**
     * The {@code noise} field of each question that has one (generated robustness questions), by question id;
     * eval prints figures per class from it.
     */
    public static java.util.Map<String, String> noiseClasses(Path file) throws IOException {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (JsonLine line : lines(file)) {
            String id = text(line.node(), "id");
            String noise = text(line.node(), "noise");
            if (id != null && noise != null) {
                out.put(id, noise);
            }
        }
        return out;
    }

    /** The {@code year} of each corpus record that has one, by record id. */
    public static java.util.Map<String, Integer> corpusYears(Path file) throws IOException {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        for (JsonLine line : lines(file)) {
            JsonNode year = line.node().get("year");
            if (year != null && year.canConvertToInt() && year.isNumber()) {
                out.put(text(line.node(), "id"), year.asInt());
            }
        }
        return out;
    }

    public static List<CorpusRecord> corpus(Path file) throws IOException {
        List<CorpusRecord> records = new ArrayList<>();
        for (JsonLine line : lines(file)) {
            JsonNode n = line.node();
            String id = text(n, "id");
            if (id == null) {
                throw new IOException(file + " line " + line.number() + ": a corpus record needs an id");
            }
            records.add(new CorpusRecord(id, text(n, "title"), text(n, "artist"), text(n, "wiki_title"),
                    text(n, "text")));
        }
        return records;
    }

    private record JsonLine(int number, JsonNode node) {
    }

    private static List<JsonLine> lines(Path file) throws IOException {
        List<JsonLine> out = new ArrayList<>();
        List<String> raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(raw.get(i));
            } catch (IOException e) {
                throw new IOException(file + " line " + (i + 1) + ": not valid JSON", e);
            }
            if (node == null || !node.isObject()) {
                throw new IOException(file + " line " + (i + 1) + ": not a JSON object");
            }
            out.add(new JsonLine(i + 1, node));
        }
        return out;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
