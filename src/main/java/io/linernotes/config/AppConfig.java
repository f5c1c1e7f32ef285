package io.linernotes.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole configuration, one small validated record per concern, read from {@code config/linernotes.yaml}. */
public record AppConfig(DataConfig data, EssayConfig essays, RetrievalConfig retrieval, ModelConfig model,
        DiscordConfig discord, EmbeddingConfig embedding, AnswerCacheConfig answerCache, SongConfig song,
        StoreConfig store) {

    public AppConfig {
        data = data == null ? DataConfig.defaults() : data;
        essays = essays == null ? EssayConfig.defaults() : essays;
        retrieval = retrieval == null ? RetrievalConfig.defaults() : retrieval;
        model = model == null ? ModelConfig.defaults() : model;
        discord = discord == null ? DiscordConfig.defaults() : discord;
        embedding = embedding == null ? EmbeddingConfig.defaults() : embedding;
        answerCache = answerCache == null ? AnswerCacheConfig.defaults() : answerCache;
        song = song == null ? SongConfig.defaults() : song;
        store = store == null ? StoreConfig.defaults() : store;
    }

    public static AppConfig defaults() {
        return new AppConfig(null, null, null, null, null, null, null, null, null);
    }

    /** Reads {@code file}; unknown keys are errors (a typo in a setting should not pass silently). */
    public static AppConfig load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            if (Files.size(file) == 0) {
                return defaults();
            }
            AppConfig config = yaml.readValue(file.toFile(), AppConfig.class);
            return config == null ? defaults() : config;
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ": unknown setting '" + e.getPropertyName() + "' (known: "
                    + e.getKnownPropertyIds() + ")", e);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof ConfigException ce ? ce : e;
            throw new ConfigException(file + ": " + cause.getMessage(), e);
        }
    }

    public AppConfig withDataDir(String dir) {
        return new AppConfig(new DataConfig(dir), essays, retrieval, model, discord, embedding, answerCache, song, store);
    }

    public AppConfig withEssays(EssayConfig newEssays) {
        return new AppConfig(data, newEssays, retrieval, model, discord, embedding, answerCache, song, store);
    }

    public AppConfig withModel(ModelConfig newModel) {
        return new AppConfig(data, essays, retrieval, newModel, discord, embedding, answerCache, song, store);
    }

    public AppConfig withRetrieval(RetrievalConfig newRetrieval) {
        return new AppConfig(data, essays, newRetrieval, model, discord, embedding, answerCache, song, store);
    }

    public AppConfig withEmbedding(EmbeddingConfig newEmbedding) {
        return new AppConfig(data, essays, retrieval, model, discord, newEmbedding, answerCache, song, store);
    }

    public AppConfig withAnswerCache(AnswerCacheConfig newAnswerCache) {
        return new AppConfig(data, essays, retrieval, model, discord, embedding, newAnswerCache, song, store);
    }

    public AppConfig withStore(StoreConfig newStore) {
        return new AppConfig(data, essays, retrieval, model, discord, embedding, answerCache, song, newStore);
    }
}
