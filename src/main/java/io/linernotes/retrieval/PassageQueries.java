package io.linernotes.retrieval;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene queries of {@link LuceneIndex} from plain user text. User text never goes through a
 * query parser: a question full of quotes, colons or parentheses is words, not syntax.
 */
final class PassageQueries {

    private final QueryBuilder questions = new QueryBuilder(PassageAnalyzer.forQuestions());
    private final QueryBuilder phrases = new QueryBuilder(PassageAnalyzer.forText());

    /** Any analysed term of {@code text}, BM25-ranked, within {@code filter}; null when no term remains. */
    Query lexical(String text, PassageFilter filter) {
        Query terms = questions.createBooleanQuery(PassageFields.TEXT, text, BooleanClause.Occur.SHOULD);
        return terms == null ? null : within(terms, filter);
    }

    /** The terms of {@code line} adjacent and in order; null when no term remains. */
    Query phrase(String line, PassageFilter filter) {
        Query phrase = phrases.createPhraseQuery(PassageFields.TEXT, line, 0);
        return phrase == null ? null : within(phrase, filter);
    }

    /** The filter alone: scope always, songs when given. */
    Query filter(PassageFilter filter) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<BytesRef> scopes = new ArrayList<>();
        scopes.add(new BytesRef("global"));
        if (!filter.reader().isGlobal()) {
            scopes.add(new BytesRef(filter.reader().key()));
        }
        b.add(new TermInSetQuery(PassageFields.SCOPE, scopes), BooleanClause.Occur.FILTER);
        if (!filter.songIds().isEmpty()) {
            List<BytesRef> songs = new ArrayList<>();
            for (Long id : filter.songIds()) {
                songs.add(new BytesRef(Long.toString(id)));
            }
            b.add(new TermInSetQuery(PassageFields.SONG_ID, songs), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private Query within(Query query, PassageFilter filter) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(filter(filter), BooleanClause.Occur.FILTER)
                .build();
    }
}
