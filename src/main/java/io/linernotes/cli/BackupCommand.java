package io.linernotes.cli;

import io.linernotes.app.StoreBackups;
import io.linernotes.essay.StoreArchive;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the essay store to FILE (safe while the bot runs; "
                + "the search index is not copied: it is rebuilt from the store).")
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    LinerNotesCommand root;

    @Parameters(paramLabel = "FILE", description = "Where to write the copy; must not exist yet.")
    Path target;

    @Override
    public Integer call() {
        Path dataDir = Path.of(root.loadConfig().data().dir()).toAbsolutePath();
        StoreArchive.Check check = StoreBackups.backup(dataDir, target);
        System.out.printf("Backed up %d essays (schema version %d, change %d) to %s%n", check.liveEssays(),
                check.schemaVersion(), check.changeCounter(), target.toAbsolutePath());
        return 0;
    }
}
