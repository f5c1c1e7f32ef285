package io.linernotes.discord;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * How many language-model tokens each user's answers used today (UTC), counted by this process alone: the
 * shared count lives in the store ({@code SharedLimits}); this one stands in while the store is out of reach,
 * and estimates what every answer costs. The engine does not report token
 * usage, so {@link #estimate} counts the tokens of what a model reads and writes with langchain4j's offline
 * tokenizer (GPT-4o's encoding, close enough for other providers' budgets). A question is let through while
 * anything is left, so the last answer of a day may overshoot the budget by its own size.
 */
final class TokenBudget {
    /** What the system prompt and answer template add to every call, in tokens (prompts/ measured 465). */
    static final int PROMPT_OVERHEAD_TOKENS = 470;
    static final TokenCountEstimator TOKENS = new OpenAiTokenCountEstimator(OpenAiChatModelName.GPT_4_O_MINI);

    private final long perDay;
    private final Clock clock;
    private final Map<String, Long> used = new HashMap<>();
    private LocalDate day;

    TokenBudget(long perDay, Clock clock) {
        this.perDay = perDay;
        this.clock = clock;
        this.day = today();
    }

    /** Estimated tokens of one model call: prompt overhead, question and passages in, answer out. */
    static long estimate(String question, Iterable<String> passages, String answer) {
        long tokens = PROMPT_OVERHEAD_TOKENS + tokens(question) + tokens(answer);
        for (String p : passages) {
            tokens += tokens(p);
        }
        return tokens;
    }

    private static int tokens(String s) {
        return s == null || s.isEmpty() ? 0 : TOKENS.estimateTokenCountInText(s);
    }

    synchronized boolean exhausted(String userId) {
        rollOver();
        return used.getOrDefault(userId, 0L) >= perDay;
    }

    synchronized void charge(String userId, long tokens) {
        rollOver();
        used.merge(userId, tokens, Long::sum);
    }

    /** Seconds until the budget resets (the next UTC midnight). */
    long secondsToReset() {
        long now = clock.instant().getEpochSecond();
        long midnight = today().plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        return Math.max(1, midnight - now);
    }

    private void rollOver() {
        LocalDate now = today();
        if (!now.equals(day)) {
            used.clear();
            day = now;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
