package io.linernotes.essay;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.song.OpeningFacts;
import io.linernotes.store.Database;
import io.linernotes.store.StoreException;
import io.linernotes.store.Transaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The essay store on a {@link Database}: SQLite (one file, the default) or PostgreSQL, with the same SQL. Each
 * write is one transaction that either happens whole or not at all, and logs the essays it changed in the store's
 * change log (which also moves the change counter) in that same transaction.
 *
 * <p>Owners: an essay belongs to the scope it was added in, and only that scope may edit, remove or
 * restore it ({@link Scope#GLOBAL} is the console and may touch global essays only).
 * {@link #get} and the lists show live essays; removed ones keep their history and can be restored.
 */
public final class SqlEssayStore implements EssayStore {

    private static final Logger log = LoggerFactory.getLogger(SqlEssayStore.class);
    /** Essays whose openings are derived per transaction when the store's derived data is brought up to date. */
    private static final int OPENING_PAGE = 2_000;

    private final Database db;
    private final boolean ownsDatabase;

    private SqlEssayStore(Database db, boolean ownsDatabase) {
        this.db = db;
        this.ownsDatabase = ownsDatabase;
    }

    /** The essay store on {@code db}, which the caller keeps and closes. */
    public static SqlEssayStore on(Database db) {
        return new SqlEssayStore(db, false);
    }

    /** The essay store on {@code db}; closing the store closes it. */
    public static SqlEssayStore owning(Database db) {
        return new SqlEssayStore(db, true);
    }

    /** Opens (creating if needed) a SQLite store in {@code dbFile}, brought up to date; closing the store closes it. */
    public static SqlEssayStore open(Path dbFile) {
        try {
            return new SqlEssayStore(Database.sqlite(dbFile), true);
        } catch (EssayStoreException e) {
            throw e;
        } catch (StoreException e) {
            throw new EssayStoreException("cannot open the essay database " + dbFile + ": " + e.getMessage(), e);
        }
    }

    /** The database under this store (the answer cache and feedback share it). */
    public Database database() {
        return db;
    }

    private <T> T write(String what, Database.Write<T> work) {
        try {
            return db.write(what, tx -> {
                tx.serializeEssayWrites();
                T result = work.run(tx);
                // The catalogue's data derived from the openings follows every essay the write logged, in its transaction.
                OpeningRows.follow(tx.connection(), tx.changedEssays());
                return result;
            });
        } catch (EssayStoreException e) {
            throw e;
        } catch (StoreException e) {
            throw new EssayStoreException(e.getMessage(), e);
        }
    }

    private <T> T read(Database.Read<T> work) {
        try {
            return db.read(work);
        } catch (EssayStoreException e) {
            throw e;
        } catch (StoreException e) {
            throw new EssayStoreException(e.getMessage(), e);
        }
    }

    @Override
    public Saved add(EssayDraft draft, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        EssayDraft clean = StoredDraft.of(draft);
        return write("add", tx -> addOne(tx, clean, scope, "add"));
    }

    /**
     * Adds every draft in one transaction: if one fails, none is stored. Drafts already stored in
     * {@code scope} come back with {@code unchanged = true}, as with {@link #add}.
     */
    public List<Saved> addAll(List<EssayDraft> drafts, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        List<EssayDraft> copy = List.copyOf(drafts);
        return write("addAll", tx -> {
            List<Saved> saved = new ArrayList<>(copy.size());
            for (EssayDraft draft : copy) {
                // A draft that cannot be stored throws here, inside the transaction: the rollback undoes the
                // drafts before it too.
                saved.add(addOne(tx, StoredDraft.of(draft), scope, "import"));
            }
            log.info("Stored {} essays in {} ({} already there)", saved.size(), scope,
                    saved.stream().filter(Saved::unchanged).count());
            return saved;
        });
    }

    /**
     * Adds {@code drafts} as {@link #addAll} does, in the same transaction as claiming {@code key}, and only if no
     * one claimed it before: something done once per store (the demo essays), however many processes start on it.
     * Empty when the key was already claimed.
     */
    public Optional<List<Saved>> addAllOnce(String key, List<EssayDraft> drafts, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        List<EssayDraft> copy = List.copyOf(drafts);
        return write("addAllOnce", tx -> {
            try (PreparedStatement claim = tx.connection().prepareStatement(
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")) {
                claim.setString(1, key);
                claim.setLong(2, tx.now());
                if (claim.executeUpdate() == 0) {
                    return Optional.<List<Saved>>empty();
                }
            }
            List<Saved> saved = new ArrayList<>(copy.size());
            for (EssayDraft draft : copy) {
                saved.add(addOne(tx, StoredDraft.of(draft), scope, "import"));
            }
            return Optional.of(saved);
        });
    }

    private static Saved addOne(Transaction tx, EssayDraft draft, Scope scope, String action) throws SQLException {
        Connection connection = tx.connection();
        long now = tx.now();
        SongCatalogue.Adopted song = SongCatalogue.songFor(connection, draft, scope, false);
        long songId = song.songId();
        if (song.detailsChanged()) {
            songmatesChanged(tx, songId);
        }
        Optional<Long> existing = EssayRows.findLive(connection, songId, scope, EssayRows.hash(draft.body()));
        if (existing.isPresent()) {
            return new Saved(EssayRows.load(connection, existing.get()), true);
        }
        long id = EssayRows.insert(connection, songId, scope, draft, now);
        EssayRows.addRevision(connection, id, 1, draft, now, "add");
        tx.essayChanged(id, action, scope.key());
        List<Essay> moved = new ArrayList<>();
        for (long other : song.movedEssays()) {
            Essay mover = EssayRows.load(connection, other);
            moved.add(mover);
            tx.essayChanged(other, "edit", mover.scope().key());
        }
        return new Saved(EssayRows.load(connection, id), false, moved);
    }

    /** The song's year, album or featured artists changed: every live essay shown under it reads differently. */
    private static void songmatesChanged(Transaction tx, long songId) throws SQLException {
        for (Essay mate : EssayRows.query(tx.connection(), "WHERE e.song_id = ? AND e.removed_at IS NULL", songId)) {
            tx.essayChanged(mate.id(), "edit", mate.scope().key());
        }
    }

    @Override
    public Optional<Essay> update(long id, EssayDraft draft, Scope actor) {
        EssayDraft clean = StoredDraft.of(draft);
        return write("update", tx -> {
            Connection connection = tx.connection();
            long now = tx.now();
            Optional<EssayRows.State> state = owned(connection, id, actor);
            if (state.isEmpty() || state.get().removed()) {
                return Optional.empty();
            }
            int current = state.get().revision();
            EssayDraft stored = EssayRows.revisions(connection, id, current).get(0).content();
            if (stored.equals(clean)) {
                return Optional.of(EssayRows.load(connection, id));
            }
            // The essay's owner writes the song: its own row, never the shared one (see SongCatalogue).
            SongCatalogue.Adopted song = SongCatalogue.songFor(connection, clean, state.get().owner(), true);
            long songId = song.songId();
            if (song.detailsChanged()) {
                songmatesChanged(tx, songId);
            }
            EssayRows.rewrite(connection, id, songId, clean, current + 1, now, null);
            EssayRows.addRevision(connection, id, current + 1, clean, now, "edit");
            tx.essayChanged(id, "edit", actor.key());
            return Optional.of(EssayRows.load(connection, id));
        });
    }

    @Override
    public boolean remove(long id, Scope actor) {
        return write("remove", tx -> {
            Connection connection = tx.connection();
            long now = tx.now();
            Optional<EssayRows.State> state = owned(connection, id, actor);
            if (state.isEmpty() || state.get().removed()) {
                return false;
            }
            int next = state.get().revision() + 1;
            EssayDraft content = EssayRows.revisions(connection, id, state.get().revision()).get(0).content();
            try (var mark = connection.prepareStatement(
                    "UPDATE essays SET removed_at = ?, updated_at = ?, revision = ? WHERE id = ?")) {
                mark.setLong(1, now);
                mark.setLong(2, now);
                mark.setInt(3, next);
                mark.setLong(4, id);
                mark.executeUpdate();
            }
            EssayRows.addRevision(connection, id, next, content, now, "remove");
            tx.essayChanged(id, "remove", actor.key());
            return true;
        });
    }

    @Override
    public Optional<Essay> restore(long id, int revision, Scope actor) {
        return write("restore", tx -> {
            Connection connection = tx.connection();
            long now = tx.now();
            Optional<EssayRows.State> state = owned(connection, id, actor);
            if (state.isEmpty()) {
                return Optional.empty();
            }
            List<EssayRevision> wanted = EssayRows.revisions(connection, id, revision);
            if (revision < 1 || wanted.isEmpty()) {
                return Optional.empty();
            }
            EssayDraft content = wanted.get(0).content();
            int next = state.get().revision() + 1;
            SongCatalogue.Adopted song = SongCatalogue.songFor(connection, content, state.get().owner(), true);
            long songId = song.songId();
            if (song.detailsChanged()) {
                songmatesChanged(tx, songId);
            }
            EssayRows.rewrite(connection, id, songId, content, next, now, null);
            EssayRows.addRevision(connection, id, next, content, now, "restore");
            tx.essayChanged(id, "restore", actor.key());
            return Optional.of(EssayRows.load(connection, id));
        });
    }

    /** The essay's state if it exists and {@code actor} owns it; a refusal is logged, not thrown. */
    private static Optional<EssayRows.State> owned(Connection connection, long id, Scope actor)
            throws SQLException {
        Objects.requireNonNull(actor, "actor");
        Optional<EssayRows.State> state = EssayRows.state(connection, id);
        if (state.isPresent() && !state.get().owner().equals(actor)) {
            log.info("Refused a change to essay {} owned by {} from {}", id, state.get().owner(), actor);
            return Optional.empty();
        }
        return state;
    }

    @Override
    public Optional<Essay> get(long id) {
        return read(connection -> EssayRows.query(connection, "WHERE e.id = ? AND e.removed_at IS NULL", id)
                .stream().findFirst());
    }

    @Override
    public List<Essay> list(Scope reader) {
        Objects.requireNonNull(reader, "reader");
        List<Essay> candidates = read(connection -> EssayRows.query(connection,
                "WHERE e.removed_at IS NULL AND (e.scope = 'global' OR e.scope = ?)"
                        + " ORDER BY e.created_at DESC, e.id DESC", reader.key()));
        // The SQL already narrows by scope; the rule itself lives in Scope, so it has the last word.
        return candidates.stream().filter(essay -> reader.canSee(essay.scope())).toList();
    }

    @Override
    public Optional<Scope> ownerOf(long id) {
        return read(connection -> EssayRows.state(connection, id).map(EssayRows.State::owner));
    }

    @Override
    public List<Essay> all() {
        return read(connection -> EssayRows.query(connection, "WHERE e.removed_at IS NULL ORDER BY e.id"));
    }

    /** An opening as read: its facts as stored, or its text when no fact of this release's version is stored. */
    private record OpeningRow(long essayId, Song song, Scope scope, OpeningFacts facts, String lead) {
        Opening opening() {
            return new Opening(essayId, song, scope, facts != null ? facts : OpeningFacts.of(lead));
        }
    }

    /**
     * Every live essay's opening as the catalogue needs it. When the store's derived rows are of this release's
     * {@link OpeningFacts#VERSION} (see {@link #refreshOpenings}) they are read alone, without the essays' bodies;
     * otherwise (a store not yet brought up to date) each opening is read and derived here.
     */
    @Override
    public List<Opening> openings() {
        List<OpeningRow> rows = read(connection -> OpeningRows.version(connection) == OpeningFacts.VERSION
                ? derivedOpenings(connection) : leadOpenings(connection, "WHERE e.removed_at IS NULL ORDER BY e.id"));
        // Derived outside the store's lock, on both cores when there are many.
        List<OpeningRow> toDerive = rows.stream().filter(r -> r.facts() == null).toList();
        if (toDerive.size() > 100) {
            log.info("Deriving {} essay openings that the store holds no derived data of this release for", toDerive.size());
        }
        return (toDerive.size() > 100 ? rows.parallelStream() : rows.stream()).map(OpeningRow::opening).toList();
    }

    private static List<OpeningRow> derivedOpenings(Connection connection) throws SQLException {
        List<OpeningRow> out = new ArrayList<>();
        List<Long> otherVersion = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT o.essay_id, o.scope, o.version, o.blank,"
                + " o.words, o.capitalised, o.aliases, s.id, s.title, s.artist, s.featured, s.year, s.album"
                + " FROM essay_openings o JOIN songs s ON s.id = o.song_id ORDER BY o.essay_id");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (rs.getInt(3) != OpeningFacts.VERSION) {
                    otherVersion.add(rs.getLong(1)); // written by a process of another release meanwhile
                    continue;
                }
                out.add(new OpeningRow(rs.getLong(1), SongCatalogue.read(rs, 8), Scope.fromKey(rs.getString(2)),
                        new OpeningFacts(rs.getInt(4) != 0, rs.getString(5), rs.getString(6), rs.getString(7)), null));
            }
        }
        if (otherVersion.isEmpty()) {
            return out;
        }
        for (int from = 0; from < otherVersion.size(); from += 500) {
            List<Long> chunk = otherVersion.subList(from, Math.min(otherVersion.size(), from + 500));
            out.addAll(leadOpenings(connection, "WHERE e.removed_at IS NULL AND e.id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray()));
        }
        out.sort(java.util.Comparator.comparingLong(OpeningRow::essayId));
        return out;
    }

    private static List<OpeningRow> leadOpenings(Connection connection, String where, Object... args)
            throws SQLException {
        List<OpeningRow> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT e.id, e.scope, substr(e.body, 1, ?),"
                + " s.id, s.title, s.artist, s.featured, s.year, s.album FROM essays e JOIN songs s ON s.id = e.song_id "
                + where)) {
            statement.setInt(1, OpeningFacts.LEAD_CHARS);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 2, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(new OpeningRow(rs.getLong(1), SongCatalogue.read(rs, 4), Scope.fromKey(rs.getString(2)),
                            null, rs.getString(3)));
                }
            }
        }
        return out;
    }

    /**
     * The words more than {@code limit} songs' openings hold, with how many, as the store counts them; empty when
     * the store's counts are not of this release's derivation or cannot be read now (the catalogue then counts).
     */
    @Override
    public Optional<Map<String, Integer>> openingWordsAbove(int limit) {
        try {
            return read(connection -> OpeningRows.version(connection) == OpeningFacts.VERSION
                    ? Optional.of(OpeningRows.countsAbove(connection, limit)) : Optional.empty());
        } catch (EssayStoreException e) {
            log.warn("Could not read the openings' word counts from the store ({}); the catalogue counts them itself",
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Brings the store's data derived from essay openings to this release's {@link OpeningFacts#VERSION}: once,
     * after an upgrade from a store without it or a release that derives differently, and never again while the
     * version stays. Page by page (each page one transaction, so an interrupted run goes on where it stopped,
     * and other writers wait one page at most), logged. A store derived by a newer release is left as it is.
     * Returns how many essays' openings were derived.
     */
    public int refreshOpenings() {
        int version = read(OpeningRows::version);
        if (version == OpeningFacts.VERSION) {
            return 0;
        }
        if (version > OpeningFacts.VERSION) {
            log.warn("The store's essay openings were derived by a newer release (version {}, this one {}): left as"
                    + " they are, and openings of other versions are derived again as they are read", version,
                    OpeningFacts.VERSION);
            return 0;
        }
        long started = System.nanoTime();
        log.info("Deriving the song catalogue's data from every essay opening (the store has version {}, this release"
                + " derives version {})", version, OpeningFacts.VERSION);
        int total = 0;
        long after = 0;
        long lastLog = started;
        while (true) {
            long from = after;
            List<Long> page = write("derive openings", tx -> {
                List<Long> ids = OpeningRows.stale(tx.connection(), from, OPENING_PAGE);
                OpeningRows.follow(tx.connection(), ids);
                return ids;
            });
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1);
            total += page.size();
            if (System.nanoTime() - lastLog > 10_000_000_000L) {
                lastLog = System.nanoTime();
                log.info("Derived {} essay openings so far", total);
            }
        }
        write("derive openings", tx -> {
            OpeningRows.follow(tx.connection(), OpeningRows.orphans(tx.connection()));
            OpeningRows.setVersion(tx.connection(), OpeningFacts.VERSION);
            return null;
        });
        log.info("Derived the openings of {} essays (version {}) in {} ms", total, OpeningFacts.VERSION,
                (System.nanoTime() - started) / 1_000_000);
        return total;
    }

    @Override
    public List<EssayRevision> history(long id) {
        return read(connection -> EssayRows.revisions(connection, id, 0));
    }

    @Override
    public Usage usage(Scope owner) {
        Objects.requireNonNull(owner, "owner");
        return read(connection -> {
            try (var live = connection.prepareStatement(
                    "SELECT COUNT(*) FROM essays WHERE scope = ? AND removed_at IS NULL");
                    var revisions = connection.prepareStatement("SELECT COUNT(*) FROM essay_revisions r"
                            + " JOIN essays e ON e.id = r.essay_id WHERE e.scope = ?")) {
                live.setString(1, owner.key());
                revisions.setString(1, owner.key());
                try (ResultSet a = live.executeQuery(); ResultSet b = revisions.executeQuery()) {
                    a.next();
                    b.next();
                    return new Usage(a.getInt(1), b.getLong(1));
                }
            }
        });
    }

    @Override
    public List<Song> songs() {
        return read(connection -> {
            List<Song> songs = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT s.id, s.title, s.artist, s.featured, s.year,"
                            + " s.album FROM songs s WHERE EXISTS (SELECT 1 FROM essays e WHERE e.song_id = s.id"
                            + " AND e.removed_at IS NULL) ORDER BY s.song_key")) {
                while (rs.next()) {
                    songs.add(SongCatalogue.read(rs, 1));
                }
            }
            return songs;
        });
    }

    @Override
    public long changeCounter() {
        return read(SqlEssayStore::counter);
    }

    /** For tests: the value of a PRAGMA on the store's own connection. */
    String pragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name: " + name);
        }
        return read(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    private static long counter(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT value FROM meta WHERE key = 'change_counter'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public void close() {
        if (ownsDatabase) {
            db.close();
        }
    }
}
