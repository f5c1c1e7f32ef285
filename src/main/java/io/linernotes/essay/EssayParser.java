package io.linernotes.essay;

import io.linernotes.config.EssayConfig;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an uploaded file into essay drafts. Three layouts are accepted, told apart by extension and,
 * when the extension says nothing, by content:
 * <ol>
 *   <li>the seed's plain text: {@code Meaning of ‘TITLE’ by ‘ARTIST’ feat. X}, then {@code Released:} and
 *       {@code Features:} lines, then the body ({@code .txt});</li>
 *   <li>Markdown with a YAML front matter between {@code ---} lines ({@code .md}, {@code .markdown});</li>
 *   <li>JSON Lines, one record a line ({@code .jsonl}, {@code .ndjson}).</li>
 * </ol>
 * Everything that comes out has passed {@link #validate}. Problems are {@link EssayFormatException}s whose
 * message names the file (and line) and the problem, for the person who sent it. Reading is linear in the
 * file's size, and one file may take at most {@code essays.importSeconds} ({@link ReadBudget}).
 */
public final class EssayParser {

    private static final Logger log = LoggerFactory.getLogger(EssayParser.class);

    /** What the accepted layouts look like, for the message that refuses a file in none of them. */
    static final String LAYOUTS = "accepted layouts: (1) plain text starting with a line "
            + "\"Meaning of ‘TITLE’ by ‘ARTIST’\" (optionally \"Released: YEAR\" and \"Features: A, B\" lines), "
            + "then the essay; (2) Markdown starting with a front matter \"---\" / \"title: …\" / \"artist: …\" / "
            + "\"---\", then the essay; (3) a .jsonl file with one {\"title\", \"artist\", \"text\"} record a line";

    /**
     * A parsed file: the drafts, and the jsonl records set aside because their artist is unknown (one
     * message each, naming the line). Always empty for single-essay files.
     */
    public record Parsed(List<EssayDraft> drafts, List<String> warnings) {
        public Parsed {
            drafts = List.copyOf(drafts);
            warnings = List.copyOf(warnings);
        }
    }

    private enum Format { SEED, FRONT_MATTER, JSON_LINES, UNKNOWN }

    private final DraftValidator validator;
    private final JsonLinesReader jsonLines;
    private final int importSeconds;
    private final LongSupplier nanos;

    public EssayParser(EssayConfig limits) {
        this(limits, System::nanoTime);
    }

    /** {@code nanos}: the clock the time budget of each file ({@code essays.importSeconds}) is measured on. */
    EssayParser(EssayConfig limits, LongSupplier nanos) {
        this.validator = new DraftValidator(Objects.requireNonNull(limits, "limits"));
        this.jsonLines = new JsonLinesReader(validator);
        this.importSeconds = limits.importSeconds();
        this.nanos = nanos;
    }

    /**
     * The drafts in {@code content}. Records set aside (see {@link #parseReport}) are logged and left out;
     * any other problem fails the whole file.
     */
    public List<EssayDraft> parse(String fileName, byte[] content) throws EssayFormatException {
        Parsed parsed = parseReport(fileName, content);
        for (String warning : parsed.warnings()) {
            log.warn("{}: {}", fileName, warning);
        }
        return parsed.drafts();
    }

    /** Like {@link #parse}, but hands back the records set aside instead of logging them. */
    public Parsed parseReport(String fileName, byte[] content) throws EssayFormatException {
        String name = fileName == null || fileName.isBlank() ? "the file" : fileName.strip();
        ReadBudget budget = new ReadBudget(importSeconds, nanos);
        try {
            String text = EssayText.decode(Objects.requireNonNull(content, "content"));
            budget.check();
            return switch (detect(name, text)) {
                case JSON_LINES -> jsonLines.read(text, budget);
                case SEED -> single(SeedLayoutReader.read(text), budget);
                case FRONT_MATTER -> single(FrontMatterReader.read(text), budget);
                default -> throw new EssayFormatException(text.isBlank()
                        ? "empty body: the file is empty; " + LAYOUTS
                        : "no header: the file does not start with an essay header; " + LAYOUTS);
            };
        } catch (EssayFormatException e) {
            throw new EssayFormatException(name + ": " + e.getMessage());
        }
    }

    /**
     * Applies every check a stored essay must pass (title, artist, body size and paragraphs, year) and
     * returns the draft cleaned: invisible characters removed from names, the body normalised.
     */
    public EssayDraft validate(EssayDraft draft) throws EssayFormatException {
        return validator.validate(Objects.requireNonNull(draft, "draft"));
    }

    private Parsed single(EssayDraft draft, ReadBudget budget) throws EssayFormatException {
        budget.check();
        EssayDraft valid = validator.validate(draft);
        budget.check();
        return new Parsed(List.of(valid), List.of());
    }

    private static Format detect(String fileName, String text) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Format.JSON_LINES;
        }
        // A .txt or .md with the other header is still readable, so content decides between the two.
        if (FrontMatterReader.looksLikeFrontMatter(text)) {
            return Format.FRONT_MATTER;
        }
        if (SeedLayoutReader.looksLikeSeed(text)) {
            return Format.SEED;
        }
        boolean knownSingle = lower.endsWith(".txt") || lower.endsWith(".md") || lower.endsWith(".markdown");
        if (!knownSingle && text.stripLeading().startsWith("{")) {
            return Format.JSON_LINES;
        }
        return Format.UNKNOWN;
    }
}
