package io.linernotes.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a robustness question set for any corpus of the wikipedia-songs shape: for every song and every
 * {@link NoiseClass} that applies to it, {@code perClass} questions in the shared eval format, plus absent songs
 * (well-known titles the corpus lacks, and stored titles with one word changed). The same seed and corpus give
 * the same questions. Each question carries its class in a {@code noise} field.
 */
public final class RobustnessSuite {

    /** One generated question and the class of noise it was made with. */
    public record Generated(EvalQuestion question, NoiseClass noise) {
    }

    private static final String[] WITH_ARTIST = {"What is %1$s by %2$s about?", "%1$s by %2$s meaning",
        "what does %1$s by %2$s mean", "%2$s - %1$s", "Meaning of %1$s by %2$s", "%1$s %2$s"};
    private static final String[] TITLE_ALONE = {"What is %1$s about?", "%1$s meaning", "what does %1$s mean?",
        "%1$s", "Explain the song %1$s"};
    private static final String[] DESCRIBING = {"Which %2$s song mentions %3$s?",
        "Which %1$s %2$s single is the one that says %3$s?", "In which song by %2$s do we read %3$s?"};
    private static final Pattern FEATURING = Pattern.compile("\\bfeaturing\\s+([^.;()]{2,80})");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[a-z0-9)\"”])\\.\\s+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<CorpusRecord> records;
    private final Map<String, Integer> years;
    private final Random rnd;
    private final Set<String> titleKeys = new HashSet<>();
    private final Map<String, Integer> titleCounts = new HashMap<>();
    private final List<String> titleWords = new ArrayList<>();
    /** Folded words of each record's text, by record id, and the records of each artist (folded name). */
    private final Map<String, Set<String>> textWords = new HashMap<>();
    private final Map<String, List<String>> recordsByArtist = new HashMap<>();

