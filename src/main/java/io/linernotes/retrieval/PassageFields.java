package io.linernotes.retrieval;

import io.linernotes.core.Scope;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The Lucene document of a passage. Ids are exact-match string terms (essay id for delete-by-term on
 * re-index, song id and scope key for filters); position and revision are only stored; the text is
 * analysed and stored; the vector, when present, is indexed for HNSW with cosine similarity.
 */
final class PassageFields {

    static final String PASSAGE_ID = "passage_id";
    static final String ESSAY_ID = "essay_id";
    static final String SONG_ID = "song_id";
    static final String SCOPE = "scope";
    static final String POSITION = "position";
    static final String REVISION = "revision";
    static final String TEXT = "text";
    static final String VECTOR = "vector";

    private PassageFields() {
    }

    static Document document(Passage p, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(PASSAGE_ID, p.id(), Field.Store.YES));
        doc.add(new StringField(ESSAY_ID, Long.toString(p.essayId()), Field.Store.YES));
        doc.add(new StringField(SONG_ID, Long.toString(p.songId()), Field.Store.YES));
        doc.add(new StringField(SCOPE, p.scope().key(), Field.Store.YES));
        doc.add(new StoredField(POSITION, p.position()));
        doc.add(new StoredField(REVISION, p.revision()));
        doc.add(new TextField(TEXT, p.text(), Field.Store.YES));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        }
        return doc;
    }

    static Passage passage(Document doc) {
        return new Passage(
                Long.parseLong(doc.get(ESSAY_ID)),
                doc.getField(REVISION).numericValue().intValue(),
                Long.parseLong(doc.get(SONG_ID)),
                Scope.fromKey(doc.get(SCOPE)),
                doc.getField(POSITION).numericValue().intValue(),
                doc.get(TEXT));
    }
}
