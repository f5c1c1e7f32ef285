package io.linernotes.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic benchmark corpus that reads like a collection of song essays: the same seed, source and size
 * give the same records. Prose comes from a {@link TextSource} (sentences recombined from real text), essay
 * shapes (paragraphs and their lengths) from real essays, and the catalogue has the collisions real ones have:
 * prolific artists, titles made of common words (so some repeat by chance), about one song in sixteen sharing
 * another's title on purpose, about one in twenty-five a cover of an earlier song (same title, another
 * artist, the essay says whose song it was), and about one in six featuring artists who lead songs of their own.
 */
public final class SyntheticCorpus {

    /** One generated song, in the shape of the JSON Lines import format; {@code coverOf} is null unless a cover. */
    public record Record(String id, String title, String artist, List<String> featured, int year,
            List<String> paragraphs, String coverOf) {
        public String text() {
            return String.join("\n\n", paragraphs);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random;
    private final TextSource source;

    /** With the bundled text source (our own writing). */
    public SyntheticCorpus(long seed) {
        this(seed, TextSource.bundled());
    }

    public SyntheticCorpus(long seed, TextSource source) {
        this.random = new Random(seed);
        this.source = source;
    }

    /** {@code count} records, ids {@code syn-000001} on. */
    public List<Record> generate(int count) {
        List<String> artists = artistPool(Math.max(8, count / 3));
        List<Record> records = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            records.add(next(i, artists, records));
        }
        return records;
    }

    /** Writes {@code records} as JSON Lines, one record a line, and returns the file. */
    public static Path write(List<Record> records, Path file) throws IOException {
        Files.write(file, jsonLines(records));
        return file;
    }

    /** {@code records} as JSON Lines in UTF-8, the import format. */
    public static byte[] jsonLines(List<Record> records) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Record r : records) {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", r.id());
            n.put("title", r.title());
            n.put("artist", r.artist());
            n.putPOJO("features", r.featured());
            n.put("year", r.year());
            n.put("text", r.text());
            n.put("source", "synthetic benchmark corpus");
            out.append(JSON.writeValueAsString(n)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Record next(int index, List<String> artists, List<Record> earlier) {
        String artist = popular(artists);
        String title;
        String coverOf = null;
        int roll = random.nextInt(100);
        if (roll < 4 && !earlier.isEmpty()) {
            Record original = earlier.get(random.nextInt(earlier.size()));
            title = original.title();
            coverOf = original.artist();
            artist = other(artists, original.artist());
        } else if (roll < 10 && !earlier.isEmpty()) {
            Record namesake = earlier.get(random.nextInt(earlier.size()));
            title = namesake.title();
            artist = other(artists, namesake.artist());
        } else {
            title = title();
        }
        List<String> featured = new ArrayList<>();
        if (random.nextInt(6) == 0) {
            featured.add(other(artists, artist));
            if (random.nextInt(4) == 0) {
                String second = other(artists, artist);
                if (!featured.contains(second)) {
                    featured.add(second);
                }
            }
        }
        int year = 1950 + random.nextInt(76);
        int[] shape = source.shape(random);
        List<String> paragraphs = new ArrayList<>(shape.length);
        for (int p = 0; p < shape.length; p++) {
            paragraphs.add(paragraph(p, shape[p], title, artist, featured, year, coverOf));
        }
        return new Record(String.format(Locale.ROOT, "syn-%06d", index), title, artist, List.copyOf(featured), year,
                List.copyOf(paragraphs), coverOf);
    }

    private String paragraph(int position, int words, String title, String artist, List<String> featured, int year,
            String coverOf) {
        StringBuilder sb = new StringBuilder();
        if (position == 0) {
            if (coverOf != null) {
                sb.append(String.format(Locale.ROOT, "\u201C%s\u201D is %s's %d cover of the song first recorded by %s. ",
                        title, artist, year, coverOf));
            } else {
                sb.append(String.format(Locale.ROOT, "\u201C%s\u201D is a song by %s%s, released in %d. ", title, artist,
                        featured.isEmpty() ? "" : " featuring " + String.join(" and ", featured), year));
            }
        } else if (random.nextInt(3) == 0) {
            String s = source.sentence(random);
            sb.append("In \u201C").append(title).append("\u201D, ")
                    .append(Character.toLowerCase(s.charAt(0))).append(s.substring(1)).append(' ');
        }
        int count = count(sb);
        while (count < words - 3) {
            String s = source.sentence(random);
            sb.append(s).append(' ');
            count += s.split(" ").length;
        }
        return sb.toString().strip();
    }

    private static int count(StringBuilder sb) {
        String s = sb.toString().strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }

    private String title() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> cap(source.titleWord(random));
            case 4, 5, 6 -> cap(source.titleWord(random)) + " " + cap(source.titleWord(random));
            case 7 -> "The " + cap(source.titleWord(random)) + " " + cap(source.titleWord(random));
            case 8 -> cap(source.titleWord(random)) + " of " + cap(source.titleWord(random));
            default -> cap(source.titleWord(random)) + " (" + cap(source.titleWord(random)) + " Version)";
        };
    }

    private List<String> artistPool(int size) {
        Set<String> names = new HashSet<>();
        List<String> pool = new ArrayList<>(size);
        int guard = 0;
        while (pool.size() < size && guard++ < size * 20) {
            String name = switch (random.nextInt(4)) {
                case 0 -> "The " + cap(source.titleWord(random)) + " " + cap(Words.pick(Words.NOUNS, random)) + "s";
                case 1, 2 -> Words.pick(Words.FIRST_NAMES, random) + " " + Words.pick(Words.LAST_NAMES, random);
                default -> cap(source.titleWord(random)) + " " + Words.pick(Words.LAST_NAMES, random);
            };
            if (names.add(name.toLowerCase(Locale.ROOT))) {
                pool.add(name);
            }
        }
        return pool;
    }

    /** Artists early in the pool are drawn far more often: a few prolific ones, a long tail. */
    private String popular(List<String> artists) {
        double u = random.nextDouble();
        return artists.get(Math.min(artists.size() - 1, (int) (artists.size() * u * u * u)));
    }

    private String other(List<String> artists, String not) {
        for (int i = 0; i < 20; i++) {
            String a = popular(artists);
            if (!a.equals(not)) {
                return a;
            }
        }
        return artists.get(0).equals(not) ? artists.get(1) : artists.get(0);
    }

    private static String cap(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