    private RobustnessSuite(List<CorpusRecord> records, Map<String, Integer> years, long seed) {
        this.records = records;
        this.years = years;
        this.rnd = new Random(seed);
        Set<String> words = new java.util.TreeSet<>();
        for (CorpusRecord r : records) {
            if (r.title() != null) {
                titleKeys.add(Texts.key(r.title()));
                titleCounts.merge(Texts.key(r.title()), 1, Integer::sum);
                for (String w : r.title().split(" ")) {
                    if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
                        words.add(w);
                    }
                }
            }
        }
        titleWords.addAll(words);
        for (CorpusRecord r : records) {
            textWords.put(r.id(), r.text() == null ? Set.of() : new HashSet<>(List.of(Texts.key(r.text()).split(" "))));
            if (r.artist() != null && !r.artist().isBlank()) {
                recordsByArtist.computeIfAbsent(Texts.key(r.artist()), k -> new ArrayList<>()).add(r.id());
            }
        }
    }

    /** The suite for {@code records}; {@code years} maps a record id to its year (may miss ids). */
    public static List<Generated> generate(List<CorpusRecord> records, Map<String, Integer> years, long seed,
            int perClass) {
        return new RobustnessSuite(records, years, seed).all(perClass);
    }

    private List<Generated> all(int perClass) {
        List<Generated> out = new ArrayList<>();
        for (CorpusRecord r : records) {
            if (r.title() == null || r.title().isBlank()) {
                continue;
            }
            for (int k = 0; k < perClass; k++) {
                for (NoiseClass c : NoiseClass.values()) {
                    if (c == NoiseClass.ABSENT_FAMOUS) {
                        continue;
                    }
                    String query = query(c, r);
                    if (query == null) {
                        continue;
                    }
                    String id = c.key() + "-" + r.id() + "-" + k;
                    boolean misattributed = c == NoiseClass.FEATURED_AS_OWNER;
                    String evidence = c == NoiseClass.DESCRIPTIVE ? lastFragment : null;
                    String kind = c.absent() ? "absent" : c == NoiseClass.DESCRIPTIVE ? "content" : "resolve";
                    out.add(new Generated(new EvalQuestion(id, kind, query, c.absent() ? null : r.id(), evidence,
                            List.of(), misattributed), c));
                }
            }
        }
        int n = 0;
        for (String[] famous : wellKnownSongs()) {
            if (titleKeys.contains(Texts.key(famous[0]))) {
                continue; // the corpus holds it: not absent
            }
            for (int k = 0; k < perClass; k++) {
                String query = rnd.nextBoolean() ? withArtist(famous[0], famous[1]) : titleAlone(famous[0]);
                out.add(new Generated(new EvalQuestion(NoiseClass.ABSENT_FAMOUS.key() + "-" + (n++), "absent", query,
                        null, null, List.of(), false), NoiseClass.ABSENT_FAMOUS));
            }
        }
        return out;
    }

    /** The essay words the last descriptive question quotes (its evidence). */
    private String lastFragment;

    private String query(NoiseClass c, CorpusRecord r) {
        String title = r.title().strip();
        String artist = r.artist() == null || r.artist().isBlank() ? null : r.artist().strip();
        boolean unique = titleCounts.getOrDefault(Texts.key(title), 0) == 1;
        switch (c) {
            case TYPO_TITLE -> {
                String typo = Noise.typo(title, rnd);
                return typo == null ? null : artist == null ? titleAlone(typo) : withArtist(typo, artist);
            }
            case TYPO_ARTIST -> {
                String typo = artist == null ? null : Noise.typo(artist, rnd);
                return typo == null ? null : withArtist(title, typo);
            }
            case SPLIT_JOIN -> {
                String changed = Noise.splitOrJoin(title, rnd);
                return changed == null ? null : artist == null ? titleAlone(changed) : withArtist(changed, artist);
            }
            case NAME_ORDER -> {
                String reordered = artist == null ? null : Noise.reorder(artist, rnd);
                return reordered == null ? null : withArtist(title, reordered);
            }
            case PUNCTUATION_ACCENTS -> {
                String t = Noise.plain(title);
                String a = artist == null ? null : Noise.plain(artist);
                if (t == null && a == null) {
                    return null;
                }
                t = t == null ? title : t;
                return artist == null ? titleAlone(t) : withArtist(t, a == null ? artist : a);
            }
            case CASE -> {
                String q = artist == null ? titleAlone(title) : withArtist(title, artist);
                return rnd.nextBoolean() ? q.toLowerCase(Locale.ROOT) : q.toUpperCase(Locale.ROOT);
            }
            case TITLE_ONLY -> {
                return unique ? titleAlone(title) : null;
            }
            case FEATURED_AS_OWNER -> {
                String featured = featured(r.text());
                return featured == null ? null : withArtist(title, featured);
            }
            case DESCRIPTIVE -> {
                String fragment = artist == null ? null : fragment(r);
                lastFragment = fragment;
                if (fragment == null) {
                    return null;
                }
                Integer year = years.get(r.id());
                String template = DESCRIBING[rnd.nextInt(DESCRIBING.length)];
                if (year == null && template.contains("%1$s")) {
                    template = DESCRIBING[0];
                }
                return String.format(Locale.ROOT, template, year, artist, fragment);
            }
            case ABSENT_NEAR_MISS -> {
                String changed = nearMiss(title);
                return changed == null ? null : artist != null && rnd.nextBoolean()
                        ? withArtist(changed, artist) : titleAlone(changed);
            }
            default -> {
                return null;
            }
        }
    }

    private String withArtist(String title, String artist) {
        return String.format(Locale.ROOT, WITH_ARTIST[rnd.nextInt(WITH_ARTIST.length)], title, artist);
    }

    private String titleAlone(String title) {
        return String.format(Locale.ROOT, TITLE_ALONE[rnd.nextInt(TITLE_ALONE.length)], title);
    }

    /** The featured artist the first sentence names after "featuring" (the capitalised run after any descriptor). */
    static String featured(String text) {
        if (text == null) {
            return null;
        }
        String first = SENTENCE_END.split(text, 2)[0];
        Matcher m = FEATURING.matcher(first);
        if (!m.find()) {
            return null;
        }
        String[] words = m.group(1).trim().split("\\s+");
        int start = 0;
        for (int i = 0; i < Math.min(words.length, 4); i++) {
            if (!words[i].isEmpty() && Character.isLowerCase(words[i].charAt(0))) {
                start = i + 1;
            }
        }
        List<String> name = new ArrayList<>();
        for (int i = start; i < words.length && name.size() < 4; i++) {
            String w = words[i];
            if (w.isEmpty() || !(Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0)))) {
                break;
            }
            if (w.endsWith(",")) {
                name.add(w.substring(0, w.length() - 1)); // the first name of a list: "featuring A B, C D" names A B
                break;
            }
            name.add(w);
        }
        return name.isEmpty() ? null : String.join(" ", name);
    }

    /**
     * Six words in a row from a sentence of the essay, none of them a word of the title or the artist's name, so
     * the question can only be answered from the essay's content.
     */
    private String fragment(CorpusRecord r) {
        if (r.text() == null) {
            return null;
        }
        Set<String> nameWords = new HashSet<>(List.of((Texts.key(r.title()) + " " + Texts.key(r.artist())).split(" ")));
        List<String> usable = new ArrayList<>();
        for (String paragraph : r.text().split("\n")) {
            for (String sentence : SENTENCE_END.split(paragraph)) {
                String[] words = sentence.strip().split("\\s+");
                if (words.length >= 8 && !sentence.contains("_")) {
                    usable.add(sentence.strip());
                }
            }
            if (usable.size() >= 6) {
                break;
            }
        }
        if (usable.isEmpty()) {
            return null;
        }
        Set<String> others = new HashSet<>();
        for (String id : recordsByArtist.getOrDefault(Texts.key(r.artist()), List.of())) {
            if (!id.equals(r.id())) {
                others.addAll(textWords.get(id));
            }
        }
        String[] words = usable.get(rnd.nextInt(usable.size())).split("\\s+");
        int from = rnd.nextInt(words.length - 6 + 1);
        for (int tries = 0; tries < words.length && unusable(words, from, nameWords, others); tries++) {
            from = (from + 1) % (words.length - 6 + 1); // six words in a row, no quotation mark, no name
        }
        if (unusable(words, from, nameWords, others)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + 6; i++) {
            sb.append(i > from ? " " : "").append(words[i]);
        }
        return sb.toString().replaceAll("[.,;:!?]+$", "");
    }

    /**
     * Whether six words from {@code from} cannot make a fair question: a quotation mark, a word of the name, table
     * markup, or fewer than two words of four letters or more that the artist's other articles lack (the question
     * names the artist, so only such words tell its song from theirs; "is a song written by" tells nothing).
     */
    private static boolean unusable(String[] words, int from, Set<String> nameWords, Set<String> artistsOtherWords) {
        int telling = 0;
        for (int i = from; i < from + 6; i++) {
            String key = Texts.key(words[i]);
            if (words[i].matches(".*[\"“”|=].*") || key.length() > 2 && nameWords.contains(key)) {
                return true;
            }
            telling += key.length() >= 4 && key.indexOf(' ') < 0 && !artistsOtherWords.contains(key) ? 1 : 0;
        }
        return telling < 2;
    }

    /** The title with one word of 3+ letters replaced by a word of another title; null when nothing fits. */
    private String nearMiss(String title) {
        String[] words = title.split(" ");
        List<Integer> replaceable = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 3 && words[i].chars().allMatch(Character::isLetter)) {
                replaceable.add(i);
            }
        }
        if (words.length < 2 || replaceable.isEmpty() || titleWords.isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            int i = replaceable.get(rnd.nextInt(replaceable.size()));
            String other = titleWords.get(rnd.nextInt(titleWords.size()));
            if (other.equalsIgnoreCase(words[i])) {
                continue;
            }
            String[] changed = words.clone();
            changed[i] = other;
            String result = String.join(" ", changed);
            if (!titleKeys.contains(Texts.key(result))) {
                return result;
            }
        }
        return null;
    }

    /** Title and artist of well-known songs, from the bundled list; those the corpus holds are skipped. */
    static List<String[]> wellKnownSongs() {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RobustnessSuite.class.getResourceAsStream("/eval/well-known-songs.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split("\t");
                if (parts.length == 2 && !line.startsWith("#")) {
                    out.add(parts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Writes {@code questions} as JSON Lines in the shared eval format, with the {@code noise} field. */
    public static void write(List<Generated> questions, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Generated g : questions) {
                EvalQuestion q = g.question();
                ObjectNode n = JSON.createObjectNode();
                n.put("id", q.id());
                n.put("kind", q.kind());
                n.put("query", q.query());
                n.put("expected_song_id", q.expectedSongId());
                n.put("evidence", q.evidence());
                n.putArray("answer_keywords");
                n.put("misattributed", q.misattributed());
                n.put("noise", g.noise().key());
                w.write(JSON.writeValueAsString(n));
                w.write('\n');
            }
        }
    }
}
