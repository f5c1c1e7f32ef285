package io.linernotes.text;

import java.util.Set;

/**
 * The word lists of the project, in one place, each named for its one job: which words say little about which
 * song is meant (for weighing title words), which frame a question about a song, which join a title to its
 * artist, which introduce a featured artist, which carry no content of a question for the song inference, for
 * the passage search and for the extractive answerer. The song matcher, the answer service, the passage ranker,
 * the extractive answerer and the essay reader all read them from here.
 *
 * <p>Why several "stop" lists and not one: each is read by a different scorer with its own input. The song
 * matcher's lists hold folded words of a question ("whats", "abt"); {@link #SEARCH_QUESTION} is applied inside
 * the passage analyzer, before stemming, and is kept small because only questions lose it (the index keeps every
 * word); {@link #SONG_QUESTION_SHAPE} is applied after that analyzer, to stemmed terms; {@link #SENTENCE_SCORING}
 * is applied to the passages' sentences as well as to the question, so it also drops the verbs and adverbs that
 * would make every sentence match ("get", "like", "really"). Each is tuned to the figures of its scorer; merging
 * them changes which passage or sentence wins.
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

    /** Folded words that introduce a featured artist in a question or a credit ("feat." folds to "feat"). */
    public static final Set<String> FEATURING = Set.of("feat", "featuring", "ft", "featured");

    /**
     * Folded words that introduce a featured artist in an essay's prose: {@link #FEATURING} and "features"
     * ("the song features Tomo Reyes"), which in a question rather asks which song features someone.
     */
    public static final Set<String> FEATURING_IN_PROSE = union(FEATURING, Set.of("features"));

    /**
     * The same markers as written, lower-cased but not folded, for reading running text word by word: the
     * abbreviations only with their dot, because "feat" and "ft" are words of their own ("a rare feat", "six ft").
     */
    public static final Set<String> FEATURING_AS_WRITTEN = Set.of("featuring", "feat.", "ft.");

    /** First words of a question that describes a song rather than names it ("which single …", "who sang …"). */
    public static final Set<String> DESCRIBING = Set.of("which", "who", "whose", "when", "where", "why", "how");

    /** Words that may stand between a title and its artist typed without "by" ("X and Y", "X with Y", "X the Y"). */
    public static final Set<String> JOINING = Set.of("by", "from", "feat", "featuring", "ft", "with", "x", "vs", "the", "and");

    /** Words that say what kind of question it is, not what it is about (dropped from a question's content words). */
    public static final Set<String> BOILERPLATE = Set.of(
            "a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "could", "did", "do", "does", "explain",
            "for", "from", "he", "her", "his", "how", "i", "in", "is", "it", "its", "it's", "lyric", "lyrics", "me",
            "mean", "meaning", "means", "meant", "of", "on", "or", "said", "say", "says", "she", "so", "song", "tell",
            "that", "the", "their", "them", "they", "this", "to", "track", "was", "were", "what", "what's", "whats",
            "when", "where", "which", "who", "why", "with", "you", "your", "s", "t");

    /**
     * Words dropped from a question before the lexical (BM25) search over passages: English function words (the
     * 33 of Lucene's English stop set, written out so that an upgrade of Lucene does not move the ranking) and
     * the words that give a question its form. In "which part deals with losing a parent?" the words "which" and
     * "with" match nearly every passage, and in a fusion even weak lexical matches push aside what the vectors
     * found. Never dropped from the index or from phrase queries: a quoted line of little words ("let it be")
     * must stay findable.
     */
    public static final Set<String> SEARCH_QUESTION = Set.of(
            // Lucene's English stop set
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
            "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to",
            "was", "will", "with",
            // the form of a question
            "what", "which", "who", "whom", "whose", "why", "how", "when", "where", "were", "been", "do", "does",
            "did", "can", "could", "would", "should", "about", "from", "has", "have", "had", "i", "me", "my", "you",
            "your", "he", "him", "his", "she", "her", "its", "we", "our", "them", "mean", "meaning", "tell",
            "explain");

    /**
     * Terms, as the passage analyzer leaves them (lower case, stemmed), that say a question is about a song
     * without saying what about it ("what's the song saying", "lyrics meaning"). What a question asks of a song
     * it has already named is what is left without these and without {@link #SEARCH_QUESTION}.
     */
    public static final Set<String> SONG_QUESTION_SHAPE = Set.of("song", "songs", "track", "tune", "lyric", "lyrics",
            "say", "saying", "says", "mean", "means", "meant", "meaning", "whats", "about", "it");

    /**
     * Words the extractive answerer does not count when it matches a question's terms against the sentences of
     * the passages (lower case, apostrophes kept, before its light stemming): a broad English stop list and the
     * words every question about a song carries ("mean", "line", "refers"). Sentences lose them too, hence the
     * verbs and adverbs that would otherwise make every sentence match.
     */
    public static final Set<String> SENTENCE_SCORING = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "than", "so", "as", "of", "at", "by", "for", "with",
            "about", "against", "between", "into", "through", "during", "before", "after", "above", "below", "to",
            "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "once", "here",
            "there", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor",
            "not", "only", "own", "same", "too", "very", "can", "will", "just", "should", "now", "is", "are",
            "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing",
            "i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they",
            "them", "their", "this", "that", "these", "those", "am", "what", "which", "who", "whom", "whose",
            "why", "how", "when", "where", "would", "could", "may", "might", "must", "shall", "also", "really",
            "actually", "mean", "means", "meaning", "meant", "song", "songs", "track", "lyric", "lyrics", "line",
            "lines", "say", "says", "said", "tell", "explain", "refer", "refers", "reference", "talk", "talking",
            "please", "like", "get", "got", "it's", "i'm", "don't", "that's", "what's");

    private StopWords() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
