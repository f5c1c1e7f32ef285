package io.linernotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.AppConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.config.StoreConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.store.StoreEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Processes with data directories of their own share one PostgreSQL store")
class SharedStoreStartTest {

    @TempDir
    Path tmp;

    private AppConfig config(StoreConfig store, String dataDir) {
        return AppConfig.defaults().withDataDir(tmp.resolve(dataDir).toString())
                .withRetrieval(new RetrievalConfig(0, 0, 0, 0, false)).withStore(store);
    }

    @Test
    @DisplayName("the demo essays are imported once per store: a second process with a new data directory adds none,"
            + " and a removed one stays removed; both index the same essays")
    void demoOncePerStore() {
        StoreConfig store = StoreEngine.POSTGRESQL.freshConfig(tmp);
        List<Long> first;
        try (Engine a = Engine.open(config(store, "a"), Path.of("prompts"), name -> null)) {
            assertTrue(a.startReport().demoImported());
            Essay removed = a.essays().list(Scope.GLOBAL).get(0);
            assertTrue(a.essays().remove(removed.id(), Scope.GLOBAL));
            first = a.essays().list(Scope.GLOBAL).stream().map(Essay::id).sorted().toList();
        }
        try (Engine b = Engine.open(config(store, "b"), Path.of("prompts"), name -> null)) {
            assertFalse(b.startReport().demoImported(), "claimed once in the store, not per data directory");
            assertEquals(first, b.essays().list(Scope.GLOBAL).stream().map(Essay::id).sorted().toList());
            assertTrue(b.consistency().consistent(), b.consistency().toString());
        }
    }
}
