package io.linernotes.console;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Whether output may carry colour codes: only when it goes to a terminal, never when {@code NO_COLOR} is set
 * (https://no-color.org: any non-empty value) or the terminal says it is dumb. A file or a pipe gets plain text.
 */
public final class Terminal {

    private Terminal() {
    }

    /** For this process: its environment, and whether standard output is a terminal. */
    public static boolean colour() {
        return colour(System.getenv(), stdoutIsTerminal());
    }

    /** The rule itself: {@code env} is the environment, {@code terminal} whether output goes to a terminal. */
    public static boolean colour(Map<String, String> env, boolean terminal) {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        return terminal && !"dumb".equals(env.get("TERM"));
    }

    /**
     * Java 17 has a {@link Console} only when both input and output are a terminal. From Java 22 there is always
     * one, and {@code Console.isTerminal()} tells; it is called reflectively so the code still builds on 17.
     */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
