package io.linernotes.discord;

/** A wait in words a user reads at a glance: "8 seconds", "1 minute", "5 hours 12 minutes". */
final class Durations {
    private Durations() {
    }

    static String words(long seconds) {
        if (seconds < 60) {
            return plural(Math.max(1, seconds), "second");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? plural(hours, "hour") : plural(hours, "hour") + " " + plural(rest, "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
