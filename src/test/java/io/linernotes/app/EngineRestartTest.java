package io.linernotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.config.AppConfig;
import io.linernotes.core.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineRestartTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("a restart embeds nothing and reads the song catalogue's saved index; the demo essays are imported "
            + "once; a removed essay stays removed")
    void restartEmbedsNothing() throws IOException {
        AppConfig config = AppConfig.defaults().withDataDir(dataDir.toString());
        long firstEssays;
        try (Engine first = Engine.open(config)) {
            assertTrue(first.startReport().demoImported());
            firstEssays = first.startReport().essays();
            assertTrue(firstEssays >= 5, "demo essays imported: " + firstEssays);
            assertTrue(first.embeddingsComputed() > 0, "the first start embedded the demo passages");
            long stan = first.essays().list(Scope.GLOBAL).stream()
                    .filter(e -> e.song().title().equals("Stan")).findFirst().orElseThrow().id();
            assertTrue(first.essays().remove(stan, Scope.GLOBAL));
        }
        Path catalogue = dataDir.resolve("catalogue");
        Object saved = Files.readAttributes(catalogue, BasicFileAttributes.class).fileKey();
        String fingerprint = Files.readString(catalogue.resolve("fingerprint"));
        try (Engine second = Engine.open(config)) {
            assertEquals(saved, Files.readAttributes(catalogue, BasicFileAttributes.class).fileKey(),
                    "the catalogue index saved after the removal was read, not built again");
            assertEquals(fingerprint, Files.readString(catalogue.resolve("fingerprint")));
            assertFalse(second.startReport().demoImported());
            assertFalse(second.startReport().indexRebuilt(), "the index was current");
            assertEquals(firstEssays - 1, second.startReport().essays());
            assertEquals(0, second.embeddingsComputed(), "nothing embedded at start");
            Answer answer = second.answers().answer(AnswerRequest.meaning("Fast Car", null, Scope.GLOBAL));
            assertEquals(Answer.Status.ANSWERED, answer.status());
            Answer stan = second.answers().answer(AnswerRequest.meaning("Stan", null, Scope.GLOBAL));
            assertEquals(Answer.Status.NO_COMMENTARY, stan.status());
        }
    }
}
