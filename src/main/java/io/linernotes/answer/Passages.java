package io.linernotes.answer;

import io.linernotes.retrieval.Chunker;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a passage sits in its essay, for source entries: the section heading above it and its first words.
 * The passages are cut by the {@link Chunker}, which glues the short heading lines before a paragraph onto
 * that paragraph; so a passage that starts with such lines opens a section, and a passage without them belongs
 * to the last section opened before it (a section may open inside an earlier, packed passage).
 */
final class Passages {

    private Passages() {
    }

    /**
     * The section heading of the passage at {@code position} of {@code body}, cut as {@code chunker} cuts
     * it; null when no heading comes before it (the essay has none, or the passage is in its opening).
     */
    static String section(Chunker chunker, String body, int position) {
        List<String> chunks = chunker.chunkText(body);
        String section = null;
        for (int i = 0; i <= position && i < chunks.size(); i++) {
            // A passage belongs to the section open where it starts; a section it opens further in (packed
            // paragraphs may cross a heading) is the section of the passages after it.
            String heading = i == position ? heading(chunks.get(i)) : lastHeading(chunks.get(i));
            if (heading != null) {
                section = heading;
            }
        }
        return section;
    }

    /** The heading of the last section opened inside a passage, or null. */
    static String lastHeading(String passage) {
        String found = null;
        for (String paragraph : passage.strip().split(Chunker.PARAGRAPH_BREAK)) {
            String heading = heading(paragraph);
            if (heading != null) {
                found = heading;
            }
        }
        return found;
    }

    /**
     * The last heading line glued to the front of a passage, or null (a passage that is only short lines has
     * none). Only the heading of the passage's first paragraph counts: the paragraphs packed after it are kept
     * apart by {@link Chunker#PARAGRAPH_BREAK}, and a heading among them opens a section further in.
     */
    static String heading(String passage) {
        String[] lines = firstParagraph(passage).split("\\R");
        if (lines.length < 2 || Chunker.isHeadingLike(lines[lines.length - 1].strip())) {
            return null;
        }
        String heading = lines[lines.length - 2].strip().replaceFirst("^#+\\s*", "");
        return heading.isEmpty() ? null : heading;
    }

    /** The passage without the heading lines glued to its front. */
    static String body(String passage) {
        String first = firstParagraph(passage);
        String rest = passage.strip().substring(first.length());
        String[] lines = first.split("\\R");
        if (lines.length < 2 || Chunker.isHeadingLike(lines[lines.length - 1].strip())) {
            return passage.strip();
        }
        return (lines[lines.length - 1].strip() + rest).strip();
    }

    private static String firstParagraph(String passage) {
        String p = passage.strip();
        int end = p.indexOf(Chunker.PARAGRAPH_BREAK);
        return end < 0 ? p : p.substring(0, end);
    }

    /** The first {@code words} words of the passage's own text, with "…" when there is more. */
    static String opening(String passage, int words) {
        if (passage == null || passage.isBlank()) {
            return "";
        }
        String[] parts = body(passage).split("\\s+");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < Math.min(words, parts.length); i++) {
            kept.add(parts[i]);
        }
        String text = String.join(" ", kept);
        return parts.length > words ? text.replaceAll("[,;:.]+$", "") + "\u2026" : text;
    }
}
