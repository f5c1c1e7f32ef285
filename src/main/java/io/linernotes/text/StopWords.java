package io.linernotes.text;

import java.util.Set;

/**
 * The word lists of the project, in one place: which words say little about which song is meant (for weighing
 * title words), which frame a question about a song, which join a title to its artist, and which carry no
 * content of a question. Each list has one job; the song matcher and the answer service read them from here.
 * (The passage ranker and the extractive answerer still keep lists of their own.)
 */
public final class StopWords {

    /** Function words: they carry little of a title's identity and weigh less when titles are compared. */
    public static final Set<String> FUNCTION = Set.of(
            "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "is", "it", "i", "you",
            "me", "my", "your", "we", "us", "our", "he", "she", "his", "her", "they", "them", "this", "that",
            "be", "was", "are", "am", "do", "with", "by", "from", "as", "so", "no", "not", "all", "just", "oh",
            "im", "its", "if", "up", "de", "di", "da", "la", "le", "el", "il", "e", "un", "una", "en", "y", "o",
            "du", "des", "les", "lo", "u", "r", "n", "re");

    /** Words that frame a question about a song ("what … mean", "the story behind …") rather than name one. */
    public static final Set<String> QUESTION_FRAME = Set.of(
            "what", "whats", "why", "how", "which", "where", "when", "wat", "wut", "meaning", "meanings", "mean",
            "means", "meant", "about", "abt", "lyrics", "lyric", "lyrical", "song", "songs", "track", "tune", "single",
            "saying", "inspired", "inspiration", "behind", "story", "explain", "explanation", "explained",
            "interpretation", "interpret", "analysis", "does", "did", "tell", "please", "pls", "plz", "is", "was",
            "deal", "message", "theme", "themes", "based", "written", "really", "anyone", "know", "think",
            "can", "could", "help", "talking", "refer", "reference", "refers", "line", "lines", "verse", "chorus",
            "title", "name", "called", "get", "understand", "happening", "describe", "describes");

    /** Words that join a title to its artist or carry no name themselves ("by", "feat", "the", "me"…). */
    public static final Set<String> FILLER = Set.of(
            "by", "from", "feat", "featuring", "ft", "with", "x", "vs", "the", "a", "an", "of", "in", "on", "to",
            "it", "its", "this", "that", "me", "i", "do", "be", "are", "and", "s", "some", "one", "off");

    /** Words that introduce a featured artist. */
    public static final Set<String> FEATURING = Set.of("feat", "featuring", "ft", "featured");

    /** Words that may stand between a title and its artist typed without "by" ("X and Y", "X with Y", "X the Y"). */
    public static final Set<String> JOINING = Set.of("by", "from", "feat", "featuring", "ft", "with", "x", "vs", "the", "and");

    /** Words that say what kind of question it is, not what it is about (dropped from a question's content words). */
    public static final Set<String> BOILERPLATE = Set.of(
            "a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "could", "did", "do", "does", "explain",
            "for", "from", "he", "her", "his", "how", "i", "in", "is", "it", "its", "it's", "lyric", "lyrics", "me",
            "mean", "meaning", "means", "meant", "of", "on", "or", "said", "say", "says", "she", "so", "song", "tell",
            "that", "the", "their", "them", "they", "this", "to", "track", "was", "were", "what", "what's", "whats",
            "when", "where", "which", "who", "why", "with", "you", "your", "s", "t");

    private StopWords() {
    }
}
