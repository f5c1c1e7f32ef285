package io.linernotes.cli;

import io.linernotes.app.StoreBackups;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace the essay store with a backup made by 'backup' (stop the bot first). "
                + "The file is checked before anything changes; the index is rebuilt at the next start.")
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    LinerNotesCommand root;

    @Parameters(paramLabel = "FILE", description = "A backup of a Liner Notes store.")
    Path source;

    @Override
    public Integer call() {
        Path dataDir = Path.of(root.loadConfig().data().dir()).toAbsolutePath();
        StoreBackups.RestoreResult result = StoreBackups.restore(dataDir, source);
        if (!result.restored()) {
            System.err.println(result.refusal() + ". The current store is unchanged.");
            return 2;
        }
        System.out.printf("Restored %d essays (schema version %d) into %s.%n", result.essays(),
                result.schemaVersion(), dataDir);
        System.out.printf("The change counter moved from %d to %d, so the search index will be rebuilt "
                + "from the restored store at the next start.%n", result.previousCounter(), result.counter());
        return 0;
    }
}
