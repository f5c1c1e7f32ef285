package io.linernotes.retrieval;

import org.apache.lucene.analysis.Analyzer;
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
 * what the vector side is for. No stop words are removed: BM25's IDF already makes "the" nearly free, and
 * a quoted line made of little words ("let it be") must still be findable as a phrase.
 */
public final class PassageAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
