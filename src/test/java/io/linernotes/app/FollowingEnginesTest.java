package io.linernotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.config.AnswerCacheConfig;
import io.linernotes.config.AppConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.config.StoreConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.store.Database;
import io.linernotes.store.StoreEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two engines on one store are two processes: each its own data directory (search index, embedding cache), the
 * store shared. A write through one is answerable (or gone) in the other once its change log wakes it; an engine
 * that was closed catches up from the last change it applied. The waits are bounded (10 s) and print how long
 * the other engine took; the 2 s goal is a figure to read, not a timed assertion.
 */
@DisplayName("Two engines on one store follow its change log, on both engines")
class FollowingEnginesTest {
    static final long DEADLINE_MILLIS = 10_000;

    @TempDir
    Path dir;

    private AppConfig config(StoreConfig store, String name) {
        // BM25 only (no embedding model to load) and extractive answers: what is measured is the following.
        return AppConfig.defaults().withDataDir(dir.resolve(name).toString()).withStore(store)
                .withRetrieval(new RetrievalConfig(0, 0, 0, 0, false)).withAnswerCache(new AnswerCacheConfig(false, 0));
    }

    private static EssayDraft draft(String title, String body) {
        return new EssayDraft(title, "The Tidal Lines", List.of(), 2019, null, "Ana", null, body);
    }

    private static Answer ask(Engine engine, String song, Scope scope) {
        return engine.answers().answer(AnswerRequest.meaning(song + " by The Tidal Lines", null, scope));
    }

    private static boolean cites(Answer answer, long essayId) {
        return answer.status() == Answer.Status.ANSWERED
                && answer.sources().stream().anyMatch(s -> s.essayId() == essayId);
    }

