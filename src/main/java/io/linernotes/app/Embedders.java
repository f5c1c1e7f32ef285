package io.linernotes.app;

import io.linernotes.config.AppConfig;
import io.linernotes.config.EmbeddingConfig;
import io.linernotes.retrieval.CachingEmbedder;
import io.linernotes.retrieval.Embedder;
import io.linernotes.retrieval.EmbeddingProbe;
import io.linernotes.retrieval.MiniLmEmbedder;
import io.linernotes.retrieval.RemoteEmbedder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The vectors of one engine: the model that embeds questions ({@link #model}) and the cache in front of it
 * that embeds passages ({@link #cache}), both null when vectors are off. The model is the bundled in-process
 * one, or an embedding server ({@code embedding.provider: openai}) checked at start against the probe vector
 * recorded for its identity, so a server computing other vectors never mixes them into this index.
 */
final class Embedders implements AutoCloseable {

    private final Embedder model;
    private final CachingEmbedder cache;
    private final MiniLmEmbedder inProcess;

    private Embedders(Embedder model, CachingEmbedder cache, MiniLmEmbedder inProcess) {
        this.model = model;
        this.cache = cache;
        this.inProcess = inProcess;
    }

    static Embedders open(AppConfig config, Path dataDir, Function<String, String> env) {
        if (!config.retrieval().vectors()) {
            return new Embedders(null, null, null);
        }
        EmbeddingConfig settings = config.embedding();
        if (settings.inProcess()) {
            // The model loads lazily: a start whose index is current and a question-free command never load it.
            MiniLmEmbedder local = new MiniLmEmbedder();
            return new Embedders(local, CachingEmbedder.open(local, dataDir), local);
        }
        String inProcessId = MiniLmEmbedder.SINGLE_TEXT_MODEL_ID;
        RemoteEmbedder remote = RemoteEmbedder.connect(settings, inProcessId, env);
        CachingEmbedder cache = CachingEmbedder.open(remote, dataDir);
        try {
            EmbeddingProbe.verify(remote, cache, () -> remote.modelId().equals(inProcessId)
                    ? Optional.of(inProcessProbe()) : Optional.empty(), settings.minProbeCosine());
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
        return new Embedders(remote, cache, null);
    }

    /** The bundled model's vector of the probe text: the reference when none is recorded yet. */
    private static float[] inProcessProbe() {
        try (MiniLmEmbedder local = new MiniLmEmbedder(1)) {
            return local.embed(EmbeddingProbe.TEXT);
        }
    }

    Embedder model() {
        return model;
    }

    CachingEmbedder cache() {
        return cache;
    }

    @Override
    public void close() {
        try {
            if (cache != null) {
                cache.close();
            }
        } finally {
            if (inProcess != null) {
                inProcess.close();
            }
        }
    }
}
