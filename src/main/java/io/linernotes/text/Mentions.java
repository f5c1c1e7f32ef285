package io.linernotes.text;

import java.util.regex.Pattern;

/**
 * The one place Discord pings are defused, for the model layer (generated text) and the Discord layer (every
 * message) alike: a zero-width space right after the {@code @} of {@code @everyone} / {@code @here} (any case)
 * and right after the {@code <@} or {@code <#} that opens a user, role or channel mention. Text already defused
 * is left as it is, so applying it twice (model, then transport) never doubles a space.
 */
public final class Mentions {

    static final String ZWSP = "\u200B";
    private static final Pattern MASS = Pattern.compile("@(?!\u200B)(everyone|here)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<([@#])(?!\u200B)");

    private Mentions() {
    }

    /** {@code text} with every mention defused; null becomes the empty string. */
    public static String defuse(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = MASS.matcher(text).replaceAll("@" + ZWSP + "$1");
        return TAG.matcher(out).replaceAll("<$1" + ZWSP);
    }
}
