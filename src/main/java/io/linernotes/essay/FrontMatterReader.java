package io.linernotes.essay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Markdown with a YAML front matter: a first line {@code ---}, {@code key: value} lines (title,
 * artist, features or featured, year, album, author, source; others are ignored), a closing
 * {@code ---}, then the body.
 */
final class FrontMatterReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FrontMatterReader() {
    }

    static boolean looksLikeFrontMatter(String text) {
        String first = EssayText.unifyLineEnds(text.stripLeading()).split("\n", 2)[0];
        return first.strip().equals("---");
    }

    static EssayDraft read(String text) throws EssayFormatException {
        String[] lines = EssayText.unifyLineEnds(text.stripLeading()).split("\n", -1);
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("---") || line.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new EssayFormatException("the front matter is not terminated: add a line \"---\" after its last key");
        }
        JsonNode matter = parseYaml(String.join("\n", List.of(lines).subList(1, close)));
        String body = String.join("\n", List.of(lines).subList(close + 1, lines.length));
        return new EssayDraft(text(matter, "title"), text(matter, "artist"), featured(matter),
                year(matter.get("year")), text(matter, "album"), text(matter, "author"), text(matter, "source"), body);
    }

    private static JsonNode parseYaml(String yaml) throws EssayFormatException {
        JsonNode node;
        try {
            node = yaml.isBlank() ? null : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String line = where == null || where.getLineNr() < 1 ? "" : " at line " + (where.getLineNr() + 1);
            throw new EssayFormatException("the front matter is not valid YAML" + line + ": " + e.getOriginalMessage());
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return YAML.createObjectNode();
        }
        if (!node.isObject()) {
            throw new EssayFormatException("the front matter is not valid YAML key: value pairs (title: …, artist: …)");
        }
        return node;
    }

    private static String text(JsonNode matter, String key) throws EssayFormatException {
        JsonNode value = matter.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new EssayFormatException("the front matter's " + key + " must be plain text, not a list or map");
        }
        return value.asText();
    }

    private static List<String> featured(JsonNode matter) throws EssayFormatException {
        List<String> names = new ArrayList<>();
        for (String key : List.of("features", "featured", "featuring")) {
            JsonNode value = matter.get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                for (JsonNode item : value) {
                    names.addAll(Names.splitCredit(item.asText()));
                }
            } else if (value.isValueNode()) {
                names.addAll(Names.splitCredit(value.asText()));
            } else {
                throw new EssayFormatException("the front matter's " + key + " must be a list or a comma-separated text");
            }
        }
        return names;
    }

    /** A year from a YAML or JSON value: a whole number, or text holding one (a date's year counts). */
    static Integer year(JsonNode value) throws EssayFormatException {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToInt()) {
                throw new EssayFormatException("year " + value.asText() + " is out of range ("
                        + DraftValidator.MIN_YEAR + ".." + DraftValidator.MAX_YEAR + ")");
            }
            DraftValidator.checkYear(value.intValue());
            return value.intValue();
        }
        if (value.isTextual()) {
            return SeedLayoutReader.year(value.asText().strip());
        }
        throw new EssayFormatException("the year is not a number: \"" + SeedLayoutReader.abbreviate(value.toString()) + "\"");
    }
}
