package io.linernotes.model;

import java.util.regex.Pattern;

/**
 * Defuses Discord pings in generated text: the prompt forbids them, and this makes sure neither a model
 * that ignores the prompt nor a quoted essay can ping a whole server. The transport's allowed-mentions
 * setting is the other half of this defence.
 */
final class Mentions {

    private static final Pattern EVERYONE = Pattern.compile("@(everyone|here)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAGGED = Pattern.compile("<(@[!&]?|#)(\\d+)>");

    private Mentions() {
    }

    static String defuse(String text) {
        if (text == null) {
            return null;
        }
        // A zero-width space after '@' keeps the text readable but no longer a mention.
        String out = EVERYONE.matcher(text).replaceAll("@\u200B$1");
        return TAGGED.matcher(out).replaceAll("<$1\u200B$2>");
    }
}
