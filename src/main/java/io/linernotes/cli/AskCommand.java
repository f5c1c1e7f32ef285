package io.linernotes.cli;

import io.linernotes.answer.AnswerRequest;
import io.linernotes.app.Engine;
import io.linernotes.console.AnswerPrinter;
import io.linernotes.console.Terminal;
import io.linernotes.core.Scope;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer one free question; the song is inferred, e.g. ask \"What does Runaway mean?\"")
final class AskCommand implements Callable<Integer> {

    @ParentCommand
    LinerNotesCommand root;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question.")
    List<String> words;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            var answer = engine.answers().answer(AnswerRequest.ask(String.join(" ", words), Scope.GLOBAL));
            System.out.print(AnswerPrinter.render(answer, Terminal.colour()));
            return 0;
        }
    }
}
