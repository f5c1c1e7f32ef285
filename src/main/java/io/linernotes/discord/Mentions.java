package io.linernotes.discord;

import java.util.regex.Pattern;

/**
 * Makes text safe to post: a zero-width space after the {@code @} of {@code @everyone}, {@code @here} and
 * after {@code <@}/{@code <#}-style user and role mentions. Allowed mentions are already "none" on every
 * message; this also keeps the text from looking like a ping, and protects against a missed setting.
 * Applying it twice changes nothing more than applying it once.
 */
public final class Mentions {
    private static final String ZWSP = "\u200B";
    private static final Pattern MASS = Pattern.compile("@(everyone|here)");
    /** Not when already broken: text the model layer made safe must not get a second, doubled space. */
    private static final Pattern TAG = Pattern.compile("<@(?!\u200B)");

    private Mentions() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = MASS.matcher(text).replaceAll("@" + ZWSP + "$1");
        return TAG.matcher(out).replaceAll("<@" + ZWSP);
    }
}
