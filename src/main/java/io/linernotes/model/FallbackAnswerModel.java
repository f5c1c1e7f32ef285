package io.linernotes.model;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries the configured model and, when it fails for good (after its retries), answers with the fallback
 * model instead, marking the result {@code fallback = true} so the reply can say so. The asker gets a
 * grounded answer either way; the operator gets the cause in the log.
 */
public final class FallbackAnswerModel implements AnswerModel {

    private static final Logger log = LoggerFactory.getLogger(FallbackAnswerModel.class);

    private final AnswerModel primary;
    private final AnswerModel fallback;

    public FallbackAnswerModel(AnswerModel primary, AnswerModel fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public Generated generate(GenerationRequest request, Consumer<String> partial) {
        try {
            return primary.generate(request, partial);
        } catch (RuntimeException e) {
            // The langchain4j exceptions carry the status and response body, never the request headers,
            // so logging them cannot leak the API key.
            log.warn("Model {} failed ({}); answering with {} instead", primary.name(), RetryPolicy.summary(e),
                    fallback.name(), e);
            Generated standIn = fallback.generate(request, partial);
            return new Generated(standIn.text(), standIn.generatedBy(), true);
        }
    }

    @Override
    public String name() {
        return primary.name();
    }

    public AnswerModel primary() {
        return primary;
    }
}
