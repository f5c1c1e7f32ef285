package io.linernotes.config;

/**
 * Reuse of model-written answers. {@code enabled}: whether an answer a language model wrote is stored and
 * given again for the same song, the same revisions of its essays, the same question (compared after
 * normalising case, spacing and punctuation) and the same model settings; {@code ttlMinutes}: how long a stored
 * answer may be reused. Extractive answers are never stored (they cost nothing to write again), nor are
 * answers of a conversation with history, nor fallback answers given when the model failed.
 */
public record AnswerCacheConfig(Boolean enabled, int ttlMinutes) {

    public AnswerCacheConfig {
        if (enabled == null) {
            enabled = Boolean.TRUE;
        }
        if (ttlMinutes == 0) {
            ttlMinutes = 1_440;
        }
        Checks.range("answerCache.ttlMinutes", ttlMinutes, 1, 525_600);
    }

    public static AnswerCacheConfig defaults() {
        return new AnswerCacheConfig(null, 0);
    }
}
