package io.linernotes.discord;

import static io.linernotes.discord.emulation.DiscordEmulator.option;

import io.linernotes.discord.emulation.Actor;
import io.linernotes.discord.emulation.DiscordEmulator;
import io.linernotes.discord.emulation.DiscordEmulator.Interaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Asks two servers, each served by another bot process, about a song until the answers show a change, and says
 * how long that took. Every question comes from a member of its own, so no one's rate-limit bucket runs dry.
 */
final class AskingBoth {
    private final DiscordEmulator discord;
    private final String guildA;
    private final String channelA;
    private final String guildB;
    private final String channelB;
    private final AtomicLong users = new AtomicLong(340_000_000_000_000_000L);

    AskingBoth(DiscordEmulator discord, String guildA, String channelA, String guildB, String channelB) {
        this.discord = discord;
        this.guildA = guildA;
        this.channelA = channelA;
        this.guildB = guildB;
        this.channelB = channelB;
    }

    /** A user id nobody has used yet. */
    String nextUser() {
        return Long.toString(users.incrementAndGet());
    }

    /** Asks both processes in parallel until each answers with {@code phrase}; the delays since {@code fromNanos}. */
    long[] visibleInBoth(String title, String phrase, long fromNanos) {
        return visibleInBoth(title, text -> text.contains(phrase), fromNanos);
    }

    /** Asks both processes in parallel until each answer about {@code title} is {@code shown}; the delays. */
    long[] visibleInBoth(String title, Predicate<String> shown, long fromNanos) {
        CompletableFuture<Long> inA = CompletableFuture.supplyAsync(() -> visibleIn(guildA, channelA,
                title, shown, fromNanos));
        long inB = visibleIn(guildB, channelB, title, shown, fromNanos);
        return new long[] {inA.join(), inB};
    }

    /**
     * Asks in {@code guild} until an answer shows {@code phrase}: the time from {@code fromNanos} to that answer's
     * arrival (an upper bound of when the change became visible: it includes answering the question).
     */
    long visibleIn(String guild, String channel, String title, String phrase, long fromNanos) {
        return visibleIn(guild, channel, title, text -> text.contains(phrase), fromNanos);
    }

    /** Asks in {@code guild} until an answer about {@code title} is {@code shown}; the time as above. */
    long visibleIn(String guild, String channel, String title, Predicate<String> shown, long fromNanos) {
        long deadline = fromNanos + 15_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            last = discord.awaitWebhook(ask(guild, channel, title), 1).visibleText();
            if (shown.test(last)) {
                return System.nanoTime() - fromNanos;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("'" + title + "' not answered as expected in " + guild + " within 15 s; last answer: "
                + last);
    }

    /** {@code /meaning song:title} from a new member of {@code guild}. */
    Interaction ask(String guild, String channel, String title) {
        return discord.slash(Actor.member(guild, channel, nextUser(), Actor.MEMBER), "meaning", option("song", title));
    }

    /** The {@code p}-th percentile (nearest rank) of {@code unsorted}. */
    static long percentile(List<Long> unsorted, int p) {
        List<Long> sorted = new ArrayList<>(unsorted);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
