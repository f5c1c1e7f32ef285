package io.linernotes.model;

import io.linernotes.config.ModelConfig;
import io.linernotes.essay.AnswerCache;
import io.linernotes.prompt.Canary;
import io.linernotes.retrieval.RetrievedPassage;
import io.linernotes.text.Folding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reuses answers a language model wrote. Many members ask the same few questions about the same popular
 * songs; a second model call for the same input would write the same answer again, slower and at a cost.
 *
 * <p>The key is everything the model's answer depends on, with the question normalised: the model settings,
 * the song, the question (case, spacing, punctuation and accents folded), the passages given (essay id,
 * revision and position of each) and the rest of the prompt (notes, conversation history, the templates),
 * without the per-process canary. An edit of an essay gives it a new revision, so its old answers miss even in
 * a process that did not see the edit; the process that made it also drops them at once ({@link
 * AnswerCache#invalidate}). Only answers a model wrote are kept: not the extractive stand-in of a failed call,
 * nor extractive answers, which cost nothing to write again.
 */
public final class CachingAnswerModel implements AnswerModel {

    private static final Logger log = LoggerFactory.getLogger(CachingAnswerModel.class);

    /** Hits, model calls made, and answers stored since start. */
    public record Stats(long hits, long misses, long stored) {
        public double hitRate() {
            return hits + misses == 0 ? 0 : (double) hits / (hits + misses);
        }
    }

    private final AnswerModel delegate;
    private final AnswerCache cache;
    private final String settings;
    private final Duration ttl;
    private final Clock clock;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();

    /**
     * @param settings what of the model settings changes an answer ({@link #settingsOf})
     * @param ttl      how long a stored answer may be given again
     */
    public CachingAnswerModel(AnswerModel delegate, AnswerCache cache, String settings, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.cache = cache;
        this.settings = settings;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Generated generate(GenerationRequest request, Consumer<String> partial) {
        if (request.song() == null || request.passages().isEmpty() || request.prompt() == null) {
            return delegate.generate(request, partial);
        }
        String key = key(request);
        long now = clock.millis();
        Optional<AnswerCache.Entry> found = cache.find(key, now);
        if (found.isPresent()) {
            hits.incrementAndGet();
            log.debug("Answer cache hit for song {}", request.song().id());
            if (partial != null) {
                partial.accept(found.get().text());
            }
            return new Generated(found.get().text(), found.get().generatedBy(), false);
        }
        misses.incrementAndGet();
        Generated written = delegate.generate(request, partial);
        if (!written.fallback() && !written.generatedBy().equals("extractive") && !written.text().isBlank()) {
            Set<Long> essays = new LinkedHashSet<>();
            for (RetrievedPassage p : request.passages()) {
                essays.add(p.essay().id());
            }
            cache.put(key, request.song().id(), essays, new AnswerCache.Entry(written.text(), written.generatedBy()),
                    now, now + ttl.toMillis());
            stored.incrementAndGet();
        }
        return written;
    }

    public Stats stats() {
        return new Stats(hits.get(), misses.get(), stored.get());
    }

    @Override
    public String name() {
        return delegate.name();
    }

    public AnswerModel delegate() {
        return delegate;
    }

    String key(GenerationRequest request) {
        StringBuilder sb = new StringBuilder(settings).append('\u0001').append(request.song().id()).append('\u0001')
                .append(normalise(request.question())).append('\u0001');
        for (RetrievedPassage p : request.passages()) {
            sb.append(p.essay().id()).append(':').append(p.essay().revision()).append(':')
                    .append(p.passage().position()).append(',');
        }
        String system = request.prompt().system().replace(Canary.token(), "");
        String user = request.prompt().user();
        String asked = request.question() == null ? "" : request.question().strip();
        int at = asked.isEmpty() ? -1 : user.lastIndexOf(asked);
        if (at >= 0) {
            user = user.substring(0, at) + user.substring(at + asked.length());
        }
        sb.append('\u0001').append(system).append('\u0001').append(user);
        return sha256(sb.toString());
    }

    /** The question as compared: accents, case, punctuation and spacing folded ("What's X?" = "whats x"). */
    public static String normalise(String question) {
        if (question == null) {
            return "";
        }
        return Folding.key(question);
    }

    /** The settings that change what a model writes: provider, server, model, sampling and length, and the secondary's. */
    public static String settingsOf(ModelConfig config) {
        StringBuilder sb = new StringBuilder();
        for (ModelConfig c = config; c != null; c = c.secondary()) {
            sb.append(c.provider()).append('|').append(c.baseUrl()).append('|').append(c.model()).append('|')
                    .append(c.temperature()).append('|').append(c.maxTokens()).append(';');
        }
        return sb.append(config.maxAnswerChars()).toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
