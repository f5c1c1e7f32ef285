package io.linernotes.retrieval;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import io.linernotes.files.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Embedder} that remembers every vector in a SQLite file, so rebuilding the index (after an
 * upgrade, a corrupt directory, an import) embeds only text it has never seen. The key is the SHA-256 of
 * the model id and the text, so a different model never reads another model's vectors.
 *
 * <p>{@link #computedCount()} counts the texts actually sent to the model: the proof that a restart
 * embedded nothing. Thread-safe; database access is serialised, model calls are not.
 */
public final class CachingEmbedder implements Embedder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CachingEmbedder.class);

    /** Texts sent to the model at once: big enough to keep the workers busy, small enough to commit often. */
    static final int BATCH = 64;
    /** Keys looked up per SELECT (SQLite's default host-parameter limit is well above this). */
    private static final int LOOKUP_BATCH = 500;

    private final Embedder delegate;
    private final Connection db;
    private final AtomicLong computed = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    private CachingEmbedder(Embedder delegate, Connection db) {
        this.delegate = delegate;
        this.db = db;
    }

    /** Opens (creating if needed) {@code <dataDir>/embeddings.sqlite} in front of {@code delegate}. */
    public static CachingEmbedder open(Embedder delegate, Path dataDir) {
        try {
            PrivateFiles.directory(dataDir);
            Path file = dataDir.resolve("embeddings.sqlite");
            PrivateFiles.file(file);
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("CREATE TABLE IF NOT EXISTS embedding ("
                        + "key BLOB PRIMARY KEY, model TEXT NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL)");
                // One probe vector per model identity: what a remote embedding server is checked against.
                st.execute("CREATE TABLE IF NOT EXISTS probe (model TEXT PRIMARY KEY, vector BLOB NOT NULL)");
            }
            return new CachingEmbedder(delegate, db);
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("could not open the embedding cache in " + dataDir, e);
        }
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        // Distinct texts only: the same paragraph twice in one call is embedded once.
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String text : texts) {
            keys.computeIfAbsent(text, this::key);
        }
        Map<String, float[]> found = lookup(keys);
        hits.addAndGet(found.size());
        List<String> misses = new ArrayList<>();
        for (String text : keys.keySet()) {
            if (!found.containsKey(text)) {
                misses.add(text);
            }
        }
        for (int from = 0; from < misses.size(); from += BATCH) {
            List<String> batch = misses.subList(from, Math.min(misses.size(), from + BATCH));
            List<float[]> vectors = delegate.embedAll(batch);
            computed.addAndGet(batch.size());
            Map<String, float[]> fresh = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                fresh.put(batch.get(i), vectors.get(i));
            }
            store(fresh, keys);
            found.putAll(fresh);
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(found.get(text));
        }
        return out;
    }

    /** Texts this cache has sent to the model since it was opened. */
    public long computedCount() {
        return computed.get();
    }

    /** Texts answered from the file since it was opened. */
    public long hitCount() {
        return hits.get();
    }

    /** The probe vector recorded for {@code modelId} (see {@link EmbeddingProbe}), if any. */
    public synchronized java.util.Optional<float[]> probe(String modelId) {
        try (PreparedStatement ps = db.prepareStatement("SELECT vector FROM probe WHERE model = ?")) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(decode(rs.getBytes(1))) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the probe vector of " + modelId, e);
        }
    }

    /** Records the probe vector of {@code modelId}, unless one is recorded already (the first one stands). */
    public synchronized void recordProbe(String modelId, float[] vector) {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR IGNORE INTO probe (model, vector) VALUES (?, ?)")) {
            ps.setString(1, modelId);
            ps.setBytes(2, encode(vector));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the probe vector of " + modelId, e);
        }
    }

    /** Vectors held in the file (all models). */
    public synchronized long storedCount() {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM embedding")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the embedding cache", e);
        }
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    private synchronized Map<String, float[]> lookup(Map<String, byte[]> keys) {
        Map<String, float[]> found = new HashMap<>();
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(keys.entrySet());
        for (int from = 0; from < entries.size(); from += LOOKUP_BATCH) {
            List<Map.Entry<String, byte[]>> part = entries.subList(from, Math.min(entries.size(), from + LOOKUP_BATCH));
            Map<String, String> textByHex = new HashMap<>();
            StringBuilder sql = new StringBuilder("SELECT key, vector FROM embedding WHERE dim = ? AND key IN (");
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "?" : ",?");
                textByHex.put(HexFormat.of().formatHex(part.get(i).getValue()), part.get(i).getKey());
            }
            sql.append(')');
            try (PreparedStatement ps = db.prepareStatement(sql.toString())) {
                ps.setInt(1, delegate.dimension());
                for (int i = 0; i < part.size(); i++) {
                    ps.setBytes(i + 2, part.get(i).getValue());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String text = textByHex.get(HexFormat.of().formatHex(rs.getBytes(1)));
                        found.put(text, decode(rs.getBytes(2)));
                    }
                }
            } catch (SQLException e) {
                // A broken cache must not stop indexing: treat it as a miss and embed again.
                log.warn("Embedding cache lookup failed; embedding {} texts afresh", part.size(), e);
            }
        }
        return found;
    }

    private synchronized void store(Map<String, float[]> vectors, Map<String, byte[]> keys) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT OR REPLACE INTO embedding (key, model, dim, vector) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    ps.setBytes(1, keys.get(e.getKey()));
                    ps.setString(2, delegate.modelId());
                    ps.setInt(3, e.getValue().length);
                    ps.setBytes(4, encode(e.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            log.warn("Could not store {} embeddings in the cache; they will be computed again next time",
                    vectors.size(), e);
            try {
                db.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException e) {
                log.warn("Could not reset auto-commit on the embedding cache", e);
            }
        }
    }

    private byte[] key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(delegate.modelId().getBytes(StandardCharsets.UTF_8));
            // A separator that cannot occur in a model id keeps ("ab","c") and ("a","bc") apart.
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buf = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(vector);
        return buf.array();
    }

    static float[] decode(byte[] blob) {
        float[] out = new float[blob.length / Float.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            log.warn("Closing the embedding cache failed", e);
        }
    }
}
