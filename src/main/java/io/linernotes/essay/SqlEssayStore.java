package io.linernotes.essay;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
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
                return work.run(tx);
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

    @Override
    public List<Opening> openings(int leadChars) {
        return read(connection -> {
            List<Opening> out = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT e.id, e.scope, substr(e.body, 1, ?),"
                    + " s.id, s.title, s.artist, s.featured, s.year, s.album FROM essays e JOIN songs s ON s.id = e.song_id"
                    + " WHERE e.removed_at IS NULL ORDER BY e.id")) {
                statement.setInt(1, leadChars);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Opening(rs.getLong(1), SongCatalogue.read(rs, 4), Scope.fromKey(rs.getString(2)),
                                rs.getString(3)));
                    }
                }
            }
            return out;
        });
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