    /** Waits (bounded) until {@code engine} gives an answer that passes; returns how long that took. */
    private static long await(String what, Engine engine, String song, Scope scope, Predicate<Answer> wanted) {
        long start = System.nanoTime();
        Answer last = null;
        while (System.nanoTime() - start < DEADLINE_MILLIS * 1_000_000) {
            last = ask(engine, song, scope);
            if (wanted.test(last)) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("[following] " + what + ": " + millis + " ms");
                return millis;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError(what + ": not seen within " + DEADLINE_MILLIS + " ms; last answer " + last);
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("an essay added, edited, removed and restored through one engine is answerable (or gone) in the other")
    void writesThroughOneAreSeenByTheOther(StoreEngine engine) throws Exception {
        StoreConfig store = engine.freshConfig(dir);
        try (Engine a = Engine.open(config(store, "a")); Engine b = Engine.open(config(store, "b"))) {
            Essay added = a.essays().add(draft("Lighthouse Keeper",
                    "Lighthouse Keeper is about a father who keeps the lamp lit for a son lost at sea."), Scope.GLOBAL);
            assertTrue(cites(ask(a, "Lighthouse Keeper", Scope.GLOBAL), added.id()), "the writer answers at once");
            await("added", b, "Lighthouse Keeper", Scope.GLOBAL, answer -> cites(answer, added.id()));

            a.essays().edit(added.id(), draft("Lighthouse Keeper",
                    "Lighthouse Keeper is about a widow who keeps the lamp lit out of stubbornness, not grief."),
                    Scope.GLOBAL);
            await("edited", b, "Lighthouse Keeper", Scope.GLOBAL,
                    answer -> cites(answer, added.id()) && answer.text().contains("stubbornness"));

            assertTrue(a.essays().remove(added.id(), Scope.GLOBAL));
            await("removed", b, "Lighthouse Keeper", Scope.GLOBAL, answer -> !cites(answer, added.id()));

            a.essays().restore(added.id(), 1, Scope.GLOBAL).orElseThrow();
            await("restored", b, "Lighthouse Keeper", Scope.GLOBAL,
                    answer -> cites(answer, added.id()) && answer.text().contains("son lost at sea"));

            Essay own = a.essays().add(draft("Salt Road", "Salt Road is a server's own reading: a march home."),
                    Scope.guild("81"));
            await("a server's essay in its server", b, "Salt Road", Scope.guild("81"), answer -> cites(answer, own.id()));
            assertFalse(cites(ask(b, "Salt Road", Scope.guild("82")), own.id()), "another server never sees it");
            assertEquals(a.lastAppliedChange(), b.lastAppliedChange(), "both applied the same log");
            assertTrue(b.consistency().consistent(), b.consistency().describe());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("another title an essay's opening gives, and its edit, reach the other engine's catalogue through the"
            + " log, and a restarted engine reads them from the store")
    void openingTitlesFollow(StoreEngine engine) throws Exception {
        StoreConfig store = engine.freshConfig(dir);
        Scope server = Scope.guild("83");
        try (Engine a = Engine.open(config(store, "a")); Engine b = Engine.open(config(store, "b"))) {
            a.essays().add(draft("Harbour Lights", "Harbour Lights counts the boats that came home."), Scope.GLOBAL);
            Essay essay = a.essays().add(draft("Lighthouse Keeper", "\"Lighthouse Keeper\" (also released as"
                    + " \"Lamp for Marisol\") is a song by The Tidal Lines about a keeper who waits."), server);
            await("a title from the opening", b, "Lamp for Marisol", server, answer -> cites(answer, essay.id()));

            a.essays().edit(essay.id(), draft("Lighthouse Keeper", "\"Lighthouse Keeper\" (also released as"
                    + " \"Quayside Vigil\") is a song by The Tidal Lines about a keeper who waits."), server);
            await("the edited title", b, "Quayside Vigil", server, answer -> cites(answer, essay.id()));
            // No passage holds the old title now: only a catalogue that still knew it would find the song by it.
            await("the old title forgotten", b, "Lamp for Marisol", server, answer -> !cites(answer, essay.id()));
        }
        try (Engine c = Engine.open(config(store, "c"))) {
            assertTrue(cites(c.answers().answer(AnswerRequest.meaning("Quayside Vigil", null, server)), essay(c, server)));
        }
    }

    /** The id of the one essay of "Lighthouse Keeper" {@code engine} shows {@code reader}. */
    private static long essay(Engine engine, Scope reader) {
        return engine.essays().list(reader).stream().filter(e -> e.song().title().equals("Lighthouse Keeper"))
                .findFirst().orElseThrow().id();
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("an engine that was down catches up at start from its last applied change, without a rebuild")
    void aLaterEngineCatchesUpIncrementally(StoreEngine engine) throws Exception {
        StoreConfig store = engine.freshConfig(dir);
        try (Engine a = Engine.open(config(store, "a"))) {
            long stoppedAt;
            try (Engine b = Engine.open(config(store, "b"))) {
                stoppedAt = b.lastAppliedChange();
            }
            Essay kept = a.essays().add(draft("Harbour Lights", "Harbour Lights counts the boats that came home."),
                    Scope.GLOBAL);
            Essay gone = a.essays().add(draft("Low Tide", "Low Tide is about waiting for a letter."), Scope.GLOBAL);
            a.essays().store(List.of(draft("Breakwater", "Breakwater is a song about holding on."),
                    draft("Undertow", "Undertow is about a friendship that pulls you down.")), Scope.GLOBAL);
            assertTrue(a.essays().remove(gone.id(), Scope.GLOBAL));
            long written;
            try (Database db = Database.open(store, dir, name -> null)) {
                written = db.changeLog().changesSince(stoppedAt).size();
            }
            assertEquals(5, written, "two adds, an import of two, a removal");

            try (Engine b = Engine.open(config(store, "b"))) {
                assertFalse(b.startReport().indexRebuilt(), "caught up, not rebuilt");
                assertEquals(written, b.startReport().changesCaughtUp(), "exactly the changes since it stopped");
                assertEquals(a.lastAppliedChange(), b.lastAppliedChange());
                assertTrue(cites(ask(b, "Harbour Lights", Scope.GLOBAL), kept.id()));
                assertTrue(ask(b, "Undertow", Scope.GLOBAL).status() == Answer.Status.ANSWERED);
                assertFalse(cites(ask(b, "Low Tide", Scope.GLOBAL), gone.id()), "the removed essay is gone");
                assertTrue(b.consistency().consistent(), b.consistency().describe());
            }
            try (Engine b = Engine.open(config(store, "b"))) {
                assertFalse(b.startReport().indexRebuilt());
                assertEquals(0, b.startReport().changesCaughtUp(), "nothing new: nothing applied");
            }
        }
    }
}
