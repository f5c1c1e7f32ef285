package io.linernotes.essay;

/**
 * The one rule for control characters in text we store or print: of the C0 controls (U+0000–U+001F), DEL and
 * the C1 controls (U+0080–U+009F) only line feed and tab are kept. The others are not text: on an operator's
 * terminal ESC, CSI and OSC start escape sequences (an essay holding {@code ESC ]0;…} retitled the terminal),
 * and carriage return or backspace overwrite what was printed before. Vertical tab, form feed and NEL become a
 * space, since writers use them as breaks between words (a line feed would split a JSON Lines record); the rest
 * are dropped.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether {@code c} is a control character this rule removes or replaces. */
    public static boolean isUnwanted(int c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }

    /** {@code text} without unwanted control characters (see the class comment); null stays null. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnwanted(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u000B' || c == '\u000C' || c == '\u0085') {
                out.append(' ');
            } else if (!isUnwanted(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code text} holds any unwanted control character. */
    public static boolean any(String text) {
        return text != null && firstUnwanted(text) >= 0;
    }

    private static int firstUnwanted(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnwanted(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
