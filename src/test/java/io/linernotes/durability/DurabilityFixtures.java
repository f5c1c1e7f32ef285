package io.linernotes.durability;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.app.Engine;
import io.linernotes.cli.CliRunner;
import io.linernotes.config.AppConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared helpers of the durability tests: a fast engine (BM25 only), essay files, the CLI in-process. */
public final class DurabilityFixtures {

    private DurabilityFixtures() {
    }

    /** Vectors off: these tests are about the store and the index, not about semantic search. */
    public static AppConfig config(Path dataDir) {
        RetrievalConfig d = RetrievalConfig.defaults();
        return AppConfig.defaults().withDataDir(dataDir.toString())
                .withRetrieval(new RetrievalConfig(d.passages(), d.candidates(), d.chunkMaxChars(), d.rrfK(), false));
    }

    /** The same as a YAML file, for the CLI and child processes. */
    public static Path configFile(Path dir) throws IOException {
        Path file = dir.resolve("linernotes-test.yaml");
        Files.writeString(file, "retrieval:\n  vectors: false\nmodel:\n  provider: extractive\n");
        return file;
    }

    private static final String[] COLOURS = {"Amber", "Cobalt", "Saffron", "Ivory", "Crimson", "Juniper", "Slate",
        "Copper", "Indigo", "Marigold", "Pewter", "Russet", "Teal", "Umber", "Violet", "Willow", "Ochre", "Cedar",
        "Garnet", "Hazel"};
    private static final String[] THINGS = {"Lantern", "Harbour", "Orchard", "Lighthouse", "Staircase", "Meadow",
        "Caravan", "Chapel", "Ferry", "Garden", "Kettle", "Ladder", "Mirror", "Needle", "Pillow", "Quarry",
        "Railway", "Satchel", "Tower", "Violin"};

    /** A distinct two-word title for each {@code n} below 400 (words, not numbers: titles differing only in a
     * number are a resolver question of their own). */
    public static String title(int n) {
        return COLOURS[n % COLOURS.length] + " " + THINGS[(n / COLOURS.length) % THINGS.length];
    }

    /** A Markdown essay on an invented song; {@code n} makes title and wording unique. */
    public static String essay(int n) {
        String title = title(n);
        return "---\ntitle: " + title + "\nartist: The Harbour Keepers\nyear: 2001\n---\n"
                + title + " follows a night watchman who counts the lit windows of his street, "
                + "and the " + title.toLowerCase(java.util.Locale.ROOT) + " is where his daughter once lived.\n\n"
                + "The chorus turns the count into a prayer: as long as the lamps burn, nobody on the street is alone.\n";
    }

    public static Path writeEssay(Path dir, int n) throws IOException {
        Path file = dir.resolve("lantern-" + n + ".md");
        Files.writeString(file, essay(n));
        return file;
    }

    /** Whether asking about the essay's song answers from that very essay. */
    public static boolean answerable(Engine engine, Essay essay) {
        Answer answer = engine.answers().answer(AnswerRequest.meaning(essay.song().title(), null, Scope.GLOBAL));
        return answer.status() == Answer.Status.ANSWERED
                && answer.sources().stream().anyMatch(s -> s.essayId() == essay.id());
    }

    /** Runs the command line in-process (see {@link CliRunner}). */
    public static CliRunner.Run cli(String stdin, String... args) {
        return CliRunner.run(stdin, args);
    }
}
