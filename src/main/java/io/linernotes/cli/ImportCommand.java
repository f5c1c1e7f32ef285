package io.linernotes.cli;

import io.linernotes.app.Engine;
import io.linernotes.core.Scope;
import io.linernotes.essay.EssayFormatException;
import io.linernotes.essay.EssayService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import essays from files or folders (.txt in the seed layout, .md with front matter, .jsonl). "
                + "Re-importing the same content changes nothing.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    LinerNotesCommand root;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (searched recursively).")
    List<Path> paths;

    @Option(names = "--guild", description = "Store the essays for this Discord server only (default: global).")
    String guild;

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(ImportCommand::accepted).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                System.err.println("No such file or folder: " + p);
                return 2;
            }
        }
        Scope scope = guild == null ? Scope.GLOBAL : Scope.guild(guild);
        PrintStream err = System.err;
        long started = System.nanoTime();
        int added = 0;
        int unchanged = 0;
        int failed = 0;
        ProgressBar resuming = new ProgressBar(err, "resuming index");
        try (Engine engine = root.openEngine(resuming::update)) {
            if (engine.startReport().indexRebuilt()) {
                err.println();
            }
            ProgressBar indexing = new ProgressBar(err, "indexing");
            ProgressBar reading = new ProgressBar(err, "files");
            engine.onIndexProgress(indexing::update);
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                try {
                    EssayService.ImportResult r = engine.essays().importFile(file.getFileName().toString(),
                            Files.readAllBytes(file), scope);
                    added += r.added().size();
                    for (String warning : r.warnings()) {
                        err.println("\n" + file + ": " + warning);
                    }
                    unchanged += r.unchanged();
                } catch (EssayFormatException e) {
                    failed++;
                    err.println("\n" + file + ": not imported: " + e.getMessage());
                } catch (RuntimeException e) {
                    // The essays are committed before they are indexed, and every embedded batch is kept in the
                    // embedding cache: the next start rebuilds the index from the store and computes only
                    // the vectors that are missing.
                    err.println("\n" + file + ": indexing stopped: " + e.getMessage());
                    err.println("The essays are stored and the " + engine.embeddingsComputed() + " vectors computed"
                            + " so far are kept; run the same import again to finish without computing them again.");
                    return 1;
                }
                reading.update(i + 1, files.size());
            }
        }
        err.println();
        System.out.printf(Locale.ROOT, "Imported %d essays (%d unchanged, %d files failed) in %.1f s%n",
                added, unchanged, failed, (System.nanoTime() - started) / 1e9);
        return failed == 0 ? 0 : 1;
    }

    private static boolean accepted(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".markdown")
                || name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }
}
