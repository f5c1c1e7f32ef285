package io.linernotes.song;

import io.linernotes.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what an essay's opening says about its song's names. Articles open with the title as they spell
 * it, often with other names ({@code "Lantern Road", also released as "The Road of
 * Lanterns"}) — names users ask by although the record does not carry them.
 */
final class LeadReader {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{1,80})\"");
    private static final Pattern PAREN = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern FOLLOWING_PAREN = Pattern.compile("^\\s*\"[^\"]{1,80}\"\\s*\\(([^()]{3,60})\\)");

    private LeadReader() {
    }

    /** Other titles the opening sentence gives the song (quoted names, their parts in brackets). */
    static List<String> aliasTitles(String lead) {
        List<String> out = new ArrayList<>();
        if (lead == null || lead.isBlank()) {
            return out;
        }
        String sentence = firstSentence(TextNormalizer.unifyPunctuation(lead).replace("_", ""));
        Matcher q = QUOTED.matcher(sentence);
        while (q.find()) {
            out.addAll(titleForms(q.group(1)));
        }
        Matcher p = FOLLOWING_PAREN.matcher(sentence);
        if (p.find() && !p.group(1).contains(":") && TextNormalizer.tokens(p.group(1)).size() >= 2) {
            out.add(p.group(1));
        }
        return out;
    }

    /**
     * The forms of one title a user may type: as written, without an ampersand, without its bracketed part ("(The Man Who Shot)
     * Liberty Valance" → "Liberty Valance"), and a trailing bracketed subtitle of two words or more alone.
     */
    static List<String> titleForms(String title) {
        List<String> forms = new ArrayList<>();
        forms.add(title);
        if (title.contains("&") || title.contains("+")) {
            forms.add(title.replace("&", " ").replace("+", " ")); // the sign is punctuation people drop: "You I"
        }
        Matcher m = PAREN.matcher(title);
        if (m.find()) {
            String stripped = PAREN.matcher(title).replaceAll(" ").strip();
            if (!TextNormalizer.tokens(stripped).isEmpty()) {
                forms.add(stripped);
            }
            m.reset();
            while (m.find()) {
                boolean trailing = title.substring(m.end()).isBlank();
                if (trailing && TextNormalizer.tokens(m.group(1)).size() >= 2) {
                    forms.add(m.group(1));
                }
            }
        }
        return forms;
    }

    private static String firstSentence(String text) {
        int newline = text.indexOf('\n');
        String s = newline >= 0 ? text.substring(0, newline) : text;
        boolean inQuote = false;
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                inQuote = !inQuote;
            } else if (!inQuote && c == '.' && s.charAt(i + 1) == ' ' && i > 1 && Character.isLowerCase(s.charAt(i - 1))
                    && Character.isLowerCase(s.charAt(i - 2))) {
                return s.substring(0, i);
            }
        }
        return s.length() > 400 ? s.substring(0, 400) : s;
    }
}
