package io.linernotes.essay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.EssayConfig;
import io.linernotes.core.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real wikipedia-songs corpus (312 records nobody here wrote) goes through the parser into the store. */
@DisplayName("The wikipedia-songs corpus imports")
class WikipediaCorpusImportTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpora", "wikipedia-songs", "songs.jsonl");
    private static final int RECORDS = 312;
    private static final int NULL_ARTISTS = 14;

    @TempDir
    Path dir;
    private byte[] content;
    private final EssayParser parser = new EssayParser(EssayConfig.defaults());

    @BeforeEach
    void readCorpus() throws Exception {
        Assumptions.assumeTrue(Files.exists(CORPUS), "the shared corpus " + CORPUS + " is absent");
        content = Files.readAllBytes(CORPUS);
    }

    @Test
    @DisplayName("every record parses; each null-artist record gets an artist from its lead or is reported by line")
    void everyRecordAccountedFor() throws Exception {
        EssayParser.Parsed parsed = parser.parseReport("songs.jsonl", content);

        assertEquals(RECORDS, parsed.drafts().size());
        Map<String, EssayDraft> byTitle = new HashMap<>();
        parsed.drafts().forEach(d -> byTitle.put(d.title() + " / " + d.artist(), d));
        EssayDraft catch22 = byTitle.get("Catch 22 / Illy");
        assertEquals(List.of("Anne-Marie"), catch22.featured());
        assertTrue(byTitle.containsKey("Menatap dalam Mimpi / Siti Nurhaliza"));
        assertTrue(byTitle.containsKey("Very Very Very / I.O.I"));
        for (String warning : parsed.warnings()) {
            assertTrue(warning.matches("line \\d+: record \".+\" has no artist.*stored as by \"Unknown artist\""), warning);
        }
        assertTrue(parsed.warnings().size() < NULL_ARTISTS, "some null artists are read from the lead");
        assertTrue(parsed.warnings().stream().anyMatch(r -> r.contains("God Save the Queen")),
                "an anthem has no performer to guess");
        assertTrue(byTitle.containsKey("God Save the Queen / Unknown artist"), "the anthem is kept, credited plainly");
        EssayDraft first = parsed.drafts().get(0);
        assertEquals("(I Wanna) Love My Life Away", first.title());
        assertEquals("Wikipedia: (I Wanna) Love My Life Away (CC BY-SA 3.0)", first.source());
        System.out.printf("corpus: %d drafts, %d set aside:%n  %s%n", parsed.drafts().size(), parsed.warnings().size(),
                String.join("\n  ", parsed.warnings()));
    }

    @Test
    @DisplayName("parse plus one bulk transaction stores the whole corpus in one transaction (time printed); again changes nothing")
    void importIsFastAndIdempotent() throws Exception {
        try (SqlEssayStore store = SqlEssayStore.open(dir.resolve("essays.db"))) {
            long start = System.nanoTime();
            List<EssayDraft> drafts = parser.parse("songs.jsonl", content);
            long parsed = System.nanoTime();
            List<EssayStore.Saved> saved = store.addAll(drafts, Scope.GLOBAL);
            long stored = System.nanoTime();
            System.out.printf("corpus import: parse %d ms, addAll %d ms, total %d ms for %d essays%n",
                    (parsed - start) / 1_000_000, (stored - parsed) / 1_000_000, (stored - start) / 1_000_000,
                    saved.size());
            assertEquals(drafts.size(), store.all().size());
            assertEquals(drafts.size(), store.songs().size(), "one song per record: Cherry Wine is two artists");
            assertEquals(1, store.changeCounter(), "one transaction, one change");

            List<EssayStore.Saved> again = store.addAll(parser.parse("songs.jsonl", content), Scope.GLOBAL);
            assertTrue(again.stream().allMatch(EssayStore.Saved::unchanged));
            assertEquals(1, store.changeCounter());
        }
    }
}
