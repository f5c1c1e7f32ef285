package io.linernotes.console;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;
import io.linernotes.answer.AnswerService;
import io.linernotes.core.Scope;
import io.linernotes.essay.ControlCharacters;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayFormatException;
import io.linernotes.essay.EssayRevision;
import io.linernotes.essay.EssayService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A terminal session that takes the commands users type in Discord ({@code /meaning}, {@code /ask},
 * {@code /essay …}, {@code /help}); a line without a slash is a question, as in a DM. It acts in the global
 * scope, as the operator of the bot.
 */
public final class ConsoleSession {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSession.class);
    /** Turns of conversation remembered for follow-ups, as in a DM. */
    static final int HISTORY_TURNS = 6;

    static final String HELP = """
            Commands:
              /meaning <song> [| question]   what a song means, e.g. /meaning Runaway | what is the hook about?
              /ask <question>                a free question; the song is inferred
              /essay add <file>              import essays from a .txt, .md or .jsonl file
              /essay list                    list stored essays
              /essay show <id>               show one essay
              /essay history <id>            its revisions
              /essay restore <id> <rev>      bring back a revision
              /essay remove <id>             remove an essay (it can be restored)
              /help                          this text
              /quit                          leave
            Anything else is a question, and follow-ups ("and the second verse?") refer to the last song.""";

    private final AnswerService answers;
    private final EssayService essays;
    private final Scope scope = Scope.GLOBAL;
    private final Deque<AnswerRequest.Turn> history = new ArrayDeque<>();

    public ConsoleSession(AnswerService answers, EssayService essays) {
        this.answers = answers;
        this.essays = essays;
    }

    /** Reads commands until end of input or {@code /quit}. */
    public void run(BufferedReader in, PrintWriter out, boolean prompt) throws IOException {
        out.println("Liner Notes console. Type /help for commands, /quit to leave.");
        while (true) {
            if (prompt) {
                out.print("> ");
            }
            out.flush();
            String line = in.readLine();
            if (line == null || line.strip().equals("/quit") || line.strip().equals("/exit")) {
                break;
            }
            if (!line.isBlank()) {
                out.print(handle(line.strip()));
                out.println();
            }
        }
        out.flush();
    }

    /**
     * Handles one line and returns what to print: never a control character but line feed and tab, whatever
     * the store holds (a store written by an older release may hold escape sequences).
     */
    public String handle(String line) {
        return ControlCharacters.strip(reply(line));
    }

    private String reply(String line) {
        try {
            if (!line.startsWith("/")) {
                return ask(new AnswerRequest(line, null, scope, recent()));
            }
            String[] parts = line.split("\\s+", 2);
            String rest = parts.length > 1 ? parts[1].strip() : "";
            switch (parts[0]) {
                case "/help":
                    return HELP + "\n";
                case "/ask":
                    return rest.isEmpty() ? "Usage: /ask <question>\n"
                            : ask(new AnswerRequest(rest, null, scope, recent()));
                case "/meaning":
                    return meaning(rest);
                case "/essay":
                    return essay(rest);
                default:
                    return "Unknown command " + parts[0] + ". Type /help for the list.\n";
            }
        } catch (RuntimeException e) {
            log.error("console command failed: {}", line, e);
            return "Something went wrong: " + e.getMessage() + "\n";
        }
    }

    private String meaning(String rest) {
        if (rest.isEmpty()) {
            return "Usage: /meaning <song> [| question]\n";
        }
        int bar = rest.indexOf('|');
        String song = bar < 0 ? rest : rest.substring(0, bar).strip();
        String question = bar < 0 ? "" : rest.substring(bar + 1).strip();
        return ask(new AnswerRequest(question, song, scope, recent()));
    }

    private String ask(AnswerRequest request) {
        Answer answer = answers.answer(request);
        remember(new AnswerRequest.Turn(request.question().isEmpty() ? request.songHint() : request.question(),
                answer.song() == null ? null : answer.song().id()));
        return AnswerPrinter.render(answer, Terminal.colour());
    }

    /** History is shared by the lines of a session, which may run at once ({@link ParallelLines}). */
    private List<AnswerRequest.Turn> recent() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    private void remember(AnswerRequest.Turn turn) {
        synchronized (history) {
            history.addLast(turn);
            while (history.size() > HISTORY_TURNS) {
                history.removeFirst();
            }
        }
    }

    private String essay(String rest) {
        String[] args = rest.split("\\s+");
        String sub = args[0];
        try {
            switch (sub) {
                case "add":
                    return args.length < 2 ? "Usage: /essay add <file>\n" : add(rest.substring(3).strip());
                case "list":
                    return EssayText.list(essays.list(scope));
                case "show":
                    return essays.find(id(args), scope).map(EssayText::show).orElse("No essay #" + args[1] + ".\n");
                case "remove":
                    return essays.remove(id(args), scope) ? "Removed essay #" + args[1] + " (it can be restored).\n"
                            : "No essay #" + args[1] + " that this console may remove.\n";
                case "history":
                    List<EssayRevision> revisions = essays.history(id(args), scope);
                    return revisions.isEmpty() ? "No history for essay #" + args[1] + ".\n" : EssayText.history(revisions);
                case "restore":
                    if (args.length < 3) {
                        return "Usage: /essay restore <id> <revision>\n";
                    }
                    return essays.restore(id(args), Integer.parseInt(args[2]), scope)
                            .map(e -> "Restored essay #" + e.id() + " as revision " + e.revision() + ".\n")
                            .orElse("No revision " + args[2] + " of essay #" + args[1] + ".\n");
                default:
                    return "Usage: /essay add|list|show|history|restore|remove …\n";
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return "Give the essay's number, e.g. /essay show 3 (see /essay list).\n";
        } catch (io.linernotes.essay.EssayLimitException e) {
            return e.getMessage() + "\n";
        }
    }

    private String add(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            return "Not a usable file name: " + e.getReason() + ".\n";
        }
        try {
            EssayService.ImportResult result = essays.importFile(path.getFileName().toString(), Files.readAllBytes(path), scope);
            StringBuilder out = new StringBuilder();
            for (Essay e : result.added()) {
                out.append("Added essay #").append(e.id()).append(" on ").append(e.song().label()).append('\n');
            }
            if (result.unchanged() > 0) {
                out.append(result.unchanged()).append(" already stored as they are; nothing changed.\n");
            }
            return out.toString();
        } catch (NoSuchFileException e) {
            return "No such file: " + file + "\n";
        } catch (IOException e) {
            return "Cannot read " + file + ": " + e.getMessage() + "\n";
        } catch (EssayFormatException e) {
            return "Not added: " + e.getMessage() + "\n";
        }
    }

    private static long id(String[] args) {
        return Long.parseLong(args[1].replace("#", ""));
    }
}
