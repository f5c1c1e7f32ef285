package io.linernotes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SafePrintStreamTest {
    private static final String ESC = "\u001b";

    private static String through(String text, boolean colour) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (SafePrintStream out = new SafePrintStream(sink, colour)) {
            out.print(text);
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> colourTerminal() {
        return Stream.of(
                Arguments.of("colour sequence kept", ESC + "[1;36mtitle" + ESC + "[0m", ESC + "[1;36mtitle" + ESC + "[0m"),
                Arguments.of("window title dropped", ESC + "]0;owned\u0007text", "]0;ownedtext"),
                Arguments.of("cursor movement dropped with its parameters", "a" + ESC + "[2Jb" + ESC + "[10;5Hc", "aJbHc"),
                Arguments.of("lone escape dropped", "a" + ESC + "b", "ab"),
                Arguments.of("overlong digits are no colour", ESC + "[" + "1".repeat(20) + "m", "1".repeat(7) + "m"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @DisplayName("on a colour terminal only colour sequences pass")
    void colourTerminal(String name, String in, String expected) {
        assertEquals(expected, through(in, true));
    }

    static Stream<Arguments> pipe() {
        return Stream.of(
                Arguments.of("colour dropped", ESC + "[1;36mtitle" + ESC + "[0m", "[1;36mtitle[0m"),
                Arguments.of("window title dropped", ESC + "]0;owned\u0007text", "]0;ownedtext"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    @DisplayName("into a pipe no escape passes")
    void pipe(String name, String in, String expected) {
        assertEquals(expected, through(in, false));
    }
}
