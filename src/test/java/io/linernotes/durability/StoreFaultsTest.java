package io.linernotes.durability;

import static io.linernotes.durability.DurabilityFixtures.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.cli.CliRunner.Run;
import io.linernotes.config.StoreConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayStoreException;
import io.linernotes.essay.SqlEssayStore;
import io.linernotes.store.Database;
import io.linernotes.store.StoreUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("PostgreSQL faults: down at start, lost while running, back again")
class StoreFaultsTest {

    @TempDir
    Path tmp;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static EssayDraft draft(String title, String body) {
        return new EssayDraft(title, "Some Artist", List.of(), null, null, null, null, body);
    }

    @Test
    @DisplayName("a command against a PostgreSQL that is not running exits 3 naming the URL, and says no more")
    void downAtStartExitsThree() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/linernotes";
        Path cfg = tmp.resolve("pg.yaml");
        Files.writeString(cfg, "retrieval:\n  vectors: false\nmodel:\n  provider: extractive\nstore:\n  url: " + url
                + "\n  user: linernotes\n  connectTimeoutSeconds: 1\n");

        Run run = cli("", "--config", cfg.toString(), "--data-dir", tmp.resolve("data").toString(), "essays", "list");

        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("Store unavailable") && run.err().contains(url), run.err());
        assertFalse(run.err().contains("Exception"), "one plain line, no stack trace: " + run.err());
    }

    @Test
    @DisplayName("a password written into store.url is refused (exit 3) and not repeated")
    void passwordInUrlRefused() throws Exception {
        Path cfg = tmp.resolve("pg.yaml");
        Files.writeString(cfg, "retrieval:\n  vectors: false\nstore:\n  url: jdbc:postgresql://127.0.0.1:5432/ln"
                + "?user=bot&password=hunter2-in-the-file\n");

        Run run = cli("", "--config", cfg.toString(), "--data-dir", tmp.resolve("data").toString(), "essays", "list");

        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("passwordEnv"), run.err());
        assertFalse(run.err().contains("hunter2"), run.err());
    }

    @Test
    @DisplayName("the password from the environment never appears in the error of a refused start")
    void passwordNeverInMessage() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/linernotes";
        StoreConfig config = new StoreConfig(url, "linernotes", "TEST_DB_PASSWORD", 0, 1, 0);
        StoreUnavailableException refused = assertThrows(StoreUnavailableException.class,
                () -> Database.open(config, tmp, name -> name.equals("TEST_DB_PASSWORD") ? "pw-not-for-logs" : null));
        assertTrue(refused.getMessage().contains(url), refused.getMessage());
        assertFalse(refused.getMessage().contains("pw-not-for-logs"), refused.getMessage());
    }

    @Test
    @DisplayName("PostgreSQL stopped while running: writes are refused whole with a clear message; when it is back"
            + " the pool reconnects, the listener wakes, and nothing half-stored is found")
    void lostWhileRunning() throws Exception {
        int port = freePort();
        Path data = tmp.resolve("pgdata");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
                .setCleanDataDirectory(false);
        EmbeddedPostgres server = builder.start();
        String url = server.getJdbcUrl("postgres", "postgres");
        StoreConfig config = new StoreConfig(url, null, null, 0, 2, 100);
        try (Database db = Database.open(config, tmp, name -> null)) {
            SqlEssayStore store = SqlEssayStore.on(db);
            store.add(draft("Before The Outage", "Written while the server ran."), Scope.GLOBAL);
            // What a follower does when woken: read the log. The newest change id any wake-up saw.
            AtomicLong seenByListener = new AtomicLong();
            db.changeLog().onChange(() -> seenByListener.accumulateAndGet(db.changeLog().latestChange(), Math::max));

            server.close();
            EssayStoreException refused = assertThrows(EssayStoreException.class, () -> store.addAll(
                    List.of(draft("Lost One", "First."), draft("Lost Two", "Second.")), Scope.GLOBAL));
            assertTrue(refused.getMessage().contains("cannot be reached") && refused.getMessage().contains(url)
                    && refused.getMessage().contains("nothing was stored"), refused.getMessage());
            assertTrue(refused.getCause() instanceof StoreUnavailableException, "typed as unavailable");

            server = builder.start();
            store.add(draft("After The Outage", "Written when it came back."), Scope.GLOBAL);
            assertEquals(List.of("Before The Outage", "After The Outage"),
                    store.all().stream().map(e -> e.song().title()).toList(), "the refused import left nothing");
            // Woken by the NOTIFY of that commit, or, had it come before the listener was back, by the reconnect.
            long newest = db.changeLog().latestChange();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seenByListener.get() < newest && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(newest, seenByListener.get(), "the listener reconnected and was woken after the new change");
            assertEquals(2, db.changeLog().changesSince(0).size());
        } finally {
            server.close();
        }
    }
}
