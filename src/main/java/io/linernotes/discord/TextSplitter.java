package io.linernotes.discord;

import java.util.ArrayList;
import java.util.List;

/** Cuts long text into pieces of at most {@code max} characters, at a paragraph, line or word break when it can. */
public final class TextSplitter {
    private TextSplitter() {
    }

    public static List<String> split(String text, int max) {
        List<String> pieces = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (rest.length() > max) {
            int cut = breakBefore(rest, max);
            pieces.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || pieces.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** Truncates to {@code max} characters, ending with an ellipsis when something was cut. */
    public static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    private static int breakBefore(String text, int max) {
        for (String separator : new String[] {"\n\n", "\n", ". ", " "}) {
            int at = text.lastIndexOf(separator, max - separator.length());
            if (at > max / 2) {
                return at + separator.length();
            }
        }
        return max;
    }
}
