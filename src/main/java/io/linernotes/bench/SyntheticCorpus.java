package io.linernotes.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A deterministic synthetic corpus for benchmarks: the same seed and size give the same records. Titles are
 * drawn from word lists in a few shapes; about one title in twenty is reused by another artist; about one song
 * in five has featured artists; bodies have 4 to 8 paragraphs of about 100 words in the register of the seed
 * essay (what the song is about, its hook, a verse, the production, its reception).
 */
public final class SyntheticCorpus {

    /** One generated song, in the shape of the JSON Lines import format. */
    public record Record(String id, String title, String artist, List<String> featured, int year,
            List<String> paragraphs) {
        public String text() {
            return String.join("\n\n", paragraphs);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random;
    private final List<String> titles = new ArrayList<>();

    public SyntheticCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} records, ids {@code syn-000001} on. */
    public List<Record> generate(int count) {
        List<Record> records = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            records.add(next(i));
        }
        return records;
    }

    /** Writes {@code records} as JSON Lines, one record a line, and returns the file. */
    public static Path write(List<Record> records, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Record r : records) {
                ObjectNode n = JSON.createObjectNode();
                n.put("id", r.id());
                n.put("title", r.title());
                n.put("artist", r.artist());
                n.putPOJO("features", r.featured());
                n.put("year", r.year());
                n.put("text", r.text());
                n.put("source", "synthetic benchmark corpus");
                w.write(JSON.writeValueAsString(n));
                w.newLine();
            }
        }
        return file;
    }

    private Record next(int index) {
        String artist = artist();
        String title = !titles.isEmpty() && random.nextInt(20) == 0 ? pick(titles) : title();
        titles.add(title);
        List<String> featured = new ArrayList<>();
        if (random.nextInt(5) == 0) {
            featured.add(artist());
            if (random.nextInt(4) == 0) {
                featured.add(artist());
            }
        }
        int year = 1955 + random.nextInt(70);
        int paragraphs = 4 + random.nextInt(5);
        List<String> body = new ArrayList<>(paragraphs);
        for (int p = 0; p < paragraphs; p++) {
            body.add(paragraph(p, title, artist, featured, year));
        }
        return new Record(String.format(Locale.ROOT, "syn-%06d", index), title, artist, featured, year, body);
    }

    private String title() {
        return switch (random.nextInt(6)) {
            case 0 -> cap(pick(Words.ADJECTIVES)) + " " + cap(pick(Words.NOUNS));
            case 1 -> "The " + cap(pick(Words.NOUNS)) + " " + cap(pick(Words.PLACES));
            case 2 -> cap(pick(Words.NOUNS)) + " of " + cap(pick(Words.NOUNS));
            case 3 -> cap(pick(Words.VERBS)) + " Me " + cap(pick(Words.ADVERBS));
            case 4 -> cap(pick(Words.NOUNS)) + " (" + cap(pick(Words.ADJECTIVES)) + " Version)";
            default -> cap(pick(Words.ADJECTIVES)) + " " + cap(pick(Words.PLACES));
        };
    }

    private String artist() {
        return switch (random.nextInt(4)) {
            case 0 -> "The " + cap(pick(Words.ADJECTIVES)) + " " + cap(pick(Words.NOUNS)) + "s";
            case 1 -> pick(Words.FIRST_NAMES) + " " + pick(Words.LAST_NAMES);
            case 2 -> cap(pick(Words.NOUNS)) + " " + cap(pick(Words.PLACES));
            default -> pick(Words.FIRST_NAMES) + " " + pick(Words.LAST_NAMES) + " & the " + cap(pick(Words.NOUNS)) + "s";
        };
    }

    private String paragraph(int position, String title, String artist, List<String> featured, int year) {
        StringBuilder sb = new StringBuilder();
        if (position == 0) {
            sb.append(String.format(Locale.ROOT, "\u201C%s\u201D is a %d %s song by %s%s. ", title, year,
                    pick(Words.GENRES), artist, featured.isEmpty() ? "" : " featuring " + String.join(" and ", featured)));
        }
        int words = sb.toString().split("\\s+").length;
        while (words < 95) {
            String sentence = sentence(title, artist);
            sb.append(sentence).append(' ');
            words += sentence.split("\\s+").length;
        }
        return sb.toString().strip();
    }

    private String sentence(String title, String artist) {
        String template = pick(Words.SENTENCES);
        return template.replace("{title}", title)
                .replace("{artist}", artist)
                .replace("{noun}", pick(Words.NOUNS))
                .replace("{noun2}", pick(Words.NOUNS))
                .replace("{adj}", pick(Words.ADJECTIVES))
                .replace("{place}", pick(Words.PLACES))
                .replace("{verb}", pick(Words.VERBS))
                .replace("{theme}", pick(Words.THEMES))
                .replace("{theme2}", pick(Words.THEMES));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String cap(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
