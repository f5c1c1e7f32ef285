package io.linernotes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Where the benchmark corpus gets its prose: a word chain (each word drawn after the one or two before it, as
 * often as it follows them in the source) trained on real text, and the shapes of real essays (how many
 * paragraphs, how many words each). The source is a JSON Lines corpus of essays when one is given (the
 * Wikipedia song articles), else the bundled demo essays and the benchmark's own sentence templates, all our
 * own writing; that fallback is small, so its chain looks back one word instead of two and its shapes come
 * from figures measured once on the Wikipedia corpus.
 */
public final class TextSource {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\"“A-Z0-9])");
    private static final String START = "\u0002";
    private static final int MAX_SENTENCE_WORDS = 45;
    private static final int MIN_PARAGRAPH_WORDS = 6;
    private static final int MAX_PARAGRAPH_WORDS = 300;

    /**
     * Paragraphs per essay and words per paragraph in the 312 Wikipedia song articles (paragraphs of fewer than
     * 6 words, the section headings, left out), used when no corpus is given: the empirical spread, as
     * (value, how many essays or paragraphs) pairs, coarsened.
     */
    private static final int[][] FALLBACK_PARAGRAPHS = {{1, 40}, {2, 45}, {3, 50}, {4, 40}, {5, 30}, {6, 25},
        {7, 20}, {8, 15}, {10, 15}, {12, 10}, {15, 8}, {20, 6}, {30, 3}, {45, 1}};
    private static final int[][] FALLBACK_WORDS = {{10, 15}, {20, 20}, {30, 18}, {45, 16}, {60, 12}, {80, 9},
        {100, 6}, {130, 3}, {180, 1}};

    private final int order;
    private final Map<String, List<String>> next;
    private final List<String> vocabulary;
    private final List<int[]> shapes;
    private final String description;

    private TextSource(int order, Map<String, List<String>> next, List<String> vocabulary, List<int[]> shapes,
            String description) {
        this.order = order;
        this.next = next;
        this.vocabulary = vocabulary;
        this.shapes = shapes;
        this.description = description;
    }

    /** Trained on the {@code text} field of every record of a JSON Lines corpus. */
    public static TextSource fromCorpus(Path jsonl) {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    String text = node.path("text").asText("");
                    if (!text.isBlank()) {
                        texts.add(text);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the text source " + jsonl, e);
        }
        List<int[]> shapes = new ArrayList<>();
        for (String text : texts) {
            List<Integer> lengths = new ArrayList<>();
            for (String paragraph : text.split("\n\\s*\n")) {
                int words = paragraph.strip().isEmpty() ? 0 : paragraph.strip().split("\\s+").length;
                if (words >= MIN_PARAGRAPH_WORDS) {
                    lengths.add(Math.min(words, MAX_PARAGRAPH_WORDS));
                }
            }
            if (!lengths.isEmpty()) {
                shapes.add(lengths.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return train(texts, 2, shapes, texts.size() + " articles of " + jsonl.getFileName());
    }

    /** The bundled fallback: the demo essays and the benchmark's sentence templates, our own writing. */
    public static TextSource bundled() {
        List<String> texts = new ArrayList<>();
        for (String name : List.of("fast-car-tracy-chapman.txt", "hey-ya-outkast.md", "runaway-kanye-west.txt",
                "runaway-second-reading.md", "stan-eminem.md", "waterloo-sunset-kinks.md")) {
            texts.add(bodyOf(resource("/demo-essays/" + name)));
        }
        Random random = new Random(0);
        StringBuilder templates = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            templates.append(Words.fill(Words.SENTENCES.get(i % Words.SENTENCES.size()), random)).append(' ');
        }
        texts.add(templates.toString());
        return train(texts, 1, null, "the bundled demo essays and templates");
    }

    private static TextSource train(List<String> texts, int order, List<int[]> shapes, String description) {
        Map<String, List<String>> next = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            for (String sentence : SENTENCE_END.split(text.replaceAll("\\s+", " ").strip())) {
                String[] words = sentence.strip().split(" ");
                if (words.length < 4 || words.length > MAX_SENTENCE_WORDS) {
                    continue;
                }
                String[] history = new String[order];
                java.util.Arrays.fill(history, START);
                for (String word : words) {
                    next.computeIfAbsent(String.join(" ", history), k -> new ArrayList<>()).add(word);
                    System.arraycopy(history, 1, history, 0, order - 1);
                    history[order - 1] = word;
                    String bare = word.replaceAll("[^\\p{L}]", "");
                    if (bare.length() >= 4 && bare.equals(bare.toLowerCase(java.util.Locale.ROOT))) {
                        counts.merge(bare, 1, Integer::sum);
                    }
                }
            }
        }
        // Title words drawn by frequency: common words make the titles that real catalogues share.
        List<String> vocabulary = new ArrayList<>();
        counts.forEach((word, n) -> {
            for (int i = 0; i < Math.min(n, 50); i++) {
                vocabulary.add(word);
            }
        });
        vocabulary.sort(null);
        return new TextSource(order, next, vocabulary, shapes == null || shapes.isEmpty() ? null : shapes, description);
    }

    /** One sentence from the chain: at least 6 words, ending where a source sentence ended. */
    String sentence(Random random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<String> words = new ArrayList<>();
            String[] history = new String[order];
            java.util.Arrays.fill(history, START);
            while (words.size() < MAX_SENTENCE_WORDS) {
                List<String> options = next.get(String.join(" ", history));
                if (options == null) {
                    break;
                }
                String word = options.get(random.nextInt(options.size()));
                words.add(word);
                System.arraycopy(history, 1, history, 0, order - 1);
                history[order - 1] = word;
                if (word.endsWith(".") || word.endsWith("?") || word.endsWith("!")) {
                    break;
                }
            }
            if (words.size() >= 6) {
                String s = String.join(" ", words);
                return s.matches(".*[.!?]$") ? s : s + ".";
            }
        }
        return "The song returns to its first image in the last verse.";
    }

    /** A word for a title, as frequent as it is in the source. */
    String titleWord(Random random) {
        return vocabulary.get(random.nextInt(vocabulary.size()));
    }

    /** Words per paragraph of one essay, drawn from the real shapes (or the fallback spread). */
    int[] shape(Random random) {
        if (shapes != null) {
            return shapes.get(random.nextInt(shapes.size()));
        }
        int[] out = new int[draw(FALLBACK_PARAGRAPHS, random)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(MIN_PARAGRAPH_WORDS, draw(FALLBACK_WORDS, random) + random.nextInt(10) - 5);
        }
        return out;
    }

    private static int draw(int[][] spread, Random random) {
        int total = 0;
        for (int[] pair : spread) {
            total += pair[1];
        }
        int pick = random.nextInt(total);
        for (int[] pair : spread) {
            pick -= pair[1];
            if (pick < 0) {
                return pair[0];
            }
        }
        return spread[spread.length - 1][0];
    }

    public String description() {
        return description;
    }

    private static String resource(String name) {
        try (InputStream in = TextSource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prose of a demo essay: without its front matter or its seed-layout title lines. */
    private static String bodyOf(String essay) {
        String text = essay.strip();
        if (text.startsWith("---")) {
            int end = text.indexOf("\n---", 3);
            text = end < 0 ? text : text.substring(end + 4);
        }
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.startsWith("Meaning of ") && !line.startsWith("Released:") && !line.startsWith("Features:")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
