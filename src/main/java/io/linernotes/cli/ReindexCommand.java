package io.linernotes.cli;

import io.linernotes.app.Engine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the store (vectors come from the embedding cache when present).")
final class ReindexCommand implements Callable<Integer> {

    @ParentCommand
    LinerNotesCommand root;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            long started = System.nanoTime();
            ProgressBar bar = new ProgressBar(System.err, "indexing");
            engine.reindex(bar::update);
            System.err.println();
            System.out.printf("Reindexed in %.1f s (%d texts embedded).%n", (System.nanoTime() - started) / 1e9,
                    engine.embeddingsComputed());
            return 0;
        }
    }
}
