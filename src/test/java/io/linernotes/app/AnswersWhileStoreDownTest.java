package io.linernotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.config.AppConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.config.StoreConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.EssayDraft;
import io.linernotes.store.StoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("With its PostgreSQL store lost, the engine still answers from the local index and refuses writes")
class AnswersWhileStoreDownTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("an essay read before the outage is still answered; an edit is refused whole and clearly")
    void answersFromTheLocalIndex() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(tmp.resolve("pgdata"))
                .setCleanDataDirectory(false).start();
        try {
            AppConfig config = AppConfig.defaults().withDataDir(tmp.resolve("data").toString())
                    .withRetrieval(new RetrievalConfig(0, 0, 0, 0, false))
                    .withStore(new StoreConfig(server.getJdbcUrl("postgres", "postgres"), null, null, 0, 1, 100));
            try (Engine engine = Engine.open(config, Path.of("prompts"), name -> null)) {
                Answer before = engine.answers().answer(AnswerRequest.meaning("Runaway", null, Scope.GLOBAL));
                assertEquals(Answer.Status.ANSWERED, before.status());

                server.close();
                long started = System.nanoTime();
                Answer during = engine.answers().answer(AnswerRequest.meaning("Runaway", null, Scope.GLOBAL));
                Answer again = engine.answers().answer(AnswerRequest.meaning("Runaway", null, Scope.GLOBAL));
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertEquals(Answer.Status.ANSWERED, during.status());
                assertEquals(before.text(), during.text());
                assertEquals(before.text(), again.text());
                assertTrue(millis < 8_000, "one connection timeout, not one per passage: " + millis + " ms");

                StoreException refused = assertThrows(StoreException.class, () -> engine.essays().add(
                        new EssayDraft("Outage Song", "Some Artist", List.of(), null, null, null, null, "Body."),
                        Scope.GLOBAL));
                assertTrue(refused.getMessage().contains("cannot be reached"), refused.getMessage());
            }
        } finally {
            server.close();
        }
    }
}
