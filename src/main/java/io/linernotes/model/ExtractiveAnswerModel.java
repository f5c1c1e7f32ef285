package io.linernotes.model;

import io.linernotes.core.Song;
import io.linernotes.model.SentenceScorer.Scored;
import io.linernotes.retrieval.RetrievedPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Answers with no language model: opens with a sentence naming the song (see {@link LeadSentence}), then
 * quotes the passage sentences that best answer the question (see {@link SentenceScorer}) as block quotes, one
 * line per passage, each followed by its citation [n]. When the relevant passages come from several essays
 * on the same song, each author's reading is shown under their name. The only words it adds are the opening
 * sentence and short connectives; everything else is quoted from the passages, without quotation marks of
 * its own (a passage's own quotes never end up nested in ours).
 */
public final class ExtractiveAnswerModel implements AnswerModel {

    static final int MIN_WORDS = 60;
    static final int MAX_WORDS = 120;
    /** A sentence counts as an answer when it scores at least this share of the best one. */
    private static final double RELEVANT_SHARE = 0.25;
    /** A second essay counts as a reading of its own only if its best sentence is this close to the best. */
    private static final double READING_SHARE = 0.3;
    private static final int MAX_READINGS = 3;
    private static final int MIN_SENTENCE_WORDS = 3;

    static final String NOTHING = "The stored essays have nothing that answers this.";
    static final String OFF_TOPIC = "The stored essays don't speak to that directly. What they do say:";
    static final String READINGS = "The essays read it differently.";
    /** Markdown block quote, which Discord draws as a bar beside the text and a terminal shows as is. */
    static final String QUOTE = "> ";

    @Override
    public Generated generate(GenerationRequest request, Consumer<String> partial) {
        return new Generated(io.linernotes.text.Mentions.defuse(answer(request.question(), request.song(), request.passages())), name(),
                false);
    }

    @Override
    public String name() {
        return "extractive";
    }

    /**
     * The extractive answer to {@code question} from {@code passages} ([1] is the first); {@code song} (may be
     * null) only tells which words of the question merely name the song, and is named in the opening sentence.
     * The quoted sentences follow as block quotes, one line per passage, each ending with its citation.
     */
    public String answer(String question, Song song, List<RetrievedPassage> passages) {
        String lead = song == null ? "" : LeadSentence.of(song, question);
        String body = quoted(question, song, passages);
        if (lead.isEmpty()) {
            return body;
        }
        return body.startsWith(QUOTE) ? lead + "\n\n" + body : lead + " " + body;
    }

    private static String quoted(String question, Song song, List<RetrievedPassage> passages) {
        List<Scored> sentences = new ArrayList<>();
        for (Scored s : SentenceScorer.score(question, song, passages)) {
            if (s.words() >= MIN_SENTENCE_WORDS) {
                sentences.add(s);
            }
        }
        if (sentences.isEmpty()) {
            return NOTHING;
        }
        double top = sentences.stream().mapToDouble(Scored::score).max().orElse(0);
        if (top <= 0) {
            String lead = compose(leadSentences(sentences));
            return Terms.of(question == null ? "" : question).isEmpty() ? lead : OFF_TOPIC + "\n\n" + lead;
        }
        List<Long> readings = readings(sentences, passages, top);
        if (readings.size() >= 2) {
            return sideBySide(readings, sentences, passages, top);
        }
        return compose(bestSentences(sentences, top));
    }

    /** Essays (best first) that each hold a sentence nearly as good as the best, all on one song. */
    private static List<Long> readings(List<Scored> sentences, List<RetrievedPassage> passages, double top) {
        Map<Long, Double> bestByEssay = new LinkedHashMap<>();
        Map<Long, Long> songByEssay = new LinkedHashMap<>();
        for (Scored s : sentences) {
            if (s.score() >= READING_SHARE * top) {
                RetrievedPassage rp = passages.get(s.passage());
                bestByEssay.merge(rp.passage().essayId(), s.score(), Math::max);
                songByEssay.put(rp.passage().essayId(), rp.passage().songId());
            }
        }
        if (songByEssay.values().stream().distinct().count() != 1) {
            return List.of();
        }
        return bestByEssay.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
                .limit(MAX_READINGS)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Each essay's reading under its author's name, once: "As Mara Quill reads it:" then her quoted passages.
     * Two essays by one author (or credited alike) are one reading.
     */
    private static String sideBySide(List<Long> essays, List<Scored> sentences, List<RetrievedPassage> passages,
            double top) {
        Map<String, List<Long>> byCredit = new LinkedHashMap<>();
        for (long essayId : essays) {
            String credit = passages.stream().filter(p -> p.passage().essayId() == essayId).findFirst()
                    .map(p -> p.essay().credit()).orElse("unknown");
            byCredit.computeIfAbsent(credit, k -> new ArrayList<>()).add(essayId);
        }
        if (byCredit.size() < 2) {
            return compose(bestSentences(sentences, top));
        }
        int budget = MAX_WORDS / byCredit.size();
        StringBuilder sb = new StringBuilder(READINGS);
        for (Map.Entry<String, List<Long>> reading : byCredit.entrySet()) {
            List<Scored> own = sentences.stream()
                    .filter(s -> reading.getValue().contains(passages.get(s.passage()).passage().essayId()))
                    .toList();
            List<Scored> relevant = own.stream().filter(s -> s.score() >= RELEVANT_SHARE * top).toList();
            List<Scored> picked = widen(pick(relevant, budget), own, budget / 2, budget);
            sb.append("\n\nAs ").append(oneLine(reading.getKey())).append(" reads it:\n").append(compose(picked));
        }
        return sb.toString();
    }

    private static List<Scored> bestSentences(List<Scored> sentences, double top) {
        List<Scored> relevant = sentences.stream().filter(s -> s.score() >= RELEVANT_SHARE * top).toList();
        List<Scored> picked = pick(relevant, MAX_WORDS);
        return widen(picked, sentences, MIN_WORDS, MAX_WORDS);
    }

    /**
     * Too short to read well: adds the sentences next to the chosen ones (which usually carry their context,
     * such as the reading that follows a quoted line) until {@code min} words, never past {@code max}.
     */
    private static List<Scored> widen(List<Scored> chosen, List<Scored> pool, int min, int max) {
        List<Scored> picked = new ArrayList<>(chosen);
        int words = picked.stream().mapToInt(Scored::words).sum();
        boolean grew = true;
        while (words < min && grew) {
            grew = false;
            for (Scored s : pool) {
                if (!picked.contains(s) && isNextTo(s, picked) && words + s.words() <= max) {
                    picked.add(s);
                    words += s.words();
                    grew = true;
                    break;
                }
            }
        }
        return picked;
    }

    private static boolean isNextTo(Scored candidate, List<Scored> picked) {
        for (Scored p : picked) {
            if (p.passage() == candidate.passage() && Math.abs(p.position() - candidate.position()) == 1) {
                return true;
            }
        }
        return false;
    }

    /** With nothing matching the question: the opening sentences of the best passages. */
    private static List<Scored> leadSentences(List<Scored> sentences) {
        List<Scored> inOrder = new ArrayList<>(sentences);
        inOrder.sort(Comparator.comparingInt(Scored::passage).thenComparingInt(Scored::position));
        List<Scored> picked = new ArrayList<>();
        int words = 0;
        for (Scored s : inOrder) {
            if (words >= MIN_WORDS || (!picked.isEmpty() && words + s.words() > MAX_WORDS)) {
                break;
            }
            picked.add(s);
            words += s.words();
        }
        return picked;
    }

    /** Best first, within the word budget; the first sentence is always taken (cut if it alone is too long). */
    private static List<Scored> pick(List<Scored> candidates, int budget) {
        List<Scored> byScore = new ArrayList<>(candidates);
        byScore.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Scored> picked = new ArrayList<>();
        int words = 0;
        for (Scored s : byScore) {
            if (picked.isEmpty() && s.words() > budget) {
                picked.add(new Scored(s.passage(), s.position(), cut(s.text(), budget), budget, s.score()));
                break;
            }
            if (words + s.words() <= budget) {
                picked.add(s);
                words += s.words();
            }
        }
        return picked;
    }

    /** Groups ordered by their best sentence; sentences in passage order within a group; one citation each. */
    private static String compose(List<Scored> picked) {
        Map<Integer, List<Scored>> groups = groupByPassage(picked);
        List<Map.Entry<Integer, List<Scored>>> ordered = new ArrayList<>(groups.entrySet());
        ordered.sort(Comparator.comparingDouble(
                (Map.Entry<Integer, List<Scored>> e) -> e.getValue().stream().mapToDouble(Scored::score).max().orElse(0))
                .reversed().thenComparing(Map.Entry::getKey));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Integer, List<Scored>> e : ordered) {
            // A blank line between passages: each is its own block quote, so where one ends is plain to see.
            sb.append(sb.length() == 0 ? "" : "\n\n").append(QUOTE).append(oneLine(join(e.getValue())))
                    .append(" [").append(e.getKey() + 1).append(']');
        }
        return sb.toString();
    }

    private static Map<Integer, List<Scored>> groupByPassage(List<Scored> picked) {
        Map<Integer, List<Scored>> groups = new TreeMap<>();
        for (Scored s : picked) {
            groups.computeIfAbsent(s.passage(), k -> new ArrayList<>()).add(s);
        }
        groups.values().forEach(g -> g.sort(Comparator.comparingInt(Scored::position)));
        return groups;
    }

    private static String join(List<Scored> group) {
        StringBuilder sb = new StringBuilder();
        for (Scored s : group) {
            sb.append(sb.length() == 0 ? "" : " ").append(s.text());
        }
        return sb.toString();
    }

    /** A block quote is one line: line breaks inside a passage (a heading before its paragraph) become spaces. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String cut(String text, int words) {
        String[] parts = text.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(parts, Math.min(words, parts.length))) + " …";
    }
}
