package io.linernotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.linernotes.core.Scope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled model reads 128 tokens of a text; a packed passage is longer. These tests hold the whole passage
 * to its vector: what a passage says after its first hundred words must still be found by vector search.
 */
class LongPassageVectorTest {

    /** An opening of well over 128 tokens, the same in every passage, so only what follows tells them apart. */
    private static final String OPENING = "Before anything else it is worth saying how this record came together, "
            + "because the circumstances shaped every choice the band made in the studio that winter. The four of "
            + "them had spent most of the previous year on the road, playing small rooms in towns whose names they "
            + "later admitted they could not remember, and the songs they brought home were half finished, written "
            + "on the backs of set lists and hotel notepads. The producer they hired insisted on recording everyone "
            + "live in a single room, with no separation between the instruments, so that mistakes bled into each "
            + "other and could not be fixed afterwards. Several of the takes that made the album were the first or "
            + "second attempt, and you can hear the drummer counting in on more than one of them.";

    /** What each passage says past the model's limit, and a question that asks for it in other words. */
    private static final String[][] ENDINGS = {
        {"The second verse is about a lighthouse keeper who watches ships sink in a storm and cannot save the sailors.",
            "which song describes someone at a lighthouse seeing boats go down at sea?"},
        {"The bridge describes a grandmother baking bread in her kitchen every Sunday morning for the whole family.",
            "where does the song talk about a grandma making bread on Sundays?"},
        {"In the last chorus the narrator finally quits his office job and tears up his contract in front of the boss.",
            "what part is about leaving a job and ripping up the employment contract?"},
        {"The final lines mourn a dog that died of old age after sleeping beside the singer's bed for fifteen years.",
            "which lyric grieves for an old pet dog that passed away?"},
        {"The closing section is a love letter to the desert at night, with coyotes howling under a sky full of stars.",
            "what is the part about the desert night, stars and coyotes?"},
        {"The outro is a furious protest against a factory that poisoned the river where the town's children swam.",
            "which part attacks industrial pollution of a river?"},
    };

    @TempDir
    Path dir;

    @Test
    @DisplayName("a passage is found by vector search for words that lie past the model's 128-token limit")
    void answerPastTheLimitIsFound() {
        MiniLmEmbedder model = SharedModel.get();
        assertTrue(model.tokenCount(OPENING) > MiniLmEmbedder.WINDOW_TOKENS,
                "the opening alone must fill the model's input: " + model.tokenCount(OPENING) + " tokens");
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < ENDINGS.length; i++) {
            passages.add(new Passage(1, 1, 10, Scope.GLOBAL, i, OPENING + "\n\n" + ENDINGS[i][0]));
        }
        List<String> misses = new ArrayList<>();
        try (LuceneIndex index = LuceneIndex.open(dir, new IndexLayout(model.modelId(), model.dimension(), 2000))) {
            index.replaceEssay(1, passages, model.embedAll(passages.stream().map(Passage::text).toList()));
            index.commit(1);
            for (int i = 0; i < ENDINGS.length; i++) {
                List<ScoredPassage> hits = index.searchVector(model.embed(ENDINGS[i][1]),
                        PassageFilter.visibleTo(Scope.GLOBAL), ENDINGS.length);
                if (!hits.get(0).passage().id().equals("1:" + i)) {
                    misses.add(ENDINGS[i][1] + " -> " + hits.get(0).passage().id());
                }
            }
        }
        assertEquals(List.of(), misses);
    }

    @Test
    @DisplayName("two passages that differ only past the limit get different vectors; a short text keeps its own")
    void wholeTextReachesTheVector() {
        MiniLmEmbedder model = SharedModel.get();
        float[] a = model.embed(OPENING + " " + ENDINGS[0][0]);
        float[] b = model.embed(OPENING + " " + ENDINGS[1][0]);
        assertTrue(cosine(a, b) < 0.99, "cosine " + cosine(a, b));
        assertEquals(1.0, cosine(a, a), 1e-5, "the combined vector has unit length");

        // In a batch, each text gets its own windows back: short and long mixed, in order.
        String question = ENDINGS[2][1];
        List<float[]> batch = model.embedAll(List.of(question, OPENING + " " + ENDINGS[0][0], question));
        assertArrayEquals(model.embed(question), batch.get(0));
        assertArrayEquals(a, batch.get(1));
        assertArrayEquals(model.embed(question), batch.get(2));

        // A text within the limit is one window: the model's own vector, as langchain4j's class computes it.
        float[] plain = new AllMiniLmL6V2QuantizedEmbeddingModel().embed(question).content().vector();
        assertEquals(1.0, cosine(plain, model.embed(question)), 1e-5);
    }

    private static double cosine(float[] x, float[] y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return dot / Math.sqrt(nx * ny);
    }
}
