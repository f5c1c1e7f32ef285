package io.linernotes.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Colour only on a terminal")
class TerminalTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "terminal={0} NO_COLOR={1} TERM={2} -> {3}")
    @CsvSource(nullValues = "null", value = {
        "true, null, xterm-256color, true",
        "false, null, xterm-256color, false",
        "true, 1, xterm-256color, false",
        "true, '', xterm, true",
        "true, null, dumb, false",
        "false, 1, dumb, false"})
    void rule(boolean terminal, String noColor, String term, boolean expected) {
        Map<String, String> env = new HashMap<>();
        if (noColor != null) {
            env.put("NO_COLOR", noColor);
        }
        env.put("TERM", term);
        assertEquals(expected, Terminal.colour(env, terminal));
    }

    @ParameterizedTest(name = "linernotes {0} into a file")
    @CsvSource({"--help", "--bogus", "ask --help", "essays --bogus"})
    @DisplayName("the command line writes no escape codes into a file, even where the environment asks for colour")
    void noEscapesIntoAFile(String args) throws Exception {
        Path out = dir.resolve("out.txt");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.linernotes.cli.Main"));
        command.addAll(List.of(args.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("TERM", "xterm-256color");
        pb.environment().put("CLICOLOR_FORCE", "1");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command line finished");
        String text = Files.readString(out);
        assertFalse(text.isBlank(), "printed something");
        assertFalse(text.contains("\u001B"), "no escape codes: " + text);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("an answer printed with colour has codes, without has none")
    void printerColours() {
        var answer = new io.linernotes.answer.Answer(io.linernotes.answer.Answer.Status.ANSWERED, "Lead. [1]",
                List.of("a note"), List.of(new io.linernotes.answer.Source(1, 1, "L", "Ann", null,
                        io.linernotes.core.Scope.GLOBAL, "Passage text.")), null, List.of(), "extractive");
        assertTrue(AnswerPrinter.render(answer, true).contains("\u001B["));
        assertFalse(AnswerPrinter.render(answer, false).contains("\u001B"));
    }
}
