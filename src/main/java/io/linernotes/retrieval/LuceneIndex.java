package io.linernotes.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import java.util.LinkedHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk Lucene index of passages ({@code <dataDir>/index}): BM25 over the analysed text, HNSW over
 * the passage vectors (when the layout has a model), and phrase search for quoted lines. It is derived
 * data: {@link IndexMaintainer} rebuilds it from the essay store whenever it cannot be trusted.
 *
 * <p>One {@link IndexWriter} lives as long as this object; searches go through a near-real-time
 * {@link SearcherManager} refreshed at each {@link #commit}, so a query never reopens a reader and sees a
 * write as soon as it is committed.
 */
public final class LuceneIndex implements AutoCloseable {

    /** Passages read to find a song's openings: far more than any song's essays hold. */
    private static final int OPENINGS_SCAN = 2_000;

    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

    /** What {@link #open} found on disk. */
    public enum Found { EXISTING, MISSING, UNREADABLE }

    private static final String COUNTER_KEY = "linernotes.changeCounter";
    private static final String MODEL_KEY = "linernotes.embeddingModel";
    private static final String LAYOUT_KEY = "linernotes.layout";
    private static final String CHANGE_ID_KEY = "linernotes.changeId";
    private static final String CHANGE_AT_KEY = "linernotes.changeAt";

    /**
     * The last entry of the store's change log an index has applied: its id, and when it was made (epoch millis),
     * which tells that entry apart from another store's entry of the same id (a restored or replaced store).
     */
    public record AppliedChange(long id, long atMillis) {
        public static final AppliedChange NONE = new AppliedChange(0, 0);
    }

    private final Path path;
    private final IndexLayout layout;
    private final Found found;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PassageQueries queries;
    private volatile Map<String, String> committedData;

    private LuceneIndex(Path path, IndexLayout layout, Found found, Directory directory, IndexWriter writer,
            Map<String, String> committedData) throws IOException {
        this.path = path;
        this.layout = layout;
        this.found = found;
        this.directory = directory;
        this.writer = writer;
        this.committedData = committedData;
        this.searchers = new SearcherManager(writer, null);
        this.queries = new PassageQueries();
    }

    /**
     * Opens the index in {@code dir}, creating it when missing. An index that cannot be read (a corrupt or
     * truncated file, a format from another Lucene) is wiped and recreated empty: {@link #found()} then says
     * {@link Found#UNREADABLE} and the caller rebuilds it from the store.
     */
    public static LuceneIndex open(Path dir, IndexLayout layout) {
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            Found found = Found.MISSING;
            Map<String, String> data = Map.of();
            if (DirectoryReader.indexExists(directory)) {
                try {
                    data = readCheckedCommit(directory);
                    found = Found.EXISTING;
                } catch (IOException | RuntimeException e) {
                    log.warn("Search index in {} is unreadable ({}); it will be recreated", dir, e.toString());
                    found = Found.UNREADABLE;
                }
            }
            IndexWriterConfig config = new IndexWriterConfig(PassageAnalyzer.forText());
            config.setOpenMode(found == Found.EXISTING
                    ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                    : IndexWriterConfig.OpenMode.CREATE);
            if (found == Found.UNREADABLE) {
                // CREATE would still trip over a damaged file it tries to read or replace; start clean.
                for (String file : directory.listAll()) {
                    if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                        directory.deleteFile(file);
                    }
                }
            }
            IndexWriter writer = new IndexWriter(directory, config);
            return new LuceneIndex(dir, layout, found, directory, writer, data);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the search index in " + dir, e);
        }
    }

    /** Opens every segment (headers, footers, field infos) so a damaged index fails here, not at query time. */
    private static Map<String, String> readCheckedCommit(Directory directory) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            StoredFields stored = reader.storedFields();
            if (reader.maxDoc() > 0) {
                stored.document(0);
            }
            return Map.copyOf(SegmentInfos.readLatestCommit(directory).getUserData());
        }
    }

    public Found found() {
        return found;
    }

    public IndexLayout layout() {
        return layout;
    }

    /** The store change counter the last commit was made at; empty if nothing was ever committed. */
    public OptionalLong indexedChangeCounter() {
        String value = committedData.get(COUNTER_KEY);
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    /** The change-log entry the last commit had applied; empty if never committed with one. */
    public Optional<AppliedChange> indexedChange() {
        String id = committedData.get(CHANGE_ID_KEY);
        String at = committedData.get(CHANGE_AT_KEY);
        return id == null || at == null ? Optional.empty()
                : Optional.of(new AppliedChange(Long.parseLong(id), Long.parseLong(at)));
    }

    /** The embedding model of the last commit ("none" when it had no vectors); empty if never committed. */
    public Optional<String> indexedModelId() {
        return Optional.ofNullable(committedData.get(MODEL_KEY));
    }

    /** The layout signature of the last commit; empty if never committed. */
    public Optional<String> indexedLayout() {
        return Optional.ofNullable(committedData.get(LAYOUT_KEY));
    }

    /**
     * Replaces every passage of essay {@code essayId} with {@code passages} (atomically for searchers).
     * {@code vectors} holds one vector per passage when the layout has vectors, and is ignored otherwise.
     */
    public void replaceEssay(long essayId, List<Passage> passages, List<float[]> vectors) {
        if (layout.vectors() && (vectors == null || vectors.size() != passages.size())) {
            throw new IllegalArgumentException("one vector per passage is required");
        }
        List<Document> docs = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            if (p.essayId() != essayId) {
                throw new IllegalArgumentException("passage " + p.id() + " is not of essay " + essayId);
            }
            docs.add(PassageFields.document(p, layout.vectors() ? vectors.get(i) : null));
        }
        try {
            writer.updateDocuments(new Term(PassageFields.ESSAY_ID, Long.toString(essayId)), docs);
        } catch (IOException e) {
            throw new UncheckedIOException("could not index essay " + essayId, e);
        }
    }

    public void removeEssay(long essayId) {
        try {
            writer.deleteDocuments(new Term(PassageFields.ESSAY_ID, Long.toString(essayId)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove essay " + essayId + " from the index", e);
        }
    }

    /** Drops every passage (uncommitted until {@link #commit}): the first step of a rebuild. */
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear the search index", e);
        }
    }

    /**
     * Makes pending changes durable, records {@code changeCounter} and the layout, and refreshes searchers; the
     * change-log entry recorded before stays.
     */
    public synchronized void commit(long changeCounter) {
        commit(changeCounter, indexedChange().orElse(null));
    }

    /** As {@link #commit(long)}, recording {@code applied} as the last change-log entry the index holds. */
    public synchronized void commit(long changeCounter, AppliedChange applied) {
        Map<String, String> data = new HashMap<>();
        data.put(COUNTER_KEY, Long.toString(changeCounter));
        if (applied != null) {
            data.put(CHANGE_ID_KEY, Long.toString(applied.id()));
            data.put(CHANGE_AT_KEY, Long.toString(applied.atMillis()));
        }
        data.put(MODEL_KEY, layout.vectors() ? layout.modelId() : "none");
        data.put(LAYOUT_KEY, layout.signature());
        try {
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            committedData = Map.copyOf(data);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("could not commit the search index", e);
        }
    }

    /** BM25 over the passage text: the best {@code n} passages matching any term of {@code text}. */
    public List<ScoredPassage> searchText(String text, PassageFilter filter, int n) {
        return run(queries.lexical(text, filter), n);
    }

    /** The {@code n} passages whose vectors are nearest {@code vector} (approximate, HNSW). */
    public List<ScoredPassage> searchVector(float[] vector, PassageFilter filter, int n) {
        if (!layout.vectors()) {
            return List.of();
        }
        return run(new KnnFloatVectorQuery(PassageFields.VECTOR, vector, n, queries.filter(filter)), n);
    }

    /** Passages containing {@code line} as a phrase (case, accents and quote styles folded). */
    public List<ScoredPassage> searchPhrase(String line, PassageFilter filter, int n) {
        return run(queries.phrase(line, filter), n);
    }

    /**
     * The passages that pass {@code filter}, in reading order: every essay's first passage, then every
     * second one, and so on (at most {@code n}). An essay states its reading first, so these answer "what
     * does it mean" when the question shares no word with the essays.
     */
    public List<ScoredPassage> openings(PassageFilter filter, int n) {
        List<ScoredPassage> all = new ArrayList<>(run(queries.filter(filter), OPENINGS_SCAN));
        all.sort(java.util.Comparator.comparingInt((ScoredPassage s) -> s.passage().position())
                .thenComparingLong(s -> s.passage().essayId()));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    /**
     * Every passage that passes {@code filter} (at most a few thousand: meant for one song's passages),
     * in no particular order.
     */
    public List<ScoredPassage> passages(PassageFilter filter) {
        return run(queries.filter(filter), OPENINGS_SCAN);
    }

    /**
     * The inverse document frequency of each already analysed term (as {@link PassageAnalyzer} makes them),
     * over every passage of the index.
     */
    public Map<String, Double> termRarity(java.util.Collection<String> terms) {
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                int docs = Math.max(1, reader.numDocs());
                for (String term : terms) {
                    int df = reader.docFreq(new Term(PassageFields.TEXT, term));
                    out.put(term, Math.log(1 + (docs - df + 0.5) / (df + 0.5)));
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * How rare each word is among the passages (BM25's inverse document frequency, 0 for a word the analyzer
     * drops): a passage that shares a question's rare words is far better evidence than one sharing common ones.
     */
    public Map<String, Double> rarity(List<String> words) {
        Map<String, Double> out = new LinkedHashMap<>();
        try (Analyzer analyzer = PassageAnalyzer.forText()) {
            IndexSearcher searcher = searchers.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                int docs = Math.max(1, reader.numDocs());
                for (String word : words) {
                    double weight = 0;
                    try (TokenStream ts = analyzer.tokenStream(PassageFields.TEXT, word)) {
                        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                        ts.reset();
                        if (ts.incrementToken()) {
                            int df = reader.docFreq(new Term(PassageFields.TEXT, term.toString()));
                            weight = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
                        }
                        ts.end();
                    }
                    out.put(word, weight);
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Live passages in the searchable (last refreshed) view. */
    public int passageCount() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ids of the essays with at least one live passage in the searchable view: read-only, for
     * consistency checks against the store (a full scan of one stored field, fine for a check).
     */
    public SortedSet<Long> essayIds() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                SortedSet<Long> ids = new TreeSet<>();
                IndexReader reader = searcher.getIndexReader();
                StoredFields stored = reader.storedFields();
                Bits live = MultiBits.getLiveDocs(reader);
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        ids.add(PassageFields.passage(stored.document(doc)).essayId());
                    }
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the index occupies on disk. */
    public long sizeOnDisk() {
        try (Stream<Path> files = Files.list(path)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ScoredPassage> run(Query query, int n) {
        if (query == null || n <= 0) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ScoreDoc[] hits = searcher.search(query, n).scoreDocs;
                StoredFields stored = searcher.storedFields();
                List<ScoredPassage> out = new ArrayList<>(hits.length);
                for (ScoreDoc hit : hits) {
                    out.add(new ScoredPassage(PassageFields.passage(stored.document(hit.doc)), hit.score));
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            // Uncommitted changes are dropped on purpose: the commit data must match what the index holds.
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            log.warn("Closing the search index in {} failed", path, e);
        }
    }
}
