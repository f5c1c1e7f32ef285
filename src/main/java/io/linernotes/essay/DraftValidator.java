package io.linernotes.essay;

import io.linernotes.config.EssayConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks every essay passes before it is stored, whatever door it came through (a file, a jsonl
 * record, a Discord form). Returns the draft cleaned: invisible characters out of names, body normalised.
 */
final class DraftValidator {

    static final int MIN_YEAR = 1000;
    static final int MAX_YEAR = 2100;

    private final EssayConfig limits;

    DraftValidator(EssayConfig limits) {
        this.limits = limits;
    }

    EssayDraft validate(EssayDraft draft) throws EssayFormatException {
        String title = Names.clean(draft.title());
        if (title == null || title.isEmpty()) {
            throw new EssayFormatException("no title: the essay must name the song it is about");
        }
        String[] credit = Names.splitArtist(Names.clean(draft.artist()));
        String artist = Names.clean(credit[0]);
        if (artist == null || artist.isEmpty()) {
            throw new EssayFormatException("no artist: the essay must name the song's artist");
        }
        checkLength("title", title);
        checkLength("artist", artist);
        List<String> featured = Names.distinctFeatured(concat(Names.splitCredit(credit[1]), draft.featured()), artist);
        for (String name : featured) {
            checkLength("featured artist", name);
        }
        checkYear(draft.year());
        String album = blankToNull(Names.clean(draft.album()));
        if (album != null) {
            checkLength("album", album);
        }
        String body = checkBody(draft.body());
        return new EssayDraft(title, artist, featured, draft.year(), album,
                blankToNull(Names.clean(draft.author())), blankToNull(Names.clean(draft.source())), body);
    }

    static void checkYear(Integer year) throws EssayFormatException {
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            throw new EssayFormatException("year " + year + " is out of range (" + MIN_YEAR + ".." + MAX_YEAR + ")");
        }
    }

    private String checkBody(String raw) throws EssayFormatException {
        if (raw == null || raw.isBlank()) {
            throw new EssayFormatException("empty body: the essay has a header but no text");
        }
        if (raw.indexOf('\0') >= 0 || EssayText.controlShare(raw) > 0.01) {
            throw new EssayFormatException("the body looks binary (it contains control characters)");
        }
        List<String> paragraphs = EssayText.paragraphs(raw);
        if (paragraphs.isEmpty()) {
            throw new EssayFormatException("empty body: the essay has a header but no text");
        }
        String body = String.join("\n\n", paragraphs);
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxBodyBytes()) {
            throw new EssayFormatException("body too large: " + bytes + " bytes, the limit is "
                    + limits.maxBodyBytes() + " bytes");
        }
        if (paragraphs.size() > limits.maxParagraphs()) {
            throw new EssayFormatException("too many paragraphs: " + paragraphs.size() + ", the limit is "
                    + limits.maxParagraphs());
        }
        return body;
    }

    private void checkLength(String what, String value) throws EssayFormatException {
        int chars = value.codePointCount(0, value.length());
        if (chars > limits.maxTitleChars()) {
            throw new EssayFormatException(what + " too long: " + chars + " characters, the limit is "
                    + limits.maxTitleChars());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Helper for readers: featured names from several credits, in order of appearance. */
    static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
