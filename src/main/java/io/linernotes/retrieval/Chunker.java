package io.linernotes.retrieval;

import io.linernotes.essay.Essay;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cuts an essay body into {@link Passage}s of one or more paragraphs, the unit the index stores and answers cite.
 *
 * <p>Paragraphs are separated by blank lines. A paragraph longer than {@code maxChars} is cut between
 * sentences (and, for a single sentence longer than the cap, between words). A short line that is not a
 * sentence — a stray heading such as "Chart performance" or an image caption left over from an import — is
 * not worth a passage of its own: it would match keyword queries while saying nothing, so it is prefixed to
 * the passage that follows it (and dropped when nothing follows).
 *
 * <p>A passage shorter than {@code minChars} takes in the next paragraph, with that paragraph's heading when it
 * opens a section, as long as the cap allows: encyclopedic articles run to sections of one short paragraph
 * each, and a passage that small is a thin vector that says little on its own (the opening summary and the
 * "Background" section after it together answer "what is it about?"). Inside a passage a heading line ends
 * with a single line break and packed paragraphs are kept apart by a blank line ({@link #PARAGRAPH_BREAK}), so
 * readers of the passage (sentence splitting, the source's section) still see where each paragraph and each
 * section begins.
 */
public final class Chunker {

    /** Below this length a line without sentence-ending punctuation is treated as a heading. */
    static final int HEADING_MAX_CHARS = 60;

    private static final Pattern BLANK_LINE = Pattern.compile("\\R[ \\t\\u00A0]*\\R");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Ends like a sentence: . ! ? or … possibly followed by closing quotes or brackets. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\u2026][\"'\u201D\u2019)\\]]*$");

    /** Between two paragraphs packed into one passage. */
    public static final String PARAGRAPH_BREAK = "\n\n";

    private final int maxChars;
    private final int minChars;

    /** One passage per paragraph (cut at {@code maxChars}), no packing. */
    public Chunker(int maxChars) {
        this(maxChars, 0);
    }

    /**
     * @param maxChars the size cap of a passage
     * @param minChars below this size a passage takes in the next paragraph (0: never)
     */
    public Chunker(int maxChars, int minChars) {
        if (maxChars < 2 * HEADING_MAX_CHARS) {
            throw new IllegalArgumentException("maxChars must be at least " + 2 * HEADING_MAX_CHARS);
        }
        if (minChars < 0 || minChars > maxChars) {
            throw new IllegalArgumentException("minChars must be between 0 and maxChars");
        }
        this.maxChars = maxChars;
        this.minChars = minChars;
    }

    /** The chunker the index of {@code config} is built with. */
    public static Chunker of(io.linernotes.config.RetrievalConfig config) {
        return new Chunker(config.chunkMaxChars(), config.chunkMinChars());
    }

    public int maxChars() {
        return maxChars;
    }

    public int minChars() {
        return minChars;
    }

    /** The passages of {@code essay}, positions counting from 0 in body order. */
    public List<Passage> chunk(Essay essay) {
        List<String> texts = chunkText(essay.body());
        List<Passage> passages = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            passages.add(new Passage(
                    essay.id(), essay.revision(), essay.song().id(), essay.scope(), i, texts.get(i)));
        }
        return passages;
    }

    /** The passage texts of {@code body}; exposed for tests and tools that have no {@link Essay}. */
    public List<String> chunkText(String body) {
        List<String> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        StringBuilder pendingHeadings = new StringBuilder();
        boolean lastWasParagraph = false;
        for (String raw : BLANK_LINE.split(body.strip())) {
            String paragraph = WHITESPACE.matcher(raw).replaceAll(" ").strip();
            if (paragraph.isEmpty()) {
                continue;
            }
            if (isHeadingLike(paragraph)) {
                if (pendingHeadings.length() > 0) {
                    pendingHeadings.append('\n');
                }
                pendingHeadings.append(paragraph);
                // A run of many short lines (a quoted verse, a track listing) becomes a passage of its own
                // once it is big enough, rather than swelling the next paragraph past the cap.
                if (pendingHeadings.length() >= maxChars / 2) {
                    out.add(pendingHeadings.toString());
                    lastWasParagraph = false;
                    pendingHeadings.setLength(0);
                }
                continue;
            }
            String prefix = pendingHeadings.toString();
            pendingHeadings.setLength(0);
            // A short passage says too little for a vector of its own, and a question about the whole song
            // ("what is it about?") is often answered by two paragraphs together: consecutive paragraphs, a
            // heading included, are packed into a passage until it reaches minChars (never past the cap).
            if (lastWasParagraph && !out.isEmpty()) {
                String last = out.get(out.size() - 1);
                String next = prefix.isEmpty() ? paragraph : prefix + "\n" + paragraph;
                if (last.length() < minChars && last.length() + PARAGRAPH_BREAK.length() + next.length() <= maxChars) {
                    out.set(out.size() - 1, last + PARAGRAPH_BREAK + next);
                    continue;
                }
            }
            out.addAll(split(prefix, paragraph));
            lastWasParagraph = true;
        }
        return out;
    }

    /** A short fragment that does not end like a sentence. */
    public static boolean isHeadingLike(String paragraph) {
        return paragraph.length() < HEADING_MAX_CHARS && !SENTENCE_END.matcher(paragraph).find();
    }

    /** Splits one paragraph (with an optional heading prefix) into pieces no longer than the cap. */
    private List<String> split(String prefix, String paragraph) {
        String joiner = prefix.isEmpty() ? "" : "\n";
        if (prefix.length() + joiner.length() + paragraph.length() <= maxChars) {
            return List.of(prefix + joiner + paragraph);
        }
        // Every unit leaves room for the prefix, so the prefix always fits with the first unit.
        int unitMax = maxChars - prefix.length() - joiner.length();
        List<String> units = new ArrayList<>();
        for (String sentence : sentences(paragraph)) {
            if (sentence.length() <= unitMax) {
                units.add(sentence);
            } else {
                units.addAll(byWords(sentence, unitMax));
            }
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder(prefix).append(joiner);
        boolean hasUnit = false;
        for (String unit : units) {
            if (hasUnit && current.length() + 1 + unit.length() > maxChars) {
                pieces.add(current.toString());
                current.setLength(0);
                hasUnit = false;
            }
            if (hasUnit) {
                current.append(' ');
            }
            current.append(unit);
            hasUnit = true;
        }
        if (hasUnit) {
            pieces.add(current.toString());
        }
        return pieces;
    }

    private static List<String> sentences(String paragraph) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(paragraph);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = paragraph.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Cuts {@code text} between words into pieces of at most {@code max} characters. */
    private static List<String> byWords(String text, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String word : text.split(" ")) {
            // A "word" longer than the cap (a URL, a run of symbols) is cut hard.
            while (word.length() > max) {
                if (piece.length() > 0) {
                    out.add(piece.toString());
                    piece.setLength(0);
                }
                out.add(word.substring(0, max));
                word = word.substring(max);
            }
            if (word.isEmpty()) {
                continue;
            }
            if (piece.length() > 0 && piece.length() + 1 + word.length() > max) {
                out.add(piece.toString());
                piece.setLength(0);
            }
            if (piece.length() > 0) {
                piece.append(' ');
            }
            piece.append(word);
        }
        if (piece.length() > 0) {
            out.add(piece.toString());
        }
        return out;
    }
}
