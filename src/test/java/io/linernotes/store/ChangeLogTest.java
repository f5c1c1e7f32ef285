package io.linernotes.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.SqlEssayStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The change log records every committed essay change, on both engines")
class ChangeLogTest {

    @TempDir
    Path dir;

    private static EssayDraft draft(String title, String body) {
        return new EssayDraft(title, "Some Artist", List.of(), null, null, null, null, body);
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("add, edit, remove, restore and import each log a change with a growing id, and the counter follows")
    void logsEveryChange(StoreEngine engine) {
        try (Database db = engine.open(dir)) {
            SqlEssayStore store = SqlEssayStore.on(db);
            ChangeLog log = db.changeLog();
            assertEquals(0, log.latestChange());
            long id = store.add(draft("First Song", "A body about leaving."), Scope.guild("1")).essay().id();
            store.update(id, draft("First Song", "A body about coming back."), Scope.guild("1"));
            store.remove(id, Scope.guild("1"));
            store.restore(id, 1, Scope.guild("1"));
            store.addAll(List.of(draft("Second Song", "Two."), draft("Third Song", "Three.")), Scope.GLOBAL);

            List<ChangeLog.Change> all = log.changesSince(0);
            assertEquals(List.of("add", "edit", "remove", "restore", "import", "import"),
                    all.stream().map(ChangeLog.Change::action).toList());
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i).id() > all.get(i - 1).id(), "ids grow: " + all);
            }
            assertEquals(id, all.get(0).essayId());
            assertEquals("guild:1", all.get(0).scope());
            assertEquals(all.get(all.size() - 1).id(), log.latestChange());
            assertEquals(List.of("import", "import"),
                    log.changesSince(all.get(3).id()).stream().map(ChangeLog.Change::action).toList());
            assertEquals(5, store.changeCounter(), "one counter step per committed write");
            assertEquals(store.changeCounter(), log.changeCounter());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("a write that changes nothing, and a write that fails, log nothing")
    void noChangeNoEntry(StoreEngine engine) {
        try (Database db = engine.open(dir)) {
            SqlEssayStore store = SqlEssayStore.on(db);
            store.add(draft("First Song", "Body."), Scope.GLOBAL);
            long latest = db.changeLog().latestChange();
            assertTrue(store.add(draft("First Song", "Body."), Scope.GLOBAL).unchanged());
            assertThrows(StoreException.class, () -> db.write("broken write", tx -> {
                tx.essayChanged(1, "edit", "global");
                try (var s = tx.connection().createStatement()) {
                    s.executeUpdate("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            }));
            assertEquals(latest, db.changeLog().latestChange());
            assertEquals(1, db.changeLog().changeCounter());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("a listener is woken by a change committed through another connection to the same store")
    void wakesListeners(StoreEngine engine) throws Exception {
        var config = engine.freshConfig(dir);
        try (Database watching = Database.open(config, dir, name -> null);
                Database writing = Database.open(config, dir, name -> null)) {
            CountDownLatch woken = new CountDownLatch(1);
            try (AutoCloseable handle = watching.changeLog().onChange(woken::countDown)) {
                // No pause: once onChange returns, the next commit wakes the listener.
                SqlEssayStore.on(writing).add(draft("Woken Song", "Body."), Scope.GLOBAL);
                assertTrue(woken.await(5, TimeUnit.SECONDS), "woken within 5 s");
            }
            assertEquals(1, watching.changeLog().changesSince(0).size());
        }
    }
}
