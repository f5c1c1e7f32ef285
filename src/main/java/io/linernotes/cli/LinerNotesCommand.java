package io.linernotes.cli;

import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code linernotes} command and the options every subcommand shares; the subcommands are listed here. */
@Command(name = "linernotes", mixinStandardHelpOptions = true, version = "Liner Notes 0.1.0",
        description = "Explains what songs mean, from stored essays.",
        subcommands = {AskCommand.class, MeaningCommand.class, ConsoleCommand.class, ImportCommand.class,
            EssaysCommand.class, ReindexCommand.class, BackupCommand.class, RestoreCommand.class,
            BotCommand.class, EvalCommand.class, GenerateQuestionsCommand.class, BenchCommand.class})
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
}
