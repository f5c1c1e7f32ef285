package io.linernotes.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linernotes.answer.Answer;
import io.linernotes.answer.Source;
import io.linernotes.retrieval.RetrievedPassage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code eval --details FILE}: one JSON line per question saying what each system did with it, so a figure can
 * be traced to the questions behind it. For the engine: the status (answered, corrected, ambiguous, refused),
 * the refusal reason, the song it answered about, the passages handed to the answer with rank, score and
 * source, and the rank of the first one holding the evidence (0: none). The same for retrieval alone (the
 * engine's search over the whole index before any song is chosen) and for the baseline (its passages with no
 * threshold, and whether its threshold refuses).
 */
final class EvalDetails {

    /** Passage text kept per line: enough to see what it is about. */
    static final int EXCERPT_CHARS = 240;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> lines = new ArrayList<>();

    /** The engine's answer and its retrieval-alone passages for {@code q}. */
    ObjectNode add(EvalQuestion q, Answer answer, SystemAnswer scored, List<RetrievedPassage> alone,
            Set<String> aloneSongIds) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", q.id());
        line.put("kind", q.kind());
        line.put("query", q.query());
        line.put("expectedSongId", q.expectedSongId());
        line.put("evidence", q.evidence());
        ObjectNode engine = line.putObject("engine");
        engine.put("status", status(answer));
        String reason = refusalReason(answer);
        if (reason == null) {
            engine.putNull("refusalReason");
        } else {
            engine.put("refusalReason", reason);
        }
        engine.put("song", answer.song() == null ? null : answer.song().label());
        engine.set("songIds", ids(scored.songIds()));
        if (!answer.candidates().isEmpty()) {
            ArrayNode candidates = engine.putArray("candidates");
            answer.candidates().forEach(s -> candidates.add(s.label()));
        }
        engine.put("evidenceRank", rank(q, scored.passages()));
        // The answer as the asker reads it, and the expected words it lacks: keyword hits are judged on it.
        engine.put("answer", scored.text());
        ArrayNode missing = engine.putArray("missingKeywords");
        String folded = Texts.foldCase(scored.text() == null ? "" : scored.text());
        q.answerKeywords().stream().filter(k -> !folded.contains(Texts.foldCase(k))).forEach(missing::add);
        ArrayNode passages = engine.putArray("passages");
        for (Source s : answer.read()) {
            passage(passages, s.number(), s.score(), s.songLabel() + " (essay " + s.essayId() + ")", s.passage(), q);
        }
        ObjectNode retrieval = line.putObject("retrievalAlone");
        List<String> texts = alone.stream().map(p -> p.passage().text()).toList();
        retrieval.set("topSongIds", ids(aloneSongIds));
        retrieval.put("evidenceRank", rank(q, texts));
        ArrayNode found = retrieval.putArray("passages");
        for (int i = 0; i < alone.size(); i++) {
            RetrievedPassage p = alone.get(i);
            passage(found, i + 1, p.score(), p.essay().song().label() + " (essay " + p.essay().id() + ")",
                    p.passage().text(), q);
        }
        lines.add(line);
        return line;
    }

    /** The baseline's passages (no threshold) for the question added last with this id. */
    void baseline(EvalQuestion q, List<NaiveRag.Hit> hits, double threshold) {
        ObjectNode line = lines.stream().filter(l -> l.get("id").asText().equals(q.id())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no engine line for " + q.id()));
        ObjectNode baseline = line.putObject("baseline");
        baseline.put("song", hits.isEmpty() ? null : hits.get(0).corpusId());
        baseline.put("bestScore", hits.isEmpty() ? 0 : hits.get(0).score());
        baseline.put("refusedAtThreshold", hits.isEmpty() || hits.get(0).score() < threshold);
        baseline.put("threshold", threshold);
        baseline.put("evidenceRank", rank(q, hits.stream().map(NaiveRag.Hit::text).toList()));
        ArrayNode passages = baseline.putArray("passages");
        for (int i = 0; i < hits.size(); i++) {
            NaiveRag.Hit h = hits.get(i);
            passage(passages, i + 1, h.score(), "corpus " + h.corpusId(), h.text(), q);
        }
    }

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ObjectNode line : lines) {
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        }
    }

    /** answered, corrected (answered with a correction of the credited artist), ambiguous or refused. */
    static String status(Answer answer) {
        if (answer.status() == Answer.Status.AMBIGUOUS) {
            return "ambiguous";
        }
        if (answer.status() == Answer.Status.NO_COMMENTARY) {
            return "refused";
        }
        boolean corrected = answer.song() != null && answer.notes().stream()
                .anyMatch(n -> n.startsWith("\"" + answer.song().title() + "\" is"));
        return corrected ? "corrected" : "answered";
    }

    /** Why the engine refused: no song matched, or the song has no passage; null when it did not refuse. */
    static String refusalReason(Answer answer) {
        if (answer.status() != Answer.Status.NO_COMMENTARY) {
            return null;
        }
        String why = answer.song() == null ? "no song in the store matched the question"
                : "the song has no passage this reader can see";
        return why + ": " + answer.text();
    }

    private static int rank(EvalQuestion q, List<String> passages) {
        return q.evidence() == null || q.evidence().isBlank() ? 0 : Scorer.evidenceRank(q.evidence(), passages);
    }

    private static ArrayNode ids(Set<String> ids) {
        ArrayNode node = JSON.createArrayNode();
        ids.stream().sorted().forEach(node::add);
        return node;
    }

    private static void passage(ArrayNode into, int rank, double score, String source, String text, EvalQuestion q) {
        ObjectNode p = into.addObject();
        p.put("rank", rank);
        p.put("score", Math.round(score * 10_000) / 10_000.0);
        p.put("source", source);
        p.put("holdsEvidence", q.evidence() != null && !q.evidence().isBlank()
                && Scorer.evidenceRank(q.evidence(), List.of(text)) == 1);
        String flat = text.replaceAll("\\s+", " ").strip();
        p.put("text", flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + "…");
    }
}
