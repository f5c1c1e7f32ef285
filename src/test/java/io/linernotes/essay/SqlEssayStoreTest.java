package io.linernotes.essay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.StoreConfig;
import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import io.linernotes.store.Database;
import io.linernotes.store.StoreEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The essay store, on SQLite and on PostgreSQL")
@ParameterizedClass
@EnumSource(StoreEngine.class)
class SqlEssayStoreTest {

    @Parameter
    StoreEngine engine;
    @TempDir
    Path dir;
    private Path dbFile;
    private StoreConfig config;
    private SqlEssayStore store;

    static EssayDraft draft(String title, String artist, String body) {
        return new EssayDraft(title, artist, List.of(), null, null, "a moderator", null, body);
    }

    @BeforeEach
    void open() {
        dbFile = dir.resolve("data").resolve("essays.db");
        config = engine == StoreEngine.SQLITE ? StoreConfig.defaults().withUrl("jdbc:sqlite:" + dbFile)
                : engine.freshConfig(dir);
        store = reopen();
    }

    private SqlEssayStore reopen() {
        return SqlEssayStore.owning(Database.open(config, dir, name -> null));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    @DisplayName("an added essay comes back with its song, scope, revision 1 and timestamps")
    void addThenGet() {
        EssayDraft runaway = new EssayDraft("Runaway", "Kanye West", List.of("Pusha T"), 2010,
                "My Beautiful Dark Twisted Fantasy", "Ye fan", "seed", "First.\n\nSecond.");

        EssayStore.Saved saved = store.add(runaway, Scope.guild("1"));

        assertFalse(saved.unchanged());
        Essay essay = store.get(saved.essay().id()).orElseThrow();
        assertEquals(new Song(essay.song().id(), "Runaway", "Kanye West", List.of("Pusha T"), 2010,
                "My Beautiful Dark Twisted Fantasy"), essay.song());
        assertEquals(Scope.guild("1"), essay.scope());
        assertEquals("First.\n\nSecond.", essay.body());
        assertEquals("Ye fan", essay.author());
        assertEquals(1, essay.revision());
        assertEquals(essay.createdAt(), essay.updatedAt());
        assertEquals(List.of(essay.song()), store.songs());
    }

    @Test
    @DisplayName("adding the same essay again returns the stored one unchanged and does not count as a write")
    void idempotentAdd() {
        EssayStore.Saved first = store.add(draft("Runaway", "Kanye West", "Body."), Scope.GLOBAL);
        long counter = store.changeCounter();

        EssayStore.Saved again = store.add(draft(" runaway ", "KANYE WEST", "Body.\n"), Scope.GLOBAL);

        assertTrue(again.unchanged());
        assertEquals(first.essay().id(), again.essay().id());
        assertEquals(counter, store.changeCounter());
        assertEquals(1, store.all().size());
        assertEquals(1, store.songs().size(), "one song for both spellings");
        assertEquals(1, store.history(first.essay().id()).size());
    }

    @Test
    @DisplayName("the same body in another scope or about another song is a new essay")
    void sameBodyElsewhereIsNew() {
        long a = store.add(draft("Runaway", "Kanye West", "Body."), Scope.GLOBAL).essay().id();
        long b = store.add(draft("Runaway", "Kanye West", "Body."), Scope.guild("7")).essay().id();
        long c = store.add(draft("Power", "Kanye West", "Body."), Scope.GLOBAL).essay().id();

        assertEquals(3, List.of(a, b, c).stream().distinct().count());
    }

    @Test
    @DisplayName("edit, remove and restore each add a revision; history is oldest first; restore revives")
    void revisionsRemoveRestore() {
        Scope guild = Scope.guild("42");
        long id = store.add(draft("Runaway", "Kanye West", "Version one."), guild).essay().id();

        Essay edited = store.update(id, draft("Runaway", "Kanye West", "Version two."), guild).orElseThrow();
        assertEquals(2, edited.revision());
        assertEquals("Version two.", edited.body());

        assertTrue(store.remove(id, guild));
        assertTrue(store.get(id).isEmpty());
        assertTrue(store.list(guild).isEmpty());
        assertTrue(store.all().isEmpty());
        assertTrue(store.songs().isEmpty(), "a song with no live essay is not listed");
        assertFalse(store.remove(id, guild), "removing twice does nothing");
        assertTrue(store.update(id, draft("Runaway", "Kanye West", "Version three."), guild).isEmpty(),
                "a removed essay is restored, not edited");

        Essay restored = store.restore(id, 1, guild).orElseThrow();
        assertEquals(4, restored.revision());
        assertEquals("Version one.", restored.body());
        assertEquals(restored, store.get(id).orElseThrow());

        List<EssayRevision> history = store.history(id);
        assertEquals(List.of("add", "edit", "remove", "restore"), history.stream().map(EssayRevision::action).toList());
        assertEquals(List.of(1, 2, 3, 4), history.stream().map(EssayRevision::revision).toList());
        assertEquals("Version two.", history.get(2).content().body(), "the removal keeps what was removed");
        assertEquals("Version one.", history.get(3).content().body());
        assertEquals("Runaway", history.get(3).content().title());
        assertTrue(store.restore(id, 9, guild).isEmpty(), "no such revision");
    }

    @Test
    @DisplayName("an edit can move an essay to another song and update the song's details")
    void editMovesSong() {
        long id = store.add(draft("Runaway", "Pusha T", "Body."), Scope.GLOBAL).essay().id();

        EssayDraft corrected = new EssayDraft("Runaway", "Kanye West", List.of("Pusha T"), 2010, null, null, null, "Body.");
        Essay moved = store.update(id, corrected, Scope.GLOBAL).orElseThrow();

        assertEquals("Kanye West", moved.song().artist());
        assertEquals(List.of("Pusha T"), moved.song().featured());
        assertEquals(2010, moved.song().year());
        assertEquals(List.of("Kanye West"), store.songs().stream().map(Song::artist).toList());
    }

    @Test
    @DisplayName("the change counter grows with every write and stays put on a no-op or a refusal")
    void changeCounter() {
        Scope guild = Scope.guild("1");
        List<Long> seen = new ArrayList<>();
        seen.add(store.changeCounter());
        long id = store.add(draft("Runaway", "Kanye West", "One."), guild).essay().id();
        seen.add(store.changeCounter());
        store.update(id, draft("Runaway", "Kanye West", "Two."), guild);
        seen.add(store.changeCounter());
        store.remove(id, guild);
        seen.add(store.changeCounter());
        store.restore(id, 1, guild);
        seen.add(store.changeCounter());
        store.addAll(List.of(draft("Power", "Kanye West", "P."), draft("Stronger", "Kanye West", "S.")), guild);
        seen.add(store.changeCounter());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), "write " + i + " counted: " + seen);
        }

        long before = store.changeCounter();
        store.add(draft("Runaway", "Kanye West", "One."), guild);
        store.update(id, draft("Runaway", "Kanye West", "One."), guild);
        store.update(id, draft("Runaway", "Kanye West", "Other."), Scope.guild("2"));
        store.remove(id, Scope.GLOBAL);
        store.restore(id, 99, guild);
        store.addAll(List.of(draft("Power", "Kanye West", "P.")), guild);
        assertEquals(before, store.changeCounter());
        assertEquals(4, store.get(id).orElseThrow().revision(), "the no-op edit made no revision");
    }

    @Test
    @DisplayName("a bulk import that fails part-way stores nothing")
    void addAllIsOneTransaction() {
        List<EssayDraft> drafts = List.of(draft("Power", "Kanye West", "P."), draft("Stronger", "Kanye West", "S."),
                draft("Broken", "Kanye West", "  \n  "));

        assertThrows(IllegalArgumentException.class, () -> store.addAll(drafts, Scope.GLOBAL));

        assertEquals(List.of(), store.all());
        assertEquals(List.of(), store.songs());
        assertEquals(0, store.changeCounter());
    }

    @Test
    @DisplayName("everything survives closing and reopening the store")
    void survivesReopen() {
        long id = store.add(draft("Runaway", "Kanye West", "One."), Scope.guild("1")).essay().id();
        store.update(id, draft("Runaway", "Kanye West", "Two."), Scope.guild("1"));
        Essay before = store.get(id).orElseThrow();
        long counter = store.changeCounter();
        store.close();

        store = reopen();

        assertEquals(before, store.get(id).orElseThrow());
        assertEquals(counter, store.changeCounter());
        assertEquals(2, store.history(id).size());
        assertTrue(store.add(draft("Runaway", "Kanye West", "Two."), Scope.guild("1")).unchanged());
    }

    @Test
    @DisplayName("the store's connection runs in WAL mode with foreign keys and a busy timeout")
    void pragmas() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(engine == StoreEngine.SQLITE, "SQLite settings");
        assertEquals("wal", store.pragma("journal_mode"));
        assertEquals("1", store.pragma("foreign_keys"));
        assertEquals("10000", store.pragma("busy_timeout"));
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
                Statement statement = other.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1), "WAL is a property of the file, seen by every connection");
        }
    }

    @Test
    @DisplayName("adds from several threads at once all land, each counted once")
    void concurrentWrites() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<EssayStore.Saved>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            futures.add(pool.submit(() -> store.add(draft("Song " + n, "Artist " + (n % 3), "Body " + n), Scope.GLOBAL)));
        }
        for (Future<EssayStore.Saved> future : futures) {
            assertFalse(future.get(30, TimeUnit.SECONDS).unchanged());
        }
        pool.shutdown();

        assertEquals(40, store.all().size());
        assertEquals(40, store.changeCounter());
        assertNotEquals(store.all().get(0).id(), store.all().get(1).id());
    }

    @Test
    @DisplayName("a closed store refuses work")
    void closedStore() {
        store.close();

        assertThrows(EssayStoreException.class, () -> store.all());
    }
}
