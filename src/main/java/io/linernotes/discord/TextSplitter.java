package io.linernotes.discord;

import java.util.List;
import net.dv8tion.jda.api.utils.SplitUtil;
import net.dv8tion.jda.api.utils.SplitUtil.Strategy;

/** Cuts long text into pieces of at most {@code max} characters, at a line or word break when it can. */
public final class TextSplitter {
    private TextSplitter() {
    }

    /** JDA's splitter, cutting at the last line break that fits, else a space; never an empty list. */
    public static List<String> split(String text, int max) {
        List<String> pieces = SplitUtil.split(text == null ? "" : text.strip(), max, true, Strategy.NEWLINE,
                Strategy.WHITESPACE, Strategy.ANYWHERE);
        return pieces.isEmpty() ? List.of("") : pieces;
    }

    /** Truncates to {@code max} characters, ending with an ellipsis when something was cut. */
    public static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
