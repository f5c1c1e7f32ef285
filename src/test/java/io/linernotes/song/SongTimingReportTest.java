package io.linernotes.song;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Times autocomplete and resolution over a synthetic catalogue of 100,000 songs and prints p50/p99. Times
 * are reported, not asserted (the machine is shared); the test only checks the answers are right.
 */
class SongTimingReportTest {

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "ta", "vo", "shi", "mar", "den", "ul",
        "bri", "ox", "pa", "zel", "qui", "ne", "ro", "fa", "gun", "si", "te", "ba", "li", "dor", "ma", "nu"};
    private static final String[] COMMON = {"love", "night", "the", "of", "my", "you", "heart", "rain", "a", "in",
        "dance", "home", "fire", "blue", "me", "time"};

    @Test
    @DisplayName("prints suggest and resolve latency on 100k synthetic songs")
    void timesSuggestAndResolve() {
        Random rnd = new Random(42);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            words.add(SYLLABLES[rnd.nextInt(SYLLABLES.length)] + SYLLABLES[rnd.nextInt(SYLLABLES.length)]
                    + (rnd.nextBoolean() ? SYLLABLES[rnd.nextInt(SYLLABLES.length)] : ""));
        }
        List<SongCatalog.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            int n = 1 + rnd.nextInt(4);
            List<String> t = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                t.add(rnd.nextInt(3) == 0 ? COMMON[rnd.nextInt(COMMON.length)] : words.get(rnd.nextInt(words.size())));
            }
            String title = cap(String.join(" ", t)) + " " + cap(words.get(rnd.nextInt(words.size())));
            String artist = cap(words.get(rnd.nextInt(words.size()))) + " " + cap(words.get(rnd.nextInt(words.size())));
            Song song = new Song(i, title, artist, List.of(), 1950 + rnd.nextInt(70), null);
            entries.add(new SongCatalog.Entry(song, Set.of(Scope.GLOBAL),
                    "\"" + title + "\" is a song by " + artist + " about something that happened once."));
        }
        long t0 = System.nanoTime();
        SongCatalog catalog = SongCatalog.of(entries);
        System.out.printf("TIMING build 100k catalogue: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        SongResolver resolver = new SongResolver(catalog);

        long[] suggest = new long[2000];
        for (int i = 0; i < suggest.length; i++) {
            Song s = entries.get(rnd.nextInt(entries.size())).song();
            String typed = s.title().substring(0, Math.min(s.title().length(), 1 + rnd.nextInt(8)));
            if (i % 3 == 1) {
                typed = s.title().split(" ")[s.title().split(" ").length - 1].substring(0, 3);
            } else if (i % 3 == 2) {
                typed = typo(s.title(), rnd);
            }
            long a = System.nanoTime();
            catalog.suggest(typed, Scope.GLOBAL, 25);
            suggest[i] = System.nanoTime() - a;
        }
        report("suggest", suggest);

        long[] resolve = new long[1000];
        int right = 0;
        for (int i = 0; i < resolve.length; i++) {
            Song s = entries.get(rnd.nextInt(entries.size())).song();
            String query = (i % 2 == 0 ? typo(s.title(), rnd) : s.title()) + " " + s.artist().toLowerCase();
            long a = System.nanoTime();
            SongResolution r = i % 4 == 3 ? resolver.findInQuestion("what is " + query + " about?", Scope.GLOBAL)
                    : resolver.resolve(query, Scope.GLOBAL);
            resolve[i] = System.nanoTime() - a;
            if (r instanceof SongResolution.Found f && f.song().id() == s.id()) {
                right++;
            }
        }
        report("resolve/findInQuestion", resolve);
        System.out.printf("TIMING synthetic resolve top-1 (typo in half, artist named): %d/%d%n", right, resolve.length);

        Song first = entries.get(0).song();
        SongResolution r = resolver.resolve(first.title() + " " + first.artist(), Scope.GLOBAL);
        assertEquals(first.id(), assertInstanceOf(SongResolution.Found.class, r).song().id());
    }

    private static String typo(String title, Random rnd) {
        char[] c = title.toCharArray();
        int longest = 0;
        String[] ws = title.split(" ");
        for (int i = 1; i < ws.length; i++) {
            longest = ws[i].length() > ws[longest].length() ? i : longest;
        }
        int at = title.indexOf(ws[longest]) + Math.min(ws[longest].length() - 2, 1 + rnd.nextInt(3));
        if (ws[longest].length() >= 6 && at + 1 < c.length) {
            char x = c[at];
            c[at] = c[at + 1];
            c[at + 1] = x;
        }
        return new String(c);
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("TIMING %s over %d calls: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
