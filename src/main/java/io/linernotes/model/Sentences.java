package io.linernotes.model;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits passage text into sentences (paragraph breaks always end one). */
final class Sentences {

    private static final java.util.regex.Pattern ABBREVIATION = java.util.regex.Pattern.compile(
            "(?:^|\\s)(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Nos|Vol|Op|vs|feat|ft|Mt|Lt|Col|Gen|Rev|Prof|[A-Z])\\.$");

    private Sentences() {
    }

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (List<String> paragraph : paragraphs(text)) {
            sentences.addAll(paragraph);
        }
        return sentences;
    }

    /** The sentences of each paragraph of {@code text} (paragraphs are separated by blank lines). */
    static List<List<String>> paragraphs(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String flat = paragraph.replaceAll("\\s+", " ").strip();
            if (flat.isEmpty()) {
                continue;
            }
            List<String> sentences = new ArrayList<>();
            out.add(sentences);
            BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            it.setText(flat);
            int start = it.first();
            StringBuilder pending = new StringBuilder();
            for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                pending.append(pending.length() == 0 ? "" : " ").append(flat.substring(start, end).strip());
                // The break iterator splits after "Mrs." or "No." before a capital; glue those back.
                if (!ABBREVIATION.matcher(pending).find()) {
                    sentences.add(pending.toString());
                    pending.setLength(0);
                }
            }
            if (pending.length() > 0) {
                sentences.add(pending.toString());
            }
        }
        return out;
    }

    static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
