package io.linernotes.discord;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text other people wrote — song titles, artist names, credits, source lines, echoed questions — shown on
 * Discord as the characters they are, never as Markdown: a title written {@code [Free Nitro](https://…)} must not
 * become a clickable masked link, {@code **} must not bold, {@code ||} must not hide. Discord honours a backslash
 * before any ASCII punctuation, so the characters that start inline Markdown are escaped (brackets are enough to
 * break a masked link, so parentheses stay as they are; {@code <} starts autolinks and timestamps); the colon of
 * {@code ://} is escaped too, so an address in a name stays text rather than becoming a link. Only for places
 * Discord renders Markdown (message content, embed titles and descriptions): embed footers, menu options and
 * autocomplete choices show text as is and must not be escaped.
 */
final class PlainText {

    private static final Pattern SPECIAL = Pattern.compile("[\\\\*_~`|\\[\\]<]|:(?=//)");
    private static final Pattern SPECIAL_BUT_CODE = Pattern.compile("[\\\\*_~|\\[\\]<]|:(?=//)");

    private PlainText() {
    }

    /** {@code text} escaped so Discord shows it literally; null becomes empty. */
    static String of(String text) {
        return escape(text, SPECIAL);
    }

    /**
     * As {@link #of}, but backticks are kept: for our own messages that mark a command as code
     * ({@code `/essay add`}) around other people's words. A code span can hide nothing and link nowhere.
     */
    static String exceptCode(String text) {
        return escape(text, SPECIAL_BUT_CODE);
    }

    /**
     * Markdown {@code text} (an answer) with every occurrence of one of {@code names} escaped as {@link #of}:
     * names our code or a model put into an answer are shown as written, while the answer's own Markdown stays.
     * Longest names first, in one pass, so nothing is escaped twice.
     */
    static String namesIn(String text, Collection<String> names) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Set<String> risky = new LinkedHashSet<>();
        for (String name : names) {
            if (name != null && !name.isBlank() && SPECIAL.matcher(name).find()) {
                risky.add(name);
            }
        }
        if (risky.isEmpty()) {
            return text;
        }
        List<String> longestFirst = risky.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        StringBuilder alternatives = new StringBuilder();
        for (String name : longestFirst) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(name));
        }
        Matcher m = Pattern.compile(alternatives.toString()).matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(of(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String text, Pattern special) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return special.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }
}
