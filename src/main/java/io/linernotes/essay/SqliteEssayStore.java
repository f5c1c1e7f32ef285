package io.linernotes.essay;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The essay store in one SQLite file (WAL journal, foreign keys on, busy timeout). One connection
 * guarded by a lock serves every thread: SQLite serialises writers anyway, and this keeps each write
 * one transaction that either happens whole or not at all. Each write that changes a row also
 * increments the change counter in the same transaction.
 *
 * <p>Owners: an essay belongs to the scope it was added in, and only that scope may edit, remove or
 * restore it ({@link Scope#GLOBAL} is the console and may touch global essays only).
 * {@link #get} and the lists show live essays; removed ones keep their history and can be restored.
 */
public final class SqliteEssayStore implements EssayStore {

    private static final Logger log = LoggerFactory.getLogger(SqliteEssayStore.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final LockedConnection db;

    private SqliteEssayStore(Connection connection, Clock clock) {
        this.db = new LockedConnection(connection, clock);
    }

    /** Opens (creating if needed) the store in {@code dbFile} and brings its schema up to date. */
    public static SqliteEssayStore open(Path dbFile) {
        return open(dbFile, Clock.systemUTC(), SchemaMigrations.ALL);
    }

    /** For tests: a clock to control timestamps, and a prefix of the migrations to build older files. */
    static SqliteEssayStore open(Path dbFile, Clock clock, List<SchemaMigrations.Migration> migrations) {
        try {
            Path parent = dbFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            PrivateFiles.file(dbFile);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            // Take the write lock when a transaction begins, not half-way through it, so two processes
            // sharing the file wait for each other instead of failing with SQLITE_BUSY mid-transaction.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath(),
                    config.toProperties());
            try {
                int version = SchemaMigrations.migrate(connection, migrations, clock.millis());
                log.info("Opened essay store {} at schema version {}", dbFile, version);
                return new SqliteEssayStore(connection, clock);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new EssayStoreException("cannot open the essay database " + dbFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Saved add(EssayDraft draft, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        EssayDraft clean = StoredDraft.of(draft);
        return db.write("add", (connection, now) -> addOne(connection, clean, scope, now));
    }

    /**
     * Adds every draft in one transaction: if one fails, none is stored. Drafts already stored in
     * {@code scope} come back with {@code unchanged = true}, as with {@link #add}.
     */
    public List<Saved> addAll(List<EssayDraft> drafts, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        List<EssayDraft> copy = List.copyOf(drafts);
        return db.write("addAll", (connection, now) -> {
            List<Saved> saved = new ArrayList<>(copy.size());
            for (EssayDraft draft : copy) {
                // A draft that cannot be stored throws here, inside the transaction: the rollback undoes the
                // drafts before it too.
                saved.add(addOne(connection, StoredDraft.of(draft), scope, now));
            }
            log.info("Stored {} essays in {} ({} already there)", saved.size(), scope,
                    saved.stream().filter(Saved::unchanged).count());
            return saved;
        });
    }

    private static Saved addOne(Connection connection, EssayDraft draft, Scope scope, long now) throws SQLException {
        SongCatalogue.Adopted song = SongCatalogue.songFor(connection, draft, scope, false);
        long songId = song.songId();
        Optional<Long> existing = EssayRows.findLive(connection, songId, scope, EssayRows.hash(draft.body()));
        if (existing.isPresent()) {
            return new Saved(EssayRows.load(connection, existing.get()), true);
        }
        long id = EssayRows.insert(connection, songId, scope, draft, now);
        EssayRows.addRevision(connection, id, 1, draft, now, "add");
        List<Essay> moved = new ArrayList<>();
        for (long other : song.movedEssays()) {
            moved.add(EssayRows.load(connection, other));
        }
        return new Saved(EssayRows.load(connection, id), false, moved);
    }

    @Override
    public Optional<Essay> update(long id, EssayDraft draft, Scope actor) {
        EssayDraft clean = StoredDraft.of(draft);
        return db.write("update", (connection, now) -> {
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
            long songId = SongCatalogue.songFor(connection, clean, state.get().owner(), true).songId();
            EssayRows.rewrite(connection, id, songId, clean, current + 1, now, null);
            EssayRows.addRevision(connection, id, current + 1, clean, now, "edit");
            return Optional.of(EssayRows.load(connection, id));
        });
    }

    @Override
    public boolean remove(long id, Scope actor) {
        return db.write("remove", (connection, now) -> {
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
            return true;
        });
    }

    @Override
    public Optional<Essay> restore(long id, int revision, Scope actor) {
        return db.write("restore", (connection, now) -> {
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
            long songId = SongCatalogue.songFor(connection, content, state.get().owner(), true).songId();
            EssayRows.rewrite(connection, id, songId, content, next, now, null);
            EssayRows.addRevision(connection, id, next, content, now, "restore");
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
        return db.read(connection -> EssayRows.query(connection, "WHERE e.id = ? AND e.removed_at IS NULL", id)
                .stream().findFirst());
    }

    @Override
    public List<Essay> list(Scope reader) {
        Objects.requireNonNull(reader, "reader");
        List<Essay> candidates = db.read(connection -> EssayRows.query(connection,
                "WHERE e.removed_at IS NULL AND (e.scope = 'global' OR e.scope = ?)"
                        + " ORDER BY e.created_at DESC, e.id DESC", reader.key()));
        // The SQL already narrows by scope; the rule itself lives in Scope, so it has the last word.
        return candidates.stream().filter(essay -> reader.canSee(essay.scope())).toList();
    }

    @Override
    public Optional<Scope> ownerOf(long id) {
        return db.read(connection -> EssayRows.state(connection, id).map(EssayRows.State::owner));
    }

    @Override
    public List<Essay> all() {
        return db.read(connection -> EssayRows.query(connection, "WHERE e.removed_at IS NULL ORDER BY e.id"));
    }

    @Override
    public List<Opening> openings(int leadChars) {
        return db.read(connection -> {
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
        return db.read(connection -> EssayRows.revisions(connection, id, 0));
    }

    @Override
    public Usage usage(Scope owner) {
        Objects.requireNonNull(owner, "owner");
        return db.read(connection -> {
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
        return db.read(connection -> {
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
        return db.read(SqliteEssayStore::counter);
    }

    /** For tests: the value of a PRAGMA on the store's own connection. */
    String pragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name: " + name);
        }
        return db.read(connection -> {
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
        try {
            db.close();
        } catch (SQLException e) {
            log.warn("Closing the essay database failed", e);
        }
    }
}
