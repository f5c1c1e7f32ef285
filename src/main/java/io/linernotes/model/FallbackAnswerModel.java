package io.linernotes.model;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.linernotes.resilience.Deadline;
import io.linernotes.resilience.ProviderSkippedException;
import io.linernotes.resilience.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries the configured providers in order (the model, then the optional secondary) and, when each has
 * failed for good or been skipped by its circuit breaker, answers with the fallback model (extractive),
 * marking the result {@code fallback = true} so the reply can say so. One {@link Deadline} bounds the whole:
 * retries and waits of every provider together. Whatever a model writes, partial or whole, passes the
 * {@link OutputPolicy}; an answer that leaks the instructions ({@link LeakGuard}) is discarded for the
 * extractive one without trying the secondary, since the same poisoned passages would reach it too.
 */
public final class FallbackAnswerModel implements AnswerModel {

    /** One language-model provider and the breaker that guards it. */
    public record Provider(AnswerModel model, CircuitBreaker breaker) {
    }

    /** Used when no settings are given: {@code model.deadlineSeconds} and {@code model.maxAnswerChars} defaults. */
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(12);
    static final int DEFAULT_MAX_CHARS = 3_500;

    private static final Logger log = LoggerFactory.getLogger(FallbackAnswerModel.class);

    private final List<Provider> providers;
    private final AnswerModel fallback;
    private final Duration deadline;
    private final OutputPolicy policy;

    /**
     * @param providers the language models, in the order to try them
     * @param fallback  the last resort, which must not fail (the extractive model)
     * @param deadline  the most one answer may take before the fallback answers
     * @param policy    what any shown text must satisfy
     */
    public FallbackAnswerModel(List<Provider> providers, AnswerModel fallback, Duration deadline, OutputPolicy policy) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("at least one provider is needed");
        }
        this.providers = List.copyOf(providers);
        this.fallback = fallback;
        this.deadline = deadline;
        this.policy = policy;
    }

    /** One provider with a default breaker (5 failures, 30 s), the default deadline and length limit. */
    public FallbackAnswerModel(AnswerModel primary, AnswerModel fallback) {
        this(List.of(new Provider(primary, AnswerModels.breaker(primary.name(), 5, Duration.ofSeconds(30),
                Clock.systemUTC()))), fallback, DEFAULT_DEADLINE, new OutputPolicy(DEFAULT_MAX_CHARS));
    }

    @Override
    public Generated generate(GenerationRequest request, Consumer<String> partial) {
        Deadline budget = Deadline.in(deadline);
        Set<String> allowed = OutputPolicy.allowedUrls(request.passages());
        String system = request.prompt() == null ? null : request.prompt().system();
        Consumer<String> shown = partial == null ? s -> { } : partial;
        for (Provider provider : providers) {
            String name = provider.model().name();
            AtomicBoolean leaked = new AtomicBoolean();
            Partials guarded = new Partials(text -> {
                // Once a leak shows, nothing more of this answer is displayed; the end replaces it.
                if (leaked.get()) {
                    return;
                }
                if (LeakGuard.leaks(text, system)) {
                    leaked.set(true);
                    return;
                }
                shown.accept(policy.apply(text, allowed));
            });
            try {
                Generated written = call(provider, request, guarded, budget);
                guarded.flush();
                if (leaked.get() || LeakGuard.leaks(written.text(), system)) {
                    // Never log the text itself: it holds the canary or the prompt.
                    log.warn("Answer from {} repeated its instructions (canary or system prompt); discarded, "
                            + "answering with {} instead", name, fallback.name());
                    return standIn(request, shown, allowed);
                }
                return new Generated(policy.apply(written.text(), allowed), written.generatedBy(), false);
            } catch (ProviderSkippedException e) {
                log.info("{}", e.getMessage());
            } catch (RuntimeException e) {
                // The langchain4j exceptions carry the status and response body, never the request headers,
                // so logging them cannot leak the API key.
                log.warn("Model {} failed ({}); {} ms left of {} ms, trying the next", name, RetryPolicy.summary(e),
                        budget.remaining().toMillis(), deadline.toMillis(), e);
            }
        }
        log.warn("No model answered; answering with {} instead", fallback.name());
        return standIn(request, shown, allowed);
    }

    /**
     * Passes on a growing partial text only once it has grown by an eighth since the last one passed on (the
     * last is passed on at the end). Checking and cleaning every token's whole text would cost the square of
     * the answer's length; this costs about eight times its length, and a reader sees no difference: Discord
     * shows an edit a second at most.
     */
    private static final class Partials implements Consumer<String> {
        private final Consumer<String> next;
        private int passedLength;
        private String held;

        Partials(Consumer<String> next) {
            this.next = next;
        }

        @Override
        public synchronized void accept(String text) {
            if (text.length() - passedLength >= passedLength / 8) {
                passedLength = text.length();
                held = null;
                next.accept(text);
            } else {
                held = text;
            }
        }

        synchronized void flush() {
            if (held != null) {
                String last = held;
                held = null;
                passedLength = last.length();
                next.accept(last);
            }
        }
    }

    private static Generated call(Provider provider, GenerationRequest request, Consumer<String> partial,
            Deadline budget) {
        if (provider.model() instanceof LangchainAnswerModel langchain) {
            return langchain.generate(request, partial, budget, provider.breaker());
        }
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO)
                .run(provider.model().name(), () -> provider.model().generate(request, partial), budget,
                        provider.breaker());
    }

    private Generated standIn(GenerationRequest request, Consumer<String> partial, Set<String> allowed) {
        Generated standIn = fallback.generate(request, partial);
        return new Generated(policy.apply(standIn.text(), allowed), standIn.generatedBy(), true);
    }

    @Override
    public String name() {
        return providers.get(0).model().name();
    }

    public AnswerModel primary() {
        return providers.get(0).model();
    }

    public List<Provider> providers() {
        return providers;
    }
}
