package io.linernotes.essay;

import io.linernotes.text.Folding;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turning uploaded bytes into text we are willing to store: strictly UTF-8, not binary, with the body's
 * paragraphs laid out one way (LF line ends, one blank line between paragraphs, no edge white space).
 */
final class EssayText {

    /** Above this share of control characters a "text" is almost surely a binary file or garbage. */
    private static final double MAX_CONTROL_SHARE = 0.01;

    private EssayText() {
    }

    /** Decodes {@code content} as UTF-8, refusing binary data and malformed bytes; drops a leading BOM. */
    static String decode(byte[] content) throws EssayFormatException {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                throw new EssayFormatException("looks like a binary file, not text (NUL byte at offset " + i
                        + "); send the essay as UTF-8 text");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new EssayFormatException("is not UTF-8 text (invalid byte at offset " + in.position()
                    + "); save the file as UTF-8 and send it again");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (controlShare(text) > MAX_CONTROL_SHARE) {
            throw new EssayFormatException("looks like a binary file, not text (too many control characters)");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Share of characters that are control codes other than tab, line feed and carriage return. */
    static double controlShare(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        long controls = text.chars()
                .filter(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F))
                .count();
        return (double) controls / text.length();
    }

    /**
     * Any line ending becomes LF, and no other control character but tab is left ({@link ControlCharacters}):
     * a file with a few stray ones is stored without them; one with many was refused as binary before this.
     */
    static String unifyLineEnds(String text) {
        return ControlCharacters.strip(text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    /** The body as paragraphs: each trimmed (lines right-trimmed), blank-line runs collapsed to one. */
    static List<String> paragraphs(String body) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : unifyLineEnds(body).split("\n", -1)) {
            String trimmed = line.stripTrailing();
            if (isBlank(trimmed)) {
                flush(current, paragraphs);
            } else {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(trimmed);
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    /**
     * Whether {@code text} has nothing a reader would see: white space, Unicode spaces such as NBSP, and the
     * invisible characters by the one rule user text is cleaned by ({@link Folding#isBlank}).
     */
    static boolean isBlank(String text) {
        return Folding.isBlank(text);
    }

    /**
     * {@code text} without white space (ASCII and Unicode spaces) at either end. A loop, not a pattern: a
     * pattern such as {@code [\s\p{Z}]+$} is retried from every position of a long run of spaces that is not
     * at the end, which takes time growing with the square of the run.
     */
    static String trimEdgeSpace(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && isEdgeSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isEdgeSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.subSequence(start, end).toString();
    }

    private static boolean isEdgeSpace(char c) {
        int type = Character.getType(c);
        return TitleLine.isSpace(c) || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    static String normaliseBody(String body) {
        return String.join("\n\n", paragraphs(body));
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        String paragraph = trimEdgeSpace(current);
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
        current.setLength(0);
    }
}
