package io.linernotes.answer;

import io.linernotes.text.Folding;
import io.linernotes.text.StopWords;
import io.linernotes.text.TypedText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what a user typed: cleaning it, the words that carry its content, quoted lines, its shape. */
final class Questions {

    /** Longest question passed on (longer ones are cut there). */
    static final int MAX_CHARS = TypedText.QUESTION_MAX_CHARS;

    private static final Pattern QUOTED = Pattern.compile("[\"“”‘’']([^\"“”]{8,}?)[\"“”’']");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private static final Set<String> BOILERPLATE = StopWords.BOILERPLATE;

    /** "X by Y meaning", "what does X mean", "what is X about": a question that names a song and nothing more. */
    private static final List<Pattern> NAMES_A_SONG = List.of(
            Pattern.compile("^(what'?s|what is|what does|whats)\\b.{1,80}\\b(about|mean|meaning)\\??$"),
            Pattern.compile("^.{1,80}\\b(song meaning|lyrics meaning|meaning|what does it mean|what is it about|what'?s it about)\\??$"),
            Pattern.compile("^.{1,60}\\bby\\b.{1,60}$"),
            Pattern.compile("^(meaning of|explain|tell me about)\\b.{1,80}$"));

    /** A question about a part of a song ("the Ichabod Crane line") asks about content, not a title. */
    private static final Pattern PART_OF_A_SONG = Pattern.compile(
            "\\b(line|lines|verse|verses|hook|chorus|bridge|outro|intro|refrain|couplet|bars)\\b");

    private static final Pattern ASKS = Pattern.compile("\\b(which|who|whose|when|where|why|how|what|whats|what's)\\b");

    /** "Which song was recorded by …?", "who wrote …": a question that describes a song rather than names it. */
    private static final Pattern DESCRIBES = Pattern.compile(
            "^(in which|in what|" + String.join("|", new java.util.TreeSet<>(StopWords.DESCRIBING)) + ")\\b");

    private Questions() {
    }

    /** What was typed, cleaned as every door cleans it ({@link TypedText#clean}), and cut to the length cap. */
    static String clean(String text) {
        String s = TypedText.clean(text);
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s;
    }

    /** Lower-cased words of the question that carry its content (boilerplate removed), in order, distinct. */
    static List<String> contentWords(String question) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(fold(question));
        while (m.find()) {
            String w = m.group();
            if (!BOILERPLATE.contains(w)) {
                words.add(w);
            }
        }
        return new ArrayList<>(words);
    }

    /** Lines the user put in quotes, e.g. a lyric: {@code what does "never was much of a romantic" mean}. */
    static List<String> quotedLines(String question) {
        List<String> lines = new ArrayList<>();
        Matcher m = QUOTED.matcher(question);
        while (m.find()) {
            String line = m.group(1).trim();
            if (line.split("\\s+").length >= 3) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Whether the question is only a song's name wrapped in question words ("paper sky what does it mean",
     * "Quiet Town by The Lanterns meaning"): when no such song is known, the honest answer is that there is no
     * commentary, not a passage about some other song that shares a word.
     */
    static boolean onlyNamesASong(String question) {
        String q = fold(question).replaceAll("[?!.]+$", "").trim();
        if (q.split("\\s+").length > 14 || PART_OF_A_SONG.matcher(q).find() || DESCRIBES.matcher(q).find()) {
            return false;
        }
        for (Pattern p : NAMES_A_SONG) {
            if (p.matcher(q).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the question is about a part of a song (a line, verse, chorus…) rather than the whole. */
    static boolean asksAboutAPart(String question) {
        return PART_OF_A_SONG.matcher(fold(question)).find();
    }

    /**
     * Whether the text asks something (a question word anywhere, or a question mark) rather than only typing a
     * name ("Jun Marlow - Seven Rivers"): only questions may be answered from passages that match them.
     */
    static boolean asksSomething(String question) {
        String q = fold(question);
        return q.contains("?") || ASKS.matcher(q).find();
    }

    /** Whether a question leans on an earlier turn ("and Pusha T's verse?", "what about the second verse"). */
    static boolean looksLikeFollowUp(String question) {
        String q = fold(question);
        return q.startsWith("and ") || q.startsWith("what about") || q.startsWith("how about")
                || q.matches(".*\\b(that song|this song|the song|that track|the track|it|its|the (first|second|third|last) verse|the (hook|chorus|bridge|outro|intro))\\b.*");
    }

    static String fold(String text) {
        return Folding.accentsAndCase(text);
    }
}
