package io.linernotes.retrieval;

import io.linernotes.text.StopWords;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How passage text and questions are cut into terms, for BM25 and for phrase (quoted lyric) search.
 *
 * <p>Standard tokenizer → English possessive ("Kanye’s" → "kanye", curly or straight apostrophe) →
 * lower case → ASCII folding ("Beyoncé" = "Beyonce", curly quotes = straight) → KStem.
 *
 * <p>Why KStem and not Porter (EnglishAnalyzer's): KStem only undoes inflection ("lines" → "line",
 * "romantic" stays "romantic"), so stems stay words and unrelated words are not merged; Porter's harder
 * cuts ("university" = "universe") cost precision in short song essays, and recall of looser matches is
 * what the vector side is for. The index keeps every word, so that a quoted line made of little words
 * ("let it be") is still findable as a phrase; only questions drop their question words.
 */
public final class PassageAnalyzer extends Analyzer {

    /**
     * Words that carry the form of a question, not its subject ({@link StopWords#SEARCH_QUESTION}). Dropped from
     * BM25 questions only, never from the index or from phrases.
     */
    static final CharArraySet QUESTION_WORDS = CharArraySet.unmodifiableSet(
            new CharArraySet(StopWords.SEARCH_QUESTION, false));

    private final boolean forQuestions;

    private PassageAnalyzer(boolean forQuestions) {
        this.forQuestions = forQuestions;
    }

    /** For indexing passages and for phrase queries: every word counts. */
    public static PassageAnalyzer forText() {
        return new PassageAnalyzer(false);
    }

    /** For BM25 questions: the same terms, minus {@link #QUESTION_WORDS}. */
    public static PassageAnalyzer forQuestions() {
        return new PassageAnalyzer(true);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (forQuestions) {
            stream = new StopFilter(stream, QUESTION_WORDS);
        }
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
