package io.linernotes.text;

import java.util.regex.Pattern;

/**
 * The one place Discord mentions are handled as text. Outgoing text is defused ({@link #defuse}), for the model
 * layer (generated text) and the Discord layer (every message) alike: a zero-width space right after the
 * {@code @} of {@code @everyone} / {@code @here} (any case) and right after the {@code <@} or {@code <#} that
 * opens a user, role or channel mention. Text already defused is left as it is, so applying it twice (model,
 * then transport) never doubles a space. Incoming text loses its mentions ({@link #remove}): a ping is no word of
 * a question.
 *
 * <p>The two differ on purpose where they differ: defusing costs nothing, so it takes every case of
 * "@everyone"; removing costs words, so it takes only what Discord turns into a ping (the lower-case
 * {@code @everyone} / {@code @here} as whole words, and {@code <@id>}, {@code <@!id>}, {@code <@&id>},
 * {@code <#id>}), and "@Here Comes the Sun" keeps its title.
 */
public final class Mentions {

    static final String ZWSP = "\u200B";
    private static final Pattern MASS = Pattern.compile("@(?!\u200B)(everyone|here)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<([@#])(?!\u200B)");
    private static final Pattern PING = Pattern.compile("<(?:@[!&]?|#)\\d+>|@(?:everyone|here)\\b");

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

    /**
     * {@code text} with the mentions of one user ({@code <@id>}, {@code <@!id>}) replaced by a space, every other
     * mention kept; null becomes the empty string. A message that mentions the bot to ask it is read without that
     * mention (it addresses the question and is no word of it), while what is left is checked as typed text.
     */
    public static String removeOf(String text, String userId) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Pattern.compile("<@!?" + Pattern.quote(userId) + ">").matcher(text).replaceAll(" ");
    }

    /** {@code text} with every mention Discord would ping replaced by a space; null becomes the empty string. */
    public static String remove(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return PING.matcher(text).replaceAll(" ");
    }
}
