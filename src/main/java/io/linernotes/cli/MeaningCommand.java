package io.linernotes.cli;

import io.linernotes.answer.AnswerRequest;
import io.linernotes.app.Engine;
import io.linernotes.console.AnswerPrinter;
import io.linernotes.console.Terminal;
import io.linernotes.core.Scope;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "meaning", mixinStandardHelpOptions = true,
        description = "What a song means, e.g. meaning Runaway --question \"what is the hook about?\"")
final class MeaningCommand implements Callable<Integer> {

    @ParentCommand
    LinerNotesCommand root;

    @Parameters(arity = "1..*", paramLabel = "SONG", description = "The song: title, optionally 'by' artist.")
    List<String> song;

    @Option(names = {"-q", "--question"}, description = "A question about the song.")
    String question;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            var answer = engine.answers().answer(AnswerRequest.meaning(String.join(" ", song), question, Scope.GLOBAL));
            System.out.print(AnswerPrinter.render(answer, Terminal.colour()));
            return 0;
        }
    }
}
