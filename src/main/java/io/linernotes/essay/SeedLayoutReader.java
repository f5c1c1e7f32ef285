package io.linernotes.essay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the seed's plain-text layout:
 * <pre>
 * Meaning of ‘TITLE’ by ‘ARTIST’ feat. FEATURED
 *
 * Released: YEAR
 *
 * Features: A, B
 *
 * body paragraphs…
 * </pre>
 * Quotes may be curly or straight or absent; header lines after the first are optional, in any order.
 */
final class SeedLayoutReader {

    static final String OPENING = "Meaning of";

    private static final Pattern HEADER_LINE = Pattern.compile(
            "^(Released|Year|Features|Featuring|Featured|Album|Author|Written by|Source)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern A_YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");

    private SeedLayoutReader() {
    }

    static boolean looksLikeSeed(String text) {
        return text.stripLeading().regionMatches(true, 0, OPENING, 0, OPENING.length());
    }

    static EssayDraft read(String text) throws EssayFormatException {
        List<String> lines = List.of(EssayText.unifyLineEnds(text).split("\n", -1));
        int at = 0;
        while (at < lines.size() && lines.get(at).isBlank()) {
            at++;
        }
        String first = lines.get(at).strip();
        TitleLine.Parts parts = TitleLine.read(first);
        if (parts == null) {
            throw new EssayFormatException("no artist: the first line must read "
                    + "\"Meaning of ‘TITLE’ by ‘ARTIST’\", not \"" + abbreviate(first) + "\"");
        }
        List<String> featured = new ArrayList<>(Names.splitCredit(parts.credit()));

        Integer year = null;
        String album = null;
        String author = null;
        String source = null;
        at++;
        for (; at < lines.size(); at++) {
            String line = lines.get(at).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher header = HEADER_LINE.matcher(line);
            if (!header.matches()) {
                break;
            }
            String value = header.group(2).strip();
            switch (header.group(1).toLowerCase(Locale.ROOT)) {
                case "released", "year" -> year = year(value);
                case "features", "featuring", "featured" -> featured.addAll(Names.splitCredit(value));
                case "album" -> album = value;
                case "author", "written by" -> author = value;
                default -> source = value;
            }
        }
        String body = String.join("\n", lines.subList(Math.min(at, lines.size()), lines.size()));
        return new EssayDraft(parts.title(), parts.artist(), featured, year, album, author, source, body);
    }

    static Integer year(String value) throws EssayFormatException {
        if (value.isEmpty()) {
            return null;
        }
        String digits = value.matches("\\d+") ? value : null;
        if (digits == null) {
            Matcher inDate = A_YEAR.matcher(value);
            if (!inDate.find()) {
                throw new EssayFormatException("the year is not a number: \"" + abbreviate(value) + "\"");
            }
            digits = inDate.group(1);
        }
        if (digits.length() > 6) {
            throw new EssayFormatException("year " + abbreviate(value) + " is out of range ("
                    + DraftValidator.MIN_YEAR + ".." + DraftValidator.MAX_YEAR + ")");
        }
        int year = Integer.parseInt(digits);
        DraftValidator.checkYear(year);
        return year;
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "…";
    }
}
