package io.linernotes.model;

import io.linernotes.core.Song;
import io.linernotes.retrieval.QuestionRemainder;
import io.linernotes.retrieval.RetrievedPassage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores every sentence of the retrieved passages against a question: the question's content terms found
 * in the sentence, each weighted by how rare it is among these sentences (so "Ichabod" outweighs "love"),
 * names the asker capitalised weighted up, adjacent question terms found adjacent ("Ichabod Crane") weighted
 * up again, and the whole scaled down by the passage's rank. The song's own names are taken out of the
 * question first ({@link QuestionRemainder}, typos forgiven) and any word of them left is weighted down: every
 * passage is about that song, so they say nothing about which sentence answers. The sentence after one that
 * matches, in the same paragraph, inherits a share of its match: essays quote or name what they discuss and
 * say what they make of it in the next sentence, which is what "what does that line mean" asks for. When
 * the question asks what the song means, sentences that speak of meaning ("is about", "inspired by") gain a
 * little; sentences that are really track listings lose most of their score.
 */
final class SentenceScorer {

    /** One sentence of one passage; {@code passage} is the 0-based index in the request ([passage + 1]). */
    record Scored(int passage, int position, String text, int words, double score) {
    }

    private static final double NAME_BOOST = 1.5;
    private static final double PHRASE_BONUS = 0.75;
    private static final double RANK_DECAY = 0.3;
    /** Share of a sentence's match with the question that the next sentence of its paragraph inherits. */
    private static final double FOLLOW_SHARE = 0.6;
    private static final double SONG_NAME_WEIGHT = 0.2;
    /**
     * Words that mark a sentence about what a song means ("the song is about", "inspired by", "depicts").
     * When the question asks for the meaning, such sentences beat chart positions and release dates.
     */
    private static final Pattern MEANING_CUE = Pattern.compile("\\b(about|inspir\\w*|describ\\w*|detail\\w*|"
            + "depict\\w*|portray\\w*|portrait|explor\\w*|cent(?:er|re)s? (?:on|around)|theme\\w*|lyric\\w*|"
            + "tells?|story|tale|ode|mean\\w*|refer\\w*|message|metaphor\\w*|symboli\\w*|protest\\w*|"
            + "critici\\w*|celebrat\\w*|reflect\\w*|deals? with|express\\w*|address\\w*|evok\\w*|"
            + "narrat\\w*|dedicat\\w*|tribute|written (?:for|after)|sings? (?:of|to))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEANING_QUESTION = Pattern.compile(
            "\\b(about|mean\\w*|saying|says?|lyric\\w*|theme\\w*|message|story|inspir\\w*)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final double CUE_WEIGHT = 0.8;
    private static final int MAX_CUES = 2;
    /** Track listings and chart tables split into "sentences" full of numbers; they answer nothing. */
    private static final Pattern LISTING = Pattern.compile("\\b\\d+[:.]\\d*\\b|\\s[–-]\\s");
    private static final double LISTING_DAMP = 0.3;

    private SentenceScorer() {
    }

    static List<Scored> score(String question, Song song, List<RetrievedPassage> passages) {
        List<List<String>> texts = new ArrayList<>();
        List<List<Integer>> paragraphs = new ArrayList<>();
        List<List<List<String>>> terms = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        int sentenceCount = 0;
        for (RetrievedPassage rp : passages) {
            List<String> sentences = new ArrayList<>();
            List<Integer> paragraphOf = new ArrayList<>();
            List<List<String>> sentenceTerms = new ArrayList<>();
            List<List<String>> byParagraph = Sentences.paragraphs(rp.passage().text());
            for (int para = 0; para < byParagraph.size(); para++) {
                for (String s : byParagraph.get(para)) {
                    List<String> t = Terms.of(s);
                    sentences.add(s);
                    paragraphOf.add(para);
                    sentenceTerms.add(t);
                    new HashSet<>(t).forEach(term -> df.merge(term, 1, Integer::sum));
                    sentenceCount++;
                }
            }
            texts.add(sentences);
            paragraphs.add(paragraphOf);
            terms.add(sentenceTerms);
        }

        // What is asked once the song's names are out (with the typos the resolver forgives): every passage is
        // about the song, so a sentence that repeats its title answers nothing by that alone.
        String asked = remainder(question, song);
        List<String> questionTerms = Terms.of(asked);
        Set<String> names = Terms.names(asked);
        Set<String> songWords = new HashSet<>();
        if (song != null) {
            songWords.addAll(Terms.of(song.title() + " " + song.artist() + " " + String.join(" ", song.featured())));
        }
        boolean asksMeaning = question != null && MEANING_QUESTION.matcher(question).find();
        Map<String, Double> weight = new HashMap<>();
        for (String t : questionTerms) {
            Integer n = df.get(t);
            if (n != null) {
                double idf = Math.log(1.0 + (double) sentenceCount / n);
                double w = names.contains(t) ? idf * NAME_BOOST : idf;
                weight.put(t, songWords.contains(t) ? w * SONG_NAME_WEIGHT : w);
            }
        }

        List<Scored> scored = new ArrayList<>();
        for (int p = 0; p < texts.size(); p++) {
            double rankWeight = 1.0 / (1.0 + RANK_DECAY * p);
            double previousMatch = 0;
            for (int i = 0; i < texts.get(p).size(); i++) {
                String text = texts.get(p).get(i);
                List<String> sentenceTerms = terms.get(p).get(i);
                double match = termScore(sentenceTerms, weight) + phraseScore(questionTerms, sentenceTerms, weight);
                boolean sameParagraph = i > 0 && paragraphs.get(p).get(i).equals(paragraphs.get(p).get(i - 1));
                // An essay names or quotes what it discusses, then says what it makes of it: the sentence after
                // the one that matches the question carries a share of that match.
                double raw = match + (sameParagraph ? FOLLOW_SHARE * previousMatch : 0);
                previousMatch = match;
                if (asksMeaning) {
                    raw += CUE_WEIGHT * Math.min(MAX_CUES, count(MEANING_CUE, text));
                }
                int words = Sentences.words(text);
                if (count(LISTING, text) > Math.max(2, words / 10)) {
                    raw *= LISTING_DAMP;
                }
                // Long sentences match more terms by sheer size; damp that gently past 30 words.
                double lengthDamp = 1.0 + 0.02 * Math.max(0, words - 30);
                scored.add(new Scored(p, i, text, words, raw * rankWeight / lengthDamp));
            }
        }
        return scored;
    }

    /** {@code question} without the words that name {@code song} (all of it when no song is known). */
    static String remainder(String question, Song song) {
        String q = question == null ? "" : question;
        if (song == null) {
            return q;
        }
        List<String> songNames = new ArrayList<>();
        songNames.add(song.title());
        songNames.add(song.artist());
        songNames.addAll(song.featured());
        return QuestionRemainder.of(q, songNames);
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        Set<String> distinct = new HashSet<>();
        int n = 0;
        while (m.find()) {
            if (distinct.add(m.group().toLowerCase(java.util.Locale.ROOT))) {
                n++;
            }
        }
        return n;
    }

    private static double termScore(List<String> sentenceTerms, Map<String, Double> weight) {
        double sum = 0;
        for (String t : new HashSet<>(sentenceTerms)) {
            sum += weight.getOrDefault(t, 0.0);
        }
        return sum;
    }

    private static double phraseScore(List<String> questionTerms, List<String> sentenceTerms,
            Map<String, Double> weight) {
        Set<String> sentencePairs = new HashSet<>();
        for (int i = 0; i + 1 < sentenceTerms.size(); i++) {
            sentencePairs.add(sentenceTerms.get(i) + " " + sentenceTerms.get(i + 1));
        }
        double bonus = 0;
        for (int i = 0; i + 1 < questionTerms.size(); i++) {
            String a = questionTerms.get(i);
            String b = questionTerms.get(i + 1);
            if (sentencePairs.contains(a + " " + b)) {
                bonus += PHRASE_BONUS * (weight.getOrDefault(a, 0.0) + weight.getOrDefault(b, 0.0));
            }
        }
        return bonus;
    }
}
