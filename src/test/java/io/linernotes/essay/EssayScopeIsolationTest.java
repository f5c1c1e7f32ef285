package io.linernotes.essay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A server's essays belong to that server, on SQLite and on PostgreSQL")
@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(io.linernotes.store.StoreEngine.class)
class EssayScopeIsolationTest {

    @org.junit.jupiter.params.Parameter
    io.linernotes.store.StoreEngine engine;

    private static final Scope A = Scope.guild("100");
    private static final Scope B = Scope.guild("200");

    @TempDir
    Path dir;
    private SqlEssayStore store;
    private long aEssay;
    private long globalEssay;

    @BeforeEach
    void open() {
        store = SqlEssayStore.owning(engine.open(dir));
        aEssay = store.add(SqlEssayStoreTest.draft("Runaway", "Kanye West", "Guild A's reading."), A).essay().id();
        store.update(aEssay, SqlEssayStoreTest.draft("Runaway", "Kanye West", "Guild A's second reading."), A);
        globalEssay = store.add(SqlEssayStoreTest.draft("Power", "Kanye West", "The imported reading."), Scope.GLOBAL)
                .essay().id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Stream<Arguments> trespasses() {
        return Stream.of(
                Arguments.of("guild B on guild A's essay", B, "a"),
                Arguments.of("the console on guild A's essay", Scope.GLOBAL, "a"),
                Arguments.of("guild A on a global essay", A, "global"),
                Arguments.of("guild B on a global essay", B, "global"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("trespasses")
    @DisplayName("nobody edits, removes or restores an essay of another scope")
    void cannotTouchOthers(String who, Scope actor, String target) {
        long id = target.equals("a") ? aEssay : globalEssay;
        Essay before = store.get(id).orElseThrow();
        long counter = store.changeCounter();

        assertTrue(store.update(id, SqlEssayStoreTest.draft("Runaway", "Kanye West", "Defaced."), actor).isEmpty());
        assertFalse(store.remove(id, actor));
        assertTrue(store.restore(id, 1, actor).isEmpty());

        assertEquals(before, store.get(id).orElseThrow());
        assertEquals(counter, store.changeCounter());
    }

    @Test
    @DisplayName("nobody restores another scope's essay after its owner removed it")
    void cannotReviveOthers() {
        assertTrue(store.remove(aEssay, A));

        assertTrue(store.restore(aEssay, 1, B).isEmpty());
        assertTrue(store.restore(aEssay, 1, Scope.GLOBAL).isEmpty());
        assertTrue(store.get(aEssay).isEmpty());
        assertTrue(store.restore(aEssay, 1, A).isPresent());
    }

    @Test
    @DisplayName("each reader lists its own essays and the global ones, newest first")
    void listsAreScoped() {
        assertEquals(List.of(globalEssay, aEssay), ids(store.list(A)));
        assertEquals(List.of(globalEssay), ids(store.list(B)));
        assertEquals(List.of(globalEssay), ids(store.list(Scope.GLOBAL)));
        long bEssay = store.add(SqlEssayStoreTest.draft("Runaway", "Kanye West", "Guild B's reading."), B).essay().id();
        assertEquals(List.of(bEssay, globalEssay), ids(store.list(B)));
        assertFalse(ids(store.list(A)).contains(bEssay));
        assertEquals(3, store.all().size(), "the index sees everything; scoping happens at query time");
    }

    @Test
    @DisplayName("the console may edit and remove global essays")
    void consoleOwnsGlobal() {
        assertTrue(store.update(globalEssay, SqlEssayStoreTest.draft("Power", "Kanye West", "Revised."), Scope.GLOBAL)
                .isPresent());
        assertTrue(store.remove(globalEssay, Scope.GLOBAL));
    }

    private static List<Long> ids(List<Essay> essays) {
        return essays.stream().map(Essay::id).toList();
    }
}
