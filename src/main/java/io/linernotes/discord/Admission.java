package io.linernotes.discord;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.config.DiscordConfig;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a question may be answered now: the asker's and the server's rate limits (token buckets) and the
 * asker's daily budget of model tokens. A refusal is a value carrying the sentence to show, which says when
 * to try again. When the budget is spent the question is refused rather than answered extractively: the
 * engine offers no per-request "no model" switch to the transport, and a refusal that names the reset time
 * is honest and costs nothing.
 */
public final class Admission {
    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    private final RateLimiter users;
    private final RateLimiter guilds;
    private final TokenBudget budget;

    /** The verdict on one question. */
    public sealed interface Verdict permits Admitted, Refused {
    }

    public record Admitted() implements Verdict {
    }

    /** {@code message} is meant for the user, in plain words. */
    public record Refused(String message) implements Verdict {
    }

    Admission(int userPerMinute, int guildPerMinute, long userDailyTokens, Clock clock,
            java.util.function.LongSupplier nanos) {
        this.users = new RateLimiter(userPerMinute, nanos);
        this.guilds = new RateLimiter(guildPerMinute, nanos);
        this.budget = new TokenBudget(userDailyTokens, clock);
    }

    public static Admission of(DiscordConfig config) {
        return new Admission(config.userPerMinute(), config.guildPerMinute(), config.userDailyTokens(),
                Clock.systemUTC(), System::nanoTime);
    }

    /** Takes one question from the user's and the server's buckets, or says why not ({@code guildId} may be null). */
    public Verdict admit(String userId, String guildId) {
        if (budget.exhausted(userId)) {
            return new Refused("You have used today's share of written answers. It resets at midnight UTC, in "
                    + Durations.words(budget.secondsToReset()) + ". Thank you for your patience!");
        }
        // Both buckets are checked before either is taken from, so a refused question costs nothing.
        synchronized (this) {
            long userWait = users.waitNanos(userId);
            if (userWait > 0) {
                return new Refused("You're asking faster than I can answer. Please try again in "
                        + Durations.words(seconds(userWait)) + ".");
            }
            if (guildId != null) {
                long guildWait = guilds.waitNanos(guildId);
                if (guildWait > 0) {
                    log.info("server {} reached its question limit", guildId);
                    return new Refused("This server is asking a lot of questions right now. Please try again in "
                            + Durations.words(seconds(guildWait)) + ".");
                }
                guilds.take(guildId);
            }
            users.take(userId);
        }
        return new Admitted();
    }

    /** Counts what a language model spent on {@code answer}; extractive answers and refusals cost nothing. */
    public void charge(String userId, AnswerRequest request, Answer answer) {
        if (!writtenByModel(answer)) {
            return;
        }
        List<String> passages = answer.readTexts();
        budget.charge(userId, TokenBudget.estimate(request.question(), passages, answer.text()));
    }

    long used(String userId) {
        return budget.used(userId);
    }

    static boolean writtenByModel(Answer answer) {
        String by = answer.generatedBy();
        return answer.status() == Answer.Status.ANSWERED && by != null && !by.isBlank()
                && !by.equals("extractive") && !by.equals("none");
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
