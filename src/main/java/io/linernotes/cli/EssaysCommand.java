package io.linernotes.cli;

import io.linernotes.app.Engine;
import io.linernotes.console.EssayText;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import java.util.Optional;
import java.util.function.BiPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "essays", mixinStandardHelpOptions = true, description = "List, show or remove stored essays.")
final class EssaysCommand implements Runnable {

    @ParentCommand
    LinerNotesCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List essays (global ones, or a server's).")
    int list(@Option(names = "--guild", description = "Also list this Discord server's essays.") String guild) {
        try (Engine engine = root.openEngine()) {
            System.out.print(EssayText.list(engine.essays().list(guild == null ? Scope.GLOBAL : Scope.guild(guild))));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one essay.")
    int show(@Parameters(paramLabel = "ID") long id) {
        return withEssay(id, (engine, essay) -> {
            System.out.print(EssayText.show(essay));
            return true;
        });
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an essay (its revisions are kept).")
    int remove(@Parameters(paramLabel = "ID") long id) {
        // The operator at the command line may remove any essay, whichever server owns it.
        return withEssay(id, (engine, essay) -> {
            if (!engine.essays().remove(id, essay.scope())) {
                return false;
            }
            System.out.println("Removed essay #" + id + " (" + essay.song().label() + ").");
            return true;
        });
    }

    /** Runs {@code action} on essay {@code id}; exit 1 with "No essay #id." when it is absent or the action fails. */
    private int withEssay(long id, BiPredicate<Engine, Essay> action) {
        try (Engine engine = root.openEngine()) {
            Optional<Essay> essay = engine.essays().findAny(id);
            if (essay.isPresent() && action.test(engine, essay.get())) {
                return 0;
            }
            System.err.println("No essay #" + id + ".");
            return 1;
        }
    }
}
