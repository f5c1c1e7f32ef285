package io.linernotes.cli;

import io.linernotes.app.Engine;
import io.linernotes.console.EssayText;
import io.linernotes.essay.Essay;
import io.linernotes.essay.Scope;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "essays", mixinStandardHelpOptions = true, description = "List, show or remove stored essays.",
        subcommands = {EssaysCommand.ListEssays.class, EssaysCommand.Show.class, EssaysCommand.Remove.class})
final class EssaysCommand implements Runnable {

    @ParentCommand
    LinerNotesCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List essays (global ones, or a server's).")
    static final class ListEssays implements Callable<Integer> {
        @ParentCommand
        EssaysCommand parent;

        @Option(names = "--guild", description = "Also list this Discord server's essays.")
        String guild;

        @Override
        public Integer call() {
            try (Engine engine = parent.root.openEngine()) {
                System.out.print(EssayText.list(engine.essays().list(guild == null ? Scope.GLOBAL : Scope.guild(guild))));
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one essay.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        EssaysCommand parent;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (Engine engine = parent.root.openEngine()) {
                Optional<Essay> essay = engine.essays().findAny(id);
                if (essay.isEmpty()) {
                    System.err.println("No essay #" + id + ".");
                    return 1;
                }
                System.out.print(EssayText.show(essay.get()));
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an essay (its revisions are kept).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        EssaysCommand parent;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (Engine engine = parent.root.openEngine()) {
                Optional<Essay> essay = engine.essays().findAny(id);
                // The operator at the command line may remove any essay, whichever server owns it.
                if (essay.isEmpty() || !engine.essays().remove(id, essay.get().scope())) {
                    System.err.println("No essay #" + id + ".");
                    return 1;
                }
                System.out.println("Removed essay #" + id + " (" + essay.get().song().label() + ").");
                return 0;
            }
        }
    }
}
