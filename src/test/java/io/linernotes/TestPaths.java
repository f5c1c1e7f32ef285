package io.linernotes;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where the shared, read-only material sits beside the checkout (absent on a user's machine). */
public final class TestPaths {

    public static final Path SHARED = Path.of("..", "shared");
    public static final Path SEED = SHARED.resolve("seeds").resolve("runaway-kanye-west.txt");
    public static final Path CORPUS = SHARED.resolve("corpora").resolve("wikipedia-songs").resolve("songs.jsonl");
    public static final Path DEV_QUESTIONS = SHARED.resolve("eval").resolve("dev-questions.jsonl");

    private TestPaths() {
    }

    /** Skips the calling test, saying why, when {@code path} is not there. */
    public static Path require(Path path) {
        Assumptions.assumeTrue(Files.exists(path),
                () -> path + " is absent (../shared exists only beside the project's checkout in development and CI)");
        return path;
    }
}
