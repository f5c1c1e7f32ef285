package io.linernotes.model;

import io.linernotes.core.Song;
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
 * up again, and the whole scaled down by the passage's rank. Words of the song's own title and artist are
 * weighted down: every passage is about that song, so they say nothing about which sentence answers. When
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
        List<List<List<String>>> terms = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        int sentenceCount = 0;
        for (RetrievedPassage rp : passages) {
            List<String> sentences = Sentences.split(rp.passage().text());
            List<List<String>> sentenceTerms = new ArrayList<>();
            for (String s : sentences) {
                List<String> t = Terms.of(s);
                sentenceTerms.add(t);
                new HashSet<>(t).forEach(term -> df.merge(term, 1, Integer::sum));
                sentenceCount++;
            }
            texts.add(sentences);
            terms.add(sentenceTerms);
        }

        List<String> questionTerms = Terms.of(question == null ? "" : question);
        Set<String> names = Terms.names(question == null ? "" : question);
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
            for (int i = 0; i < texts.get(p).size(); i++) {
                String text = texts.get(p).get(i);
                List<String> sentenceTerms = terms.get(p).get(i);
                double raw = termScore(sentenceTerms, weight) + phraseScore(questionTerms, sentenceTerms, weight);
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
