package io.linernotes.song;

import io.linernotes.core.Scope;
import io.linernotes.text.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The song catalogue as a Lucene index: one document per song, numbered as the catalogue orders its songs (added in
 * that order and merged into one segment in that order, so a document number is an ordinal). Its
 * fields hold what a user may type for a song:
 *
 * <ul>
 *   <li>{@value #TITLE}: the canonical words of every title form {@link SongProfile} knows (the stored title, its
 *       bracket-less and "&amp;"-less forms, titles the essays' openings quote), and those words run together
 *       (adjacent pairs, whole short titles) canonically and as typed, so a split or joined word meets its title;</li>
 *   <li>{@value #TITLE_SOUND}: the sound-alike form of each title word, for spellings by ear beyond a fuzzy
 *       query's two edits;</li>
 *   <li>{@value #TITLE_GRAMS}: the character trigrams of each title word of seven letters or more (with its edges
 *       marked), for long words typed with more edits than a fuzzy query reaches;</li>
 *   <li>{@value #ARTIST} and {@value #ARTIST_SOUND}: the words of the main and featured artists' names, order-free,
 *       and each name of several words run together ("tlc", "leonardcohen");</li>
 *   <li>{@value #NAMED}: the names the essays' openings write (a capital inside a sentence), each under the scope of
 *       its essay ({@code "<scope key> <word>"}), so what a server's essay teaches counts only for that server;</li>
 *   <li>{@value #SCOPE}: the scopes of the song's essays, which filter every search to the songs a reader may see;</li>
 *   <li>{@value #NORM}: one over the weight of the song's lightest title form (function words weigh less), the
 *       candidate search's length normalisation.</li>
 * </ul>
 *
 * Terms are folded by the project's one text module ({@link TextNormalizer}), as the matcher folds queries, so the
 * index and the matcher always agree on a word. Held in memory ({@link ByteBuffersDirectory}): it is derived from
 * the catalogue and rebuilt with it, and at 100,000 songs it is a few megabytes; a copy is kept on disk
 * ({@link SavedCatalogueIndex}) so that a start over an unchanged store reads it instead of building it.
 */
final class CatalogueIndex {

    private static final Logger log = LoggerFactory.getLogger(CatalogueIndex.class);

    static final String TITLE = "title";
    static final String TITLE_SOUND = "title_sound";
    static final String TITLE_GRAMS = "title_grams";
    static final String ARTIST = "artist";
    static final String ARTIST_SOUND = "artist_sound";
    static final String NAMED = "named";
    static final String SCOPE = "scope";
    static final String NORM = "norm";
    private static final String ORDINAL = "ordinal";
    private static final int[] NONE = new int[0];
    /**
     * Title words this long or longer get trigrams: the trigram search is for typed words of ten letters or more
     * carrying three edits, which are never shorter than seven (shorter words would only make the index larger).
     */
    static final int GRAM_WORD = 7;
    /** Documents made before they are handed to Lucene: enough to keep both cores busy, few enough to hold little. */
    private static final int DOCUMENTS_AT_ONCE = 4_096;

    /** Indexed, not tokenized (every value is one term already folded), no frequencies, positions or norms. */
    private static final FieldType TERM = new FieldType();

    static {
        TERM.setTokenized(false);
        TERM.setOmitNorms(true);
        TERM.setIndexOptions(IndexOptions.DOCS);
        TERM.freeze();
    }

    private final IndexSearcher searcher;
    /** The one segment (null for an empty catalogue), as the searcher's reader holds it. */
    private final LeafReaderContext segment;
    private final LeafReader leaf;

    private CatalogueIndex(IndexSearcher searcher, LeafReaderContext segment) {
        this.searcher = searcher;
        this.segment = segment;
        this.leaf = segment == null ? null : segment.reader();
    }

    /** An index of {@code profiles}, document {@code i} being {@code profiles.get(i)}, built in memory. */
    static CatalogueIndex of(List<SongProfile> profiles) {
        return of(profiles, null);
    }

    /**
     * The same, taken from {@code saved} when it holds the index of exactly these songs (a start over an unchanged
     * store), else built and then saved there for the next start. {@code saved} null: built, not kept.
     */
    static CatalogueIndex of(List<SongProfile> profiles, SavedCatalogueIndex saved) {
        if (saved == null) {
            return open(build(profiles), profiles.size());
        }
        String fingerprint = SavedCatalogueIndex.fingerprint(profiles);
        Optional<ByteBuffersDirectory> kept = saved.load(fingerprint);
        if (kept.isPresent()) {
            try {
                return open(kept.get(), profiles.size());
            } catch (RuntimeException e) {
                log.warn("The saved song catalogue index could not be used ({}); building it again", e.toString());
            }
        }
        ByteBuffersDirectory built = build(profiles);
        CatalogueIndex index = open(built, profiles.size());
        saved.save(fingerprint, built);
        return index;
    }

    private static ByteBuffersDirectory build(List<SongProfile> profiles) {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        // documents are added in catalogue order and merged only with their neighbours (a log merge policy), so a
        // document's number is its song's ordinal; sorting the index instead cost more than the rest of the build
        IndexWriterConfig cfg = new IndexWriterConfig()
                .setMergePolicy(new LogByteSizeMergePolicy())
                .setUseCompoundFile(false)
                .setRAMBufferSizeMB(32)
                .setCommitOnClose(true);
        // a document's terms are worked out on both cores, a part at a time (the documents of 100,000 songs at once
        // would take more heap than the catalogue itself); Lucene takes them in order from one
        try (IndexWriter writer = new IndexWriter(dir, cfg)) {
            for (int from = 0; from < profiles.size(); from += DOCUMENTS_AT_ONCE) {
                int to = Math.min(profiles.size(), from + DOCUMENTS_AT_ONCE);
                for (Document doc : java.util.stream.IntStream.range(from, to).parallel()
                        .mapToObj(i -> document(i, profiles.get(i))).toList()) {
                    writer.addDocument(doc);
                }
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the catalogue index", e);
        }
        return dir;
    }

    /** Opens an index of {@code size} songs, checking that it is one segment whose document numbers are ordinals. */
    private static CatalogueIndex open(ByteBuffersDirectory dir, int size) {
        try {
            DirectoryReader reader = DirectoryReader.open(dir);
            if (reader.leaves().size() > 1 || reader.maxDoc() != size) {
                throw new IllegalStateException("the catalogue index must be one segment of " + size + " songs, not "
                        + reader.maxDoc() + " in " + reader.leaves().size());
            }
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity(); // every file's checksum: a saved copy may have been damaged on disk
            }
            checkOrder(reader);
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null); // every query is new; a cache would only hold memory
            return new CatalogueIndex(searcher, reader.leaves().isEmpty() ? null : searcher.getIndexReader().leaves().get(0));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the catalogue index", e);
        }
    }

    /**
     * One song's document. What it reads of the profile is what {@link SavedCatalogueIndex#fingerprint} hashes:
     * a new input read here must be hashed there too, or a saved index would be taken for songs it does not match.
     */
    private static Document document(int ordinal, SongProfile p) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ORDINAL, ordinal));
        Set<String> words = new LinkedHashSet<>();
        double lightest = Double.MAX_VALUE;
        for (SongProfile.Variant v : p.titles()) {
            v.tokens().forEach(t -> words.add(Fuzzy.canon(t)));
            lightest = Math.min(lightest, v.weight());
        }
        Set<String> titleTerms = new LinkedHashSet<>(words);
        titleTerms.addAll(p.joinedTitleForms());
        Set<String> sounds = new LinkedHashSet<>();
        Set<String> grams = new LinkedHashSet<>();
        for (String w : words) {
            sounds.add(TextNormalizer.phonetic(w));
            if (w.length() >= GRAM_WORD) {
                grams.addAll(grams(w));
            }
        }
        add(doc, TITLE, titleTerms);
        add(doc, TITLE_SOUND, sounds);
        add(doc, TITLE_GRAMS, grams);
        Set<String> artist = new LinkedHashSet<>();
        List<List<String>> names = new ArrayList<>(p.primaryNames());
        names.addAll(p.featuredNames());
        for (List<String> name : names) {
            artist.addAll(name);
            if (name.size() > 1) {
                artist.add(String.join("", name));
                artist.add("the" + String.join("", name)); // the credit's article is dropped from the name, not by users
            }
        }
        Set<String> artistSounds = new LinkedHashSet<>();
        artist.forEach(a -> artistSounds.add(TextNormalizer.phonetic(Fuzzy.canon(a))));
        add(doc, ARTIST, artist);
        add(doc, ARTIST_SOUND, artistSounds);
        Set<String> named = new LinkedHashSet<>();
        // the names were read from each opening when its essay was stored (OpeningFacts), not at this build
        p.leads().forEach((scope, facts) -> {
            if (!facts.capitalised().isEmpty()) {
                for (String w : facts.capitalised().split(" ")) {
                    named.add(scope.key() + " " + w);
                }
            }
        });
        add(doc, NAMED, named);
        Set<String> scopes = new LinkedHashSet<>();
        p.scopes().forEach(s -> scopes.add(s.key()));
        add(doc, SCOPE, scopes);
        doc.add(new FloatDocValuesField(NORM, (float) (1.0 / Math.max(1.0, lightest))));
        return doc;
    }

    /** Every document number must be its song's ordinal: candidates are read back by number. */
    private static void checkOrder(DirectoryReader reader) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues ordinals = leaf.reader().getNumericDocValues(ORDINAL);
            for (int d = ordinals.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = ordinals.nextDoc()) {
                if (ordinals.longValue() != leaf.docBase + d) {
                    throw new IllegalStateException("catalogue index out of order at document " + (leaf.docBase + d));
                }
            }
        }
    }

    private static void add(Document doc, String field, Set<String> terms) {
        for (String t : terms) {
            if (!t.isEmpty()) {
                doc.add(new Field(field, t, TERM));
            }
        }
    }

    /** The character trigrams of {@code word} with its edges marked ("^ru", "run", …, "ay$"). */
    static List<String> grams(String word) {
        String padded = "^" + word + "$";
        List<String> out = new ArrayList<>(Math.max(0, padded.length() - 2));
        for (int i = 0; i + 3 <= padded.length(); i++) {
            out.add(padded.substring(i, i + 3));
        }
        return out;
    }

    /** In how many songs {@code term} is a term of {@code field}. */
    int docFreq(String field, String term) {
        if (leaf == null) {
            return 0;
        }
        try {
            return leaf.docFreq(new Term(field, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ordinals of the songs with {@code term} in {@code field}, ascending. */
    int[] postings(String field, String term) {
        if (leaf == null) {
            return NONE;
        }
        try {
            PostingsEnum pe = leaf.postings(new Term(field, term), PostingsEnum.NONE);
            return pe == null ? NONE : drain(pe, leaf.docFreq(new Term(field, term)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ordinals of the songs with a term of {@code field} starting with {@code prefix}, ascending, reading at
     * most {@code maxTerms} terms (alphabetically first): bounds the work for a one-letter prefix.
     */
    int[] withPrefix(String field, String prefix, int maxTerms) {
        Terms terms = terms(field);
        if (terms == null) {
            return NONE;
        }
        try {
            TermsEnum te = terms.iterator();
            BytesRef start = new BytesRef(prefix);
            if (te.seekCeil(start) == TermsEnum.SeekStatus.END) {
                return NONE;
            }
            Set<Integer> out = new java.util.TreeSet<>();
            PostingsEnum pe = null;
            int read = 0;
            for (BytesRef t = te.term(); t != null && read < maxTerms && startsWith(t, start); t = te.next(), read++) {
                pe = te.postings(pe, PostingsEnum.NONE);
                for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                    out.add(d);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Terms of {@code field} that {@link Fuzzy#tokenSim} accepts as spellings of {@code probe} (its canonical
     * spelling and number twin included), each with that similarity. A Lucene fuzzy automaton (Damerau edits)
     * enumerates the term dictionary, and the matcher's own similarity keeps or drops each term, so the index
     * proposes what the matcher would accept. The automaton reaches as many edits as the longer of two words may
     * carry (at most {@code maxEdits}; Lucene's automata stop at two): a two-edit automaton costs about 1.5 ms to
     * build against 0.1 ms for one edit, so callers ask for two only where a word may carry them.
     */
    Map<String, Double> near(String field, String probe, int maxEdits) {
        Map<String, Double> out = new HashMap<>();
        Terms terms = terms(field);
        if (terms == null) {
            return out;
        }
        String c = Fuzzy.canon(probe);
        String twin = Fuzzy.numberTwin(probe);
        for (String exact : new String[] {c, twin == null ? null : Fuzzy.canon(twin)}) {
            if (exact != null && docFreq(field, exact) > 0) {
                out.put(exact, Fuzzy.tokenSim(probe, exact));
            }
        }
        // a longer word may carry one edit more than the typed one: reach as far as the longer one allows
        int edits = Math.min(Math.min(2, maxEdits), Fuzzy.allowedEdits(c.length() + 1));
        if (edits == 0 || c.length() < 3) {
            return out;
        }
        try {
            TermsEnum te = FuzzyQuery.getFuzzyAutomaton(c, edits, 0, true).getTermsEnum(terms);
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                String w = t.utf8ToString();
                if (!out.containsKey(w) && Fuzzy.tokenSim(c, w) > 0) {
                    out.put(w, Fuzzy.tokenSim(probe, w));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The ordinals of the songs {@code query} matches, ascending (no scores). */
    int[] matching(Query query) {
        if (leaf == null) {
            return NONE;
        }
        try {
            Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            Scorer s = w.scorer(segment);
            return s == null ? NONE : drain(s.iterator(), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best {@code limit} songs for {@code query}, best first; equal scores in catalogue order. */
    ScoreDoc[] top(Query query, int limit) {
        if (leaf == null || limit <= 0) {
            return new ScoreDoc[0];
        }
        try {
            return searcher.search(query, limit).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the songs a reader in {@code reader}'s scope may see. */
    static Query visibleTo(Scope reader) {
        List<BytesRef> keys = new ArrayList<>(2);
        keys.add(new BytesRef(Scope.GLOBAL.key()));
        if (!reader.isGlobal()) {
            keys.add(new BytesRef(reader.key()));
        }
        return new TermInSetQuery(SCOPE, keys);
    }

    /** The {@value #NAMED} terms under which {@code word} is a name for {@code reader}. */
    static List<BytesRef> namedFor(String word, Scope reader) {
        List<BytesRef> out = new ArrayList<>(2);
        out.add(new BytesRef(Scope.GLOBAL.key() + " " + word));
        if (!reader.isGlobal()) {
            out.add(new BytesRef(reader.key() + " " + word));
        }
        return out;
    }

    private Terms terms(String field) {
        try {
            return leaf == null ? null : leaf.terms(field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(BytesRef term, BytesRef prefix) {
        if (term.length < prefix.length) {
            return false;
        }
        return Arrays.equals(term.bytes, term.offset, term.offset + prefix.length,
                prefix.bytes, prefix.offset, prefix.offset + prefix.length);
    }

    private static int[] drain(DocIdSetIterator it, int expected) throws IOException {
        int[] out = new int[Math.max(4, expected)];
        int n = 0;
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = d;
        }
        return Arrays.copyOf(out, n);
    }
}
