package io.linernotes.discord;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.config.DiscordConfig;
import io.linernotes.feedback.FeedbackException;
import io.linernotes.feedback.SharedLimits;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a question may be answered now: the asker's and the server's rate limits (token buckets) and the
 * asker's daily budget of model tokens, all kept in the store ({@link SharedLimits}) so that every process and
 * every restart counts the same. A refusal is a value carrying the sentence to show, which says when
 * to try again. While the store cannot be reached, questions are still answered: this process then limits on
 * its own, in memory, until the store answers again (a limit per process for a while beats no answers). When the budget is spent the question is refused rather than answered extractively: the
 * engine offers no per-request "no model" switch to the transport, and a refusal that names the reset time
 * is honest and costs nothing.
 */
public final class Admission {
    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    private final int userPerMinute;
    private final int guildPerMinute;
    private final long userDailyTokens;
    private final Clock clock;
    private final SharedLimits shared;
    // This process's own limits, used only while the store is out of reach.
    private final RateLimiter users;
    private final RateLimiter guilds;
    private final TokenBudget budget;
    private final AtomicBoolean storeLost = new AtomicBoolean();

    /** The verdict on one question. */
    public sealed interface Verdict permits Admitted, Refused {
    }

    public record Admitted() implements Verdict {
    }

    /** {@code message} is meant for the user, in plain words. */
    public record Refused(String message) implements Verdict {
    }

    Admission(int userPerMinute, int guildPerMinute, long userDailyTokens, Clock clock, SharedLimits shared) {
        this.userPerMinute = userPerMinute;
        this.guildPerMinute = guildPerMinute;
        this.userDailyTokens = userDailyTokens;
        this.clock = clock;
        this.shared = shared;
        LongSupplier nanos = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.users = new RateLimiter(userPerMinute, nanos);
        this.guilds = new RateLimiter(guildPerMinute, nanos);
        this.budget = new TokenBudget(userDailyTokens, clock);
    }

    public static Admission of(DiscordConfig config, SharedLimits shared) {
        return new Admission(config.userPerMinute(), config.guildPerMinute(), config.userDailyTokens(),
                Clock.systemUTC(), shared);
    }

    /** Takes one question from the user's and the server's buckets, or says why not ({@code guildId} may be null). */
    public Verdict admit(String userId, String guildId) {
        try {
            Verdict verdict = admitShared(userId, guildId);
            if (storeLost.compareAndSet(true, false)) {
                log.info("the store's rate limits answer again; this process's own limits are set aside");
            }
            return verdict;
        } catch (FeedbackException e) {
            if (storeLost.compareAndSet(false, true)) {
                log.warn("the store's rate limits are out of reach; this process limits on its own until they are back",
                        e);
            }
            return admitLocally(userId, guildId);
        }
    }

    private Verdict admitShared(String userId, String guildId) {
        if (shared.used(userId, today()) >= userDailyTokens) {
            return spent();
        }
        List<SharedLimits.Bucket> buckets = new ArrayList<>(2);
        buckets.add(new SharedLimits.Bucket("user:" + userId, userPerMinute));
        if (guildId != null) {
            buckets.add(new SharedLimits.Bucket("guild:" + guildId, guildPerMinute));
        }
        // Both buckets are taken in one transaction or neither: a refused question costs nothing.
        SharedLimits.Take take = shared.take(buckets, clock.millis());
        if (take.taken()) {
            return new Admitted();
        }
        long seconds = Math.max(1, (take.waitMillis() + 999) / 1000);
        if (take.shortBucket() == 0) {
            return tooFast(seconds);
        }
        log.info("server {} reached its question limit", guildId);
        return serverBusy(seconds);
    }

    private Verdict spent() {
        return new Refused("You have used today's share of written answers. It resets at midnight UTC, in "
                + Durations.words(budget.secondsToReset()) + ". Thank you for your patience!");
    }

    private static Verdict tooFast(long seconds) {
        return new Refused("You're asking faster than I can answer. Please try again in "
                + Durations.words(seconds) + ".");
    }

    private static Verdict serverBusy(long seconds) {
        return new Refused("This server is asking a lot of questions right now. Please try again in "
                + Durations.words(seconds) + ".");
    }

    private Verdict admitLocally(String userId, String guildId) {
        if (budget.exhausted(userId)) {
            return spent();
        }
        // Both buckets are checked before either is taken from, so a refused question costs nothing.
        synchronized (this) {
            long userWait = users.waitNanos(userId);
            if (userWait > 0) {
                return tooFast(seconds(userWait));
            }
            if (guildId != null) {
                long guildWait = guilds.waitNanos(guildId);
                if (guildWait > 0) {
                    log.info("server {} reached its question limit", guildId);
                    return serverBusy(seconds(guildWait));
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
        long tokens = TokenBudget.estimate(request.question(), passages, answer.text());
        try {
            shared.charge(userId, today(), tokens);
        } catch (FeedbackException e) {
            log.warn("could not charge {} tokens to the store's budget; counted by this process only", tokens, e);
            budget.charge(userId, tokens);
        }
    }

    /** Tokens the user's answers used today, as the store counts them. */
    long used(String userId) {
        return shared.used(userId, today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
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
