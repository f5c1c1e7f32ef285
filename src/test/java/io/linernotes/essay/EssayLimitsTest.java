package io.linernotes.essay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.config.EssayConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating a Discord server costs nothing, so one server must not be able to fill the disk: each server may
 * hold {@code essays.maxEssaysPerServer} live essays and {@code essays.maxRevisionsPerServer} revisions. A write
 * past either is refused whole, with a message that tells the moderator which limit and what to do; other
 * servers and the operator's shared imports are not affected. The real engine on a real SQLite file.
 */
@DisplayName("Per-server limits on essays and revisions")
class EssayLimitsTest {
    static final Scope A = Scope.guild("510000000000000001");
    static final Scope B = Scope.guild("510000000000000002");

    @TempDir
    Path dataDir;

    private Engine engine(int maxEssays, int maxRevisions) {
        AppConfig config = AppConfig.defaults().withDataDir(dataDir.toString())
                .withRetrieval(new RetrievalConfig(0, 0, 0, 0, false))
                .withEssays(new EssayConfig(0, 0, 0, maxEssays, maxRevisions, 0));
        return Engine.open(config, Path.of("prompts"), name -> null);
    }

    private static EssayDraft draft(String title, String body) {
        return new EssayDraft(title, "Limit Tester", List.of(), null, null, null, null, body);
    }

    @Test
    @DisplayName("a server at its essay limit is refused with a clear message; others and shared imports are not")
    void essayLimit() throws Exception {
        try (Engine engine = engine(2, 100)) {
            EssayService essays = engine.essays();
            essays.add(draft("One", "The first essay of this server."), A);
            Essay second = essays.add(draft("Two", "The second essay of this server."), A);
            EssayLimitException refused = assertThrows(EssayLimitException.class,
                    () -> essays.add(draft("Three", "One essay too many for this server."), A));
            assertTrue(refused.getMessage().contains("limit of 2 essays")
                    && refused.getMessage().contains("essays.maxEssaysPerServer")
                    && refused.getMessage().contains("nothing was stored"), refused.getMessage());
            byte[] file = "Meaning of 'Four' by 'Limit Tester'\n\nAn upload past the limit.".getBytes(StandardCharsets.UTF_8);
            assertThrows(EssayLimitException.class, () -> essays.importFile("four.txt", file, A));
            assertEquals(2, engine.essays().list(A).stream().filter(e -> e.scope().equals(A)).count());

            essays.add(draft("Elsewhere", "Another server has its own allowance."), B);
            essays.store(List.of(draft("Shared A", "Shared."), draft("Shared B", "Shared."), draft("Shared C", "Shared.")),
                    Scope.GLOBAL);

            // Removing makes room again; restoring the removed essay would take that room back and is refused.
            assertTrue(essays.remove(second.id(), A));
            Essay third = essays.add(draft("Three", "Added once there was room."), A);
            assertThrows(EssayLimitException.class, () -> essays.restore(second.id(), 1, A));
            assertTrue(third.id() > 0);
        }
    }

    @Test
    @DisplayName("a server at its revision limit cannot edit or restore, but can still remove")
    void revisionLimit() throws Exception {
        try (Engine engine = engine(100, 3)) {
            EssayService essays = engine.essays();
            Essay essay = essays.add(draft("Edited", "The first version."), A);
            essays.edit(essay.id(), draft("Edited", "The second version."), A);
            essays.edit(essay.id(), draft("Edited", "The third version."), A);
            EssayLimitException refused = assertThrows(EssayLimitException.class,
                    () -> essays.edit(essay.id(), draft("Edited", "The fourth version."), A));
            assertTrue(refused.getMessage().contains("3 saved revisions")
                    && refused.getMessage().contains("essays.maxRevisionsPerServer"), refused.getMessage());
            assertThrows(EssayLimitException.class, () -> essays.restore(essay.id(), 1, A));
            assertEquals("The third version.", essays.find(essay.id(), A).orElseThrow().body());
            assertTrue(essays.remove(essay.id(), A), "removing is always possible");
        }
    }
}
