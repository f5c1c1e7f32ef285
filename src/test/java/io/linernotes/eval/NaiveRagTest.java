package io.linernotes.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NaiveRagTest {

    private static final List<CorpusRecord> CORPUS = List.of(
            new CorpusRecord("s1", "Salt Harbour", "Inez Marrow", null,
                    "\"Salt Harbour\" is a song by Inez Marrow about fishermen's wives waiting on the quay for boats "
                            + "that are late in a winter storm.\n\nThe verses count the lamps lit in the windows."),
            new CorpusRecord("s2", "Neon Orchard", "Pale Circuit", null,
                    "\"Neon Orchard\" is an electronic track by Pale Circuit describing a city park at night, where "
                            + "advertising screens glow through the apple trees."),
            new CorpusRecord("s3", "Copper Kettle Blues", "Dora Vance", null,
                    "\"Copper Kettle Blues\" is a country song by Dora Vance about moonshine distilling in the hills "
                            + "and the sheriff who never finds the still."));

    private static NaiveRag rag;

    @BeforeAll
    static void build() {
        rag = NaiveRag.build(CORPUS, new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    @Test
    @DisplayName("each record becomes at least one segment carrying its corpus id")
    void segmentsCarryIds() {
        assertEquals(3, rag.segments());
        assertEquals("s3", rag.retrieve("moonshine still hidden from the sheriff").get(0).corpusId());
    }

    @Test
    @DisplayName("a question about a song's content retrieves that song first, with scores best first")
    void contentQuestionFindsSong() {
        List<NaiveRag.Hit> hits = rag.retrieve("which song is about wives waiting for fishing boats in a storm?");
        assertEquals("s1", hits.get(0).corpusId());
        assertEquals(3, hits.size());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
        }
        SystemAnswer answer = NaiveRag.answer(hits, 0.0);
        assertFalse(answer.refused());
        assertEquals(Set.of("s1"), answer.songIds());
        assertTrue(answer.text().contains("quay"));
    }

    @Test
    @DisplayName("with a threshold above every score the baseline refuses and names no song")
    void refusesUnderThreshold() {
        List<NaiveRag.Hit> hits = rag.retrieve("a rap song about basketball sneakers");
        SystemAnswer refused = NaiveRag.answer(hits, hits.get(0).score() + 0.01);
        assertTrue(refused.refused());
        assertTrue(refused.songIds().isEmpty());
        assertTrue(refused.passages().isEmpty());
        SystemAnswer partial = NaiveRag.answer(hits, hits.get(1).score());
        assertEquals(2, partial.passages().size(), "segments under the threshold are dropped, as minScore does");
    }
}
