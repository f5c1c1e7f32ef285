package io.linernotes.answer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.app.Engine;
import io.linernotes.config.AppConfig;
import io.linernotes.config.RetrievalConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.EssayDraft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question that describes a song without naming it must go to the song with a passage that answers it, not to
 * the song whose long essay happens to hold the question's words here and there. Generated, seeded cases: per
 * case a short essay whose one paragraph holds the question's four key words together, and a long essay (twelve
 * passages) that holds three of them and the question's two other content words, each in a different passage.
 * Over a whole essay the long one covers more of the question; within one passage the short one does.
 */
class SongInferenceLengthTest {

    private static final int CASES = 12;
    private static final String[] FILLER = ("the band recorded this track in a small studio with borrowed gear and "
            + "a producer who liked the drums loud so the guitars sit back while the singer carries the melody over "
            + "a steady beat and the label pressed it as a single that radio played late at night for months")
            .split(" ");

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("a described song is the one whose passage answers, not the long essay with the words scattered")
    void passageThatAnswersBeatsScatteredWords() throws Exception {
        Random random = new Random(20261130L);
        Set<String> used = new HashSet<>();
        List<EssayDraft> drafts = new ArrayList<>();
        List<String[]> cases = new ArrayList<>(); // question, expected title
        for (int c = 0; c < CASES; c++) {
            String[] key = new String[4];
            for (int i = 0; i < key.length; i++) {
                key[i] = word(random, used);
            }
            String[] other = {word(random, used), word(random, used)};
            String shortTitle = capital(word(random, used));
            String longTitle = capital(word(random, used));
            String shortBody = filler(random, 30) + ". The song tells of " + key[0] + " " + key[1] + ", who left "
                    + key[2] + " for " + key[3] + ". " + filler(random, 30) + ".";
            drafts.add(new EssayDraft(shortTitle, capital(word(random, used)) + " Trio", List.of(), 2001, null,
                    null, null, shortBody));
            // three key words and the two others, each alone in a passage of its own among filler passages
            String[] scattered = {key[0], other[0], key[1], other[1], key[2]};
            StringBuilder longBody = new StringBuilder();
            for (int p = 0; p < 12; p++) {
                if (p > 0) {
                    longBody.append("\n\n");
                }
                longBody.append(filler(random, 90));
                if (p % 2 == 1 && p / 2 < scattered.length) {
                    longBody.append(" and ").append(scattered[p / 2]).append(' ').append(filler(random, 80));
                }
                longBody.append('.');
            }
            drafts.add(new EssayDraft(longTitle, capital(word(random, used)) + " Band", List.of(), 2001, null,
                    null, null, longBody.toString()));
            String question = "Which song is about " + key[0] + " " + key[1] + " leaving " + key[2] + " for "
                    + key[3] + " and the " + other[0] + " " + other[1] + "?";
            cases.add(new String[] {question, shortTitle});
        }
        AppConfig config = AppConfig.defaults().withDataDir(dataDir.toString())
                .withRetrieval(new RetrievalConfig(0, 0, 0, 0, false));
        List<String> wrong = new ArrayList<>();
        try (Engine engine = Engine.open(config)) {
            engine.essays().store(drafts, Scope.GLOBAL);
            for (String[] c : cases) {
                Answer answer = engine.answers().answer(AnswerRequest.ask(c[0], Scope.GLOBAL));
                String got = answer.song() == null ? answer.status().toString() : answer.song().title();
                if (!got.equals(c[1])) {
                    wrong.add(c[0] + " -> " + got + " (expected " + c[1] + ")");
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + CASES + " went elsewhere: " + wrong);
    }

    /** An invented word, lower case, 7 to 9 letters, not used before in the corpus. */
    private static String word(Random random, Set<String> used) {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        while (true) {
            StringBuilder w = new StringBuilder();
            int syllables = 3 + random.nextInt(2);
            for (int i = 0; i < syllables; i++) {
                w.append(consonants.charAt(random.nextInt(consonants.length())));
                w.append(vowels.charAt(random.nextInt(vowels.length())));
            }
            w.append(consonants.charAt(random.nextInt(consonants.length())));
            if (used.add(w.toString())) {
                return w.toString();
            }
        }
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String filler(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(FILLER[random.nextInt(FILLER.length)]);
        }
        return text.toString();
    }
}
