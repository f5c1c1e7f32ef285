package io.linernotes.cli;

import io.linernotes.app.Engine;
import io.linernotes.app.StoreBackups;
import io.linernotes.config.AppConfig;
import io.linernotes.essay.StoreArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * The {@code linernotes} command and the options every subcommand shares; the subcommands are listed here,
 * and the two that only move the store file ({@code backup}, {@code restore}) are its methods.
 */
@Command(name = "linernotes", mixinStandardHelpOptions = true, version = "Liner Notes 0.1.0",
        description = "Explains what songs mean, from stored essays.",
        subcommands = {AskCommand.class, MeaningCommand.class, ConsoleCommand.class, ImportCommand.class,
            EssaysCommand.class, ReindexCommand.class, BotCommand.class, EvalCommand.class,
            GenerateQuestionsCommand.class, BenchCommand.class})
public final class LinerNotesCommand implements Runnable {

    static final Path DEFAULT_CONFIG = Path.of("config", "linernotes.yaml");

    @Option(names = "--config", scope = ScopeType.INHERIT,
            description = "Configuration file (default: config/linernotes.yaml when it exists, else built-in defaults).")
    Path config;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT,
            description = "Data directory for the database and the index (overrides data.dir of the config).")
    String dataDir;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    AppConfig loadConfig() {
        AppConfig loaded;
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new io.linernotes.config.ConfigException("no configuration file at " + config);
            }
            loaded = AppConfig.load(config);
        } else if (Files.isRegularFile(DEFAULT_CONFIG)) {
            loaded = AppConfig.load(DEFAULT_CONFIG);
        } else {
            loaded = AppConfig.defaults();
        }
        String dir = dataDir != null ? dataDir : System.getenv("LINERNOTES_DATA_DIR");
        return dir == null || dir.isBlank() ? loaded : loaded.withDataDir(dir);
    }

    Engine openEngine() {
        return Engine.open(loadConfig());
    }

    private Path storeDir() {
        return Path.of(loadConfig().data().dir()).toAbsolutePath();
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a consistent copy of the essay store to FILE (safe while the bot runs; "
                    + "the search index is not copied: it is rebuilt from the store).")
    int backup(@Parameters(paramLabel = "FILE", description = "Where to write the copy; must not exist yet.")
            Path target) {
        StoreArchive.Check check = StoreBackups.backup(loadConfig(), target, System::getenv);
        System.out.printf("Backed up %d essays (schema version %d, change %d) to %s%n", check.liveEssays(),
                check.schemaVersion(), check.changeCounter(), target.toAbsolutePath());
        return 0;
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Replace the essay store with a backup made by 'backup' (stop the bot first). "
                    + "The file is checked before anything changes; the index is rebuilt at the next start.")
    int restore(@Parameters(paramLabel = "FILE", description = "A backup of a Liner Notes store.") Path source) {
        AppConfig config = loadConfig();
        StoreBackups.RestoreResult result = StoreBackups.restore(config, source, System::getenv);
        String dir = config.store().isPostgres() ? io.linernotes.config.StoreConfig.withoutPassword(config.store().url())
                : storeDir().toString();
        if (!result.restored()) {
            System.err.println(result.refusal() + ". The current store is unchanged.");
            return 2;
        }
        System.out.printf("Restored %d essays (schema version %d) into %s.%n", result.essays(),
                result.schemaVersion(), dir);
        System.out.printf("The change counter moved from %d to %d, so the search index will be rebuilt "
                + "from the restored store at the next start.%n", result.previousCounter(), result.counter());
        return 0;
    }

    /** Opens the engine; an index rebuilt at start (e.g. resuming an interrupted import) reports to {@code progress}. */
    Engine openEngine(io.linernotes.retrieval.IndexMaintainer.Progress progress) {
        return Engine.open(loadConfig(), progress);
    }
}
