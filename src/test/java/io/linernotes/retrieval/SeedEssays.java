package io.linernotes.retrieval;

import io.linernotes.essay.EssayDraft;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads essays in the seed's plain-text layout for retrieval tests. Deliberately minimal: the real parser
 * belongs to the essay package; this one only needs the title, artist, features, year and body.
 */
final class SeedEssays {

    static final Path SEED = Path.of("..", "shared", "seeds", "runaway-kanye-west.txt");

    private static final Pattern FIRST_LINE =
            Pattern.compile("Meaning of [‘'\"“](.+?)[’'\"”] by [‘'\"“](.+?)[’'\"”](?: feat\\. (.+))?");

    private SeedEssays() {
    }

    static EssayDraft fromFile(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EssayDraft fixture(String name) {
        try (InputStream in = SeedEssays.class.getResourceAsStream("/retrieval-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EssayDraft parse(String text) {
        String[] lines = text.strip().split("\\R", -1);
        Matcher m = FIRST_LINE.matcher(lines[0].strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a seed essay: " + lines[0]);
        }
        Integer year = null;
        List<String> features = List.of();
        int i = 1;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("Released:")) {
                year = Integer.valueOf(line.substring("Released:".length()).strip());
            } else if (line.startsWith("Features:")) {
                String rest = line.substring("Features:".length()).strip();
                features = rest.isEmpty() ? List.of() : Arrays.stream(rest.split(",")).map(String::strip).toList();
            } else if (!line.isEmpty()) {
                break;
            }
        }
        String body = String.join("\n", Arrays.asList(lines).subList(i, lines.length)).strip();
        return new EssayDraft(m.group(1), m.group(2), features, year, null, null, "test fixture", body);
    }
}
