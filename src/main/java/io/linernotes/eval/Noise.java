package io.linernotes.eval;

import io.linernotes.text.Folding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The text changes of the robustness suite, each driven by a seeded {@link Random} so a suite can be made again
 * exactly. A change that does not apply to a name (no word long enough to carry a typo) returns null.
 */
final class Noise {

    private static final String KEYBOARD_ROWS = "qwertyuiop asdfghjkl zxcvbnm";

    private Noise() {
    }

    /** One edit (drop, double, swap with the next, or a neighbouring key) in the longest word of 5+ letters. */
    static String typo(String name, Random rnd) {
        String[] words = name.split(" ");
        int at = -1;
        for (int i = 0; i < words.length; i++) {
            if (letters(words[i]) >= 5 && (at < 0 || words[i].length() > words[at].length())) {
                at = i;
            }
        }
        if (at < 0) {
            return null;
        }
        String w = words[at];
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i < w.length() - 1; i++) {
            if (Character.isLetter(w.charAt(i)) && Character.isLetter(w.charAt(i + 1))) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return null;
        }
        int p = positions.get(rnd.nextInt(positions.size()));
        char c = w.charAt(p);
        String changed = switch (rnd.nextInt(4)) {
            case 0 -> w.substring(0, p) + w.substring(p + 1);
            case 1 -> w.substring(0, p) + c + w.substring(p);
            case 2 -> w.substring(0, p) + w.charAt(p + 1) + c + w.substring(p + 2);
            default -> w.substring(0, p) + neighbour(c, rnd) + w.substring(p + 1);
        };
        if (changed.equalsIgnoreCase(w)) {
            changed = w.substring(0, p) + w.substring(p + 1);
        }
        words[at] = changed;
        return String.join(" ", words);
    }

    /** Two adjacent words run together, or (when none fit) a word of 8+ letters split near its middle. */
    static String splitOrJoin(String title, Random rnd) {
        String[] words = title.split(" ");
        List<Integer> joinable = new ArrayList<>();
        for (int i = 0; i + 1 < words.length; i++) {
            if (alphabetic(words[i]) && alphabetic(words[i + 1]) && words[i].length() + words[i + 1].length() <= 14) {
                joinable.add(i);
            }
        }
        List<Integer> splittable = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (alphabetic(words[i]) && words[i].length() >= 8) {
                splittable.add(i);
            }
        }
        boolean join = !joinable.isEmpty() && (splittable.isEmpty() || rnd.nextBoolean());
        if (join) {
            int i = joinable.get(rnd.nextInt(joinable.size()));
            List<String> out = new ArrayList<>(List.of(words));
            out.set(i, words[i] + words[i + 1].toLowerCase(Locale.ROOT));
            out.remove(i + 1);
            return String.join(" ", out);
        }
        if (splittable.isEmpty()) {
            return null;
        }
        int i = splittable.get(rnd.nextInt(splittable.size()));
        String w = words[i];
        int cut = w.length() / 2 + rnd.nextInt(3) - 1;
        words[i] = w.substring(0, cut) + " " + w.substring(cut);
        return String.join(" ", words);
    }

    /**
     * A person's name family name first ("Pitney Gene", "Pitney, Gene"), or a short acronym spelled with dots
     * or spaces ("t.l.c", "T L C"). Bands named "The …" and names of three or more words are left alone.
     */
    static String reorder(String artist, Random rnd) {
        String[] words = artist.split(" ");
        if (words.length == 1 && words[0].length() >= 2 && words[0].length() <= 5 && isUpper(words[0])) {
            String sep = rnd.nextBoolean() ? "." : " ";
            String spelled = String.join(sep, words[0].split(""));
            return rnd.nextBoolean() ? spelled.toLowerCase(Locale.ROOT) : spelled;
        }
        if (words.length != 2 || words[0].equalsIgnoreCase("the") || !alphabetic(words[0]) || !alphabetic(words[1])) {
            return null;
        }
        return words[1] + (rnd.nextBoolean() ? ", " : " ") + words[0];
    }

    /** Without accents and punctuation (apostrophes, brackets, dots, commas, hyphens); null when nothing changes. */
    static String plain(String name) {
        String s = Folding.withoutAccents(name);
        s = s.replaceAll("['’‘`]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return s.equals(name) ? null : s;
    }

    private static char neighbour(char c, Random rnd) {
        int i = KEYBOARD_ROWS.indexOf(Character.toLowerCase(c));
        if (i < 0) {
            return c == 'e' ? 'a' : 'e';
        }
        int j = i + (rnd.nextBoolean() ? 1 : -1);
        if (j < 0 || j >= KEYBOARD_ROWS.length() || KEYBOARD_ROWS.charAt(j) == ' ') {
            j = i + (j < i ? 1 : -1);
        }
        return KEYBOARD_ROWS.charAt(j);
    }

    private static int letters(String w) {
        int n = 0;
        for (int i = 0; i < w.length(); i++) {
            n += Character.isLetter(w.charAt(i)) ? 1 : 0;
        }
        return n;
    }

    private static boolean alphabetic(String w) {
        return !w.isEmpty() && w.chars().allMatch(Character::isLetter);
    }

    private static boolean isUpper(String w) {
        return w.chars().allMatch(ch -> Character.isUpperCase(ch));
    }
}
