package io.linernotes.essay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads JSON Lines for bulk import, one record a line in the shape of the wikipedia-songs corpus
 * ({@code id, title, artist, year, text, source, license}, optional {@code features, album, author}).
 * A malformed record fails the whole file (the caller stores nothing then); a record whose artist is
 * null and cannot be read from its lead is set aside, named by its line, and the rest go on.
 */
final class JsonLinesReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The artist of a bulk record that names none and whose text names none either. */
    static final String UNKNOWN_ARTIST = "Unknown artist";

    private final DraftValidator validator;

    JsonLinesReader(DraftValidator validator) {
        this.validator = validator;
    }

    EssayParser.Parsed read(String text, ReadBudget budget) throws EssayFormatException {
        List<EssayDraft> drafts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String[] lines = EssayText.unifyLineEnds(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            budget.check();
            try {
                Optional<EssayDraft> draft = record(lines[i], lineNo, warnings);
                if (draft.isPresent()) {
                    drafts.add(validator.validate(draft.get()));
                }
            } catch (EssayFormatException e) {
                throw new EssayFormatException("line " + lineNo + ": " + e.getMessage());
            }
        }
        if (drafts.isEmpty() && warnings.isEmpty()) {
            throw new EssayFormatException("empty body: the file holds no records");
        }
        return new EssayParser.Parsed(drafts, warnings);
    }

    private Optional<EssayDraft> record(String line, int lineNo, List<String> warnings) throws EssayFormatException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new EssayFormatException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new EssayFormatException("not a JSON object; each line must be one record {\"title\": …}");
        }
        String title = text(node, "title");
        String body = text(node, "text");
        String[] credit = Names.splitArtist(text(node, "artist"));
        String artist = credit[0];
        List<String> featured = DraftValidator.concat(Names.splitCredit(credit[1]), features(node));
        boolean hasFeatures = !featured.isEmpty();
        Optional<LeadArtistGuesser.Guess> guess = body == null ? Optional.empty() : LeadArtistGuesser.guess(body);
        if (artist == null || artist.isBlank()) {
            if (Names.clean(title) == null || Names.clean(title).isEmpty()) {
                throw new EssayFormatException("no title: the record must name the song it is about");
            }
            if (guess.isEmpty()) {
                // A reference article about an anthem or a folk song names no performer; losing the song would
                // be worse than crediting it plainly, so it is kept and the import reports it.
                warnings.add("line " + lineNo + ": record \"" + SeedLayoutReader.abbreviate(String.valueOf(title))
                        + "\" has no artist, and its text does not say whose song it is; stored as by \""
                        + UNKNOWN_ARTIST + "\"");
                artist = UNKNOWN_ARTIST;
            } else {
                artist = guess.get().artist();
            }
        }
        if (!hasFeatures && guess.isPresent() && Names.fold(guess.get().artist()).equals(Names.fold(artist))) {
            // The lead names the featured artist in 31 of the corpus' records; no field does.
            featured = guess.get().featured();
        }
        return Optional.of(new EssayDraft(title, artist, featured, FrontMatterReader.year(node.get("year")),
                text(node, "album"), text(node, "author"), source(node), body));
    }

    private static String source(JsonNode node) throws EssayFormatException {
        String license = text(node, "license");
        String shortLicense = license == null ? null : license.split("(?<!\\s)\\s*\\(", 2)[0].strip();
        String wikiTitle = text(node, "wiki_title");
        String origin;
        JsonNode source = node.get("source");
        if (wikiTitle != null) {
            origin = "Wikipedia: " + wikiTitle;
        } else if (source != null && source.isTextual()) {
            origin = source.asText();
        } else if (source != null && source.isObject()) {
            origin = String.join("/", nonNull(text(source, "repository"), text(source, "path")));
        } else {
            origin = null;
        }
        if (origin == null || origin.isBlank()) {
            return shortLicense;
        }
        return shortLicense == null || shortLicense.isEmpty() ? origin : origin + " (" + shortLicense + ")";
    }

    private static List<String> features(JsonNode node) throws EssayFormatException {
        List<String> names = new ArrayList<>();
        for (String key : List.of("features", "featured")) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                for (JsonNode item : value) {
                    names.addAll(Names.splitCredit(item.asText()));
                }
            } else if (value.isTextual()) {
                names.addAll(Names.splitCredit(value.asText()));
            } else {
                throw new EssayFormatException("\"" + key + "\" must be a list of names or a text");
            }
        }
        return names;
    }

    private static String text(JsonNode node, String key) throws EssayFormatException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new EssayFormatException("\"" + key + "\" must be a text, not a list or object");
        }
        return value.asText();
    }

    private static List<String> nonNull(String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                present.add(value);
            }
        }
        return present;
    }
}
