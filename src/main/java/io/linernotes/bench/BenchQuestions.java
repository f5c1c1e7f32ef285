package io.linernotes.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Questions over a {@link SyntheticCorpus} of the four kinds the eval knows, each with what a right answer
 * finds: {@code resolve} names a song (sometimes with a typo), {@code content} describes one by words of a
 * sentence of its essay without naming it, {@code line} names a song and quotes a few words from the middle
 * of its essay, {@code absent} names a song the corpus does not have. Content and line questions can only be
 * answered by searching passages, so they pay for embedding the question.
 */
public final class BenchQuestions {

    public static final List<String> KINDS = List.of("resolve", "content", "line", "absent");

    /** One question; {@code expectedId} is null for absent ones, {@code evidence} the sentence (found once in the corpus) the answering passage holds. */
    public record Question(String kind, String text, String expectedId, String evidence) {
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    /**
     * Words of four letters or more a generated content question leaves out, because the synthetic essays use
     * them everywhere. This list shapes the benchmark's questions, so it stays here and apart from the lists in
     * text.StopWords: those are tuned for what the engine weighs, and a benchmark whose questions moved whenever
     * the engine's lists were tuned would no longer measure the same thing from one run to the next.
     */
    private static final Set<String> PLAIN = Set.of("about", "after", "also", "been", "before", "from", "have", "into",
            "more", "most", "only", "over", "song", "than", "that", "their", "them", "then", "there", "these", "they",
            "this", "were", "what", "when", "where", "which", "while", "with", "would", "released", "single");

    private BenchQuestions() {
    }

    /** {@code perKind} questions of each kind, deterministic for a given random. */
    public static List<Question> generate(List<SyntheticCorpus.Record> records, int perKind, Random random) {
        Map<String, Integer> sentenceCounts = new HashMap<>();
        Set<String> titles = new HashSet<>();
        Map<String, Integer> titleCounts = new HashMap<>();
        for (SyntheticCorpus.Record r : records) {
            titles.add(r.title().toLowerCase(Locale.ROOT));
            titleCounts.merge(r.title().toLowerCase(Locale.ROOT), 1, Integer::sum);
            for (String p : r.paragraphs()) {
                for (String s : SENTENCE_END.split(p)) {
                    sentenceCounts.merge(s, 1, Integer::sum);
                }
            }
        }
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            out.add(resolve(records.get(random.nextInt(records.size())), titleCounts, random));
        }
        for (int made = 0, guard = 0; made < perKind && guard < perKind * 50; guard++) {
            Question q = content(records.get(random.nextInt(records.size())), sentenceCounts, random);
            if (q != null) {
                out.add(q);
                made++;
            }
        }
        for (int made = 0, guard = 0; made < perKind && guard < perKind * 50; guard++) {
            Question q = line(records.get(random.nextInt(records.size())), sentenceCounts, random);
            if (q != null) {
                out.add(q);
                made++;
            }
        }
        List<String> artists = records.stream().map(SyntheticCorpus.Record::artist).distinct().toList();
        for (int made = 0, guard = 0; made < perKind && guard < perKind * 50; guard++) {
            // Words of two catalogue titles put together: a plausible title the catalogue does not have.
            String[] a = records.get(random.nextInt(records.size())).title().split(" ");
            String[] b = records.get(random.nextInt(records.size())).title().split(" ");
            String title = a[0] + " " + b[b.length - 1].replaceAll("[()]", "");
            if (titles.contains(title.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String artist = artists.get(random.nextInt(artists.size()));
            out.add(new Question("absent", random.nextBoolean() ? "What is " + title + " by " + artist + " about?"
                    : "what does " + title + " by " + artist + " mean", null, null));
            made++;
        }
        return out;
    }

    private static Question resolve(SyntheticCorpus.Record r, Map<String, Integer> titleCounts, Random random) {
        String title = random.nextInt(10) < 3 ? typo(r.title(), random) : r.title();
        boolean shared = titleCounts.get(r.title().toLowerCase(Locale.ROOT)) > 1;
        String text = switch (shared ? random.nextInt(2) : random.nextInt(4)) {
            case 0 -> "What is " + title + " by " + r.artist() + " about?";
            case 1 -> title.toLowerCase(Locale.ROOT) + " " + r.artist().toLowerCase(Locale.ROOT) + " meaning";
            case 2 -> "what does " + title + " mean";
            default -> "What's the song " + title + " about?";
        };
        return new Question("resolve", text, r.id(), null);
    }

    private static Question content(SyntheticCorpus.Record r, Map<String, Integer> counts, Random random) {
        String sentence = uniqueSentence(r, counts, random);
        if (sentence == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        // A content question describes the song; it must not name it, even by a word of a one-word title.
        Set<String> titleWords = new java.util.HashSet<>(java.util.Arrays.asList(r.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        for (String w : sentence.split("\\s+")) {
            String bare = w.replaceAll("[^\\p{L}\\p{N}'-]", "");
            String lower = bare.toLowerCase(Locale.ROOT);
            if (bare.length() >= 4 && !PLAIN.contains(lower) && !titleWords.contains(lower) && words.size() < 7) {
                words.add(bare);
            }
        }
        if (words.size() < 4) {
            return null;
        }
        String about = String.join(" ", words);
        String text = random.nextBoolean() ? "Which " + r.artist() + " song mentions " + about + "?"
                : "Which song talks about " + about + "?";
        return new Question("content", text, r.id(), sentence);
    }

    private static Question line(SyntheticCorpus.Record r, Map<String, Integer> counts, Random random) {
        String sentence = uniqueSentence(r, counts, random);
        if (sentence == null) {
            return null;
        }
        String[] words = sentence.split("\\s+");
        int length = 5 + random.nextInt(3);
        int from = random.nextInt(Math.max(1, words.length - length));
        String quoted = String.join(" ", List.of(words).subList(from, Math.min(words.length, from + length)))
                .replaceAll("[\"“”]", "");
        String text = random.nextBoolean()
                ? "In " + r.artist() + "'s '" + r.title() + "', what does the line '" + quoted + "' refer to?"
                : "What is meant by '" + quoted + "' in " + r.title() + " by " + r.artist() + "?";
        return new Question("line", text, r.id(), sentence);
    }

    /** A sentence of 10 or more words from a paragraph after the first, found once in the whole corpus. */
    private static String uniqueSentence(SyntheticCorpus.Record r, Map<String, Integer> counts, Random random) {
        if (r.paragraphs().size() < 2) {
            return null;
        }
        String paragraph = r.paragraphs().get(1 + random.nextInt(r.paragraphs().size() - 1));
        List<String> candidates = new ArrayList<>();
        for (String s : SENTENCE_END.split(paragraph)) {
            if (s.split("\\s+").length >= 10 && counts.getOrDefault(s, 0) == 1) {
                candidates.add(s);
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /** Two neighbouring letters of the longest word swapped: the commonest typo. */
    static String typo(String title, Random random) {
        String[] words = title.split(" ");
        int longest = 0;
        for (int i = 1; i < words.length; i++) {
            if (words[i].length() > words[longest].length()) {
                longest = i;
            }
        }
        String w = words[longest];
        if (w.length() < 5) {
            return title;
        }
        int at = 1 + random.nextInt(w.length() - 3);
        words[longest] = w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2);
        return String.join(" ", words);
    }
}
