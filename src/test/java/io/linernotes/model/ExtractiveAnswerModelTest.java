package io.linernotes.model;

import static io.linernotes.model.SongFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.linernotes.prompt.ChatPrompt;
import io.linernotes.retrieval.RetrievedPassage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The extractive answerer")
class ExtractiveAnswerModelTest {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d+)]");
    private final ExtractiveAnswerModel model = new ExtractiveAnswerModel();

    private Generated ask(String question, List<RetrievedPassage> passages) {
        return model.generate(new GenerationRequest(new ChatPrompt("s", "u"), question, LANTERN, passages), s -> { });
    }

    @Test
    @DisplayName("quotes the sentence about the Ichabod Crane line and cites its passage")
    void answersWithTheSentenceAboutTheLine() {
        Generated answer = ask("What does the Ichabod Crane line mean in Hollow Lantern?", oneEssay());

        assertTrue(answer.text().contains(QUILL_CRANE_SENTENCE), answer.text());
        int sentenceAt = answer.text().indexOf(QUILL_CRANE_SENTENCE);
        Matcher firstCitationAfter = CITATION.matcher(answer.text());
        assertTrue(firstCitationAfter.find(sentenceAt), answer.text());
        assertEquals("1", firstCitationAfter.group(1), "the bridge passage is [1]: " + answer.text());
        assertEquals("extractive", answer.generatedBy());
        assertFalse(answer.fallback());
    }

    @Test
    @DisplayName("does not take the song's own name in the question for what is asked")
    void songNameIsNotTheQuestion() {
        String text = ask("What does the Ichabod Crane line mean in Hollow Lantern?", oneEssay()).text();

        assertFalse(text.contains("Hollow Lantern is a song about"), text);
    }

    @Test
    @DisplayName("keeps a passage's sentences in their own order")
    void keepsSentenceOrderWithinAPassage() {
        String text = ask("Ichabod Crane line, Washington Irving's story and the kick drum?", oneEssay()).text();

        int crane = text.indexOf("The bridge turns on the Ichabod Crane line");
        int irving = text.indexOf("That image casts him");
        int drum = text.indexOf("The fiddle drops out");
        assertTrue(crane >= 0 && irving > crane && drum > irving, text);
    }

    @Test
    @DisplayName("opens with one plain sentence naming the song, its artist and year")
    void opensWithTheSong() {
        String text = ask("What does the Ichabod Crane line mean in Hollow Lantern?", oneEssay()).text();

        assertTrue(text.startsWith("\u201CHollow Lantern\u201D is a 2011 song by The Grey Orchards featuring June Vale.\n\n> "),
                text);
    }

    @Test
    @DisplayName("answers a which-song question with the song in its first sentence")
    void whichSongIsAnsweredFirst() {
        String text = ask("Which song has a schoolteacher riding too fast for a headless rider?", oneEssay()).text();

        assertTrue(text.startsWith("The song is \u201CHollow Lantern\u201D by The Grey Orchards featuring June Vale (2011)."),
                text);
    }

    @Test
    @DisplayName("quotes as block quotes: no quotation marks of its own around text that has its own")
    void noNestedQuotes() {
        String text = ask("What does the Ichabod Crane line mean?", twoEssays()).text();

        String afterLead = text.substring(text.indexOf('\n'));
        assertFalse(afterLead.contains("\u201C") || afterLead.contains("\u201D"), text);
        assertTrue(text.lines().filter(l -> l.contains("[")).allMatch(l -> l.startsWith("> ")), text);
    }

    @Test
    @DisplayName("shows two essays' readings under their authors' names, each name once, citing both")
    void presentsDifferingReadings() {
        String text = ask("What does the Ichabod Crane line mean?", twoEssays()).text();

        assertTrue(text.contains(ExtractiveAnswerModel.READINGS), text);
        assertTrue(text.contains("\n\nAs Mara Quill reads it:\n> "), text);
        assertTrue(text.contains("\n\nAs Dev Okafor reads it:\n> "), text);
        assertEquals(1, text.split("Mara Quill", -1).length - 1, text);
        assertEquals(1, text.split("Dev Okafor", -1).length - 1, text);
        assertTrue(text.contains("[1]") && text.contains("[2]"), text);
        assertTrue(text.indexOf("Mara Quill") < text.indexOf("[1]") && text.indexOf("Dev Okafor") < text.indexOf("[2]"),
                text);
        assertTrue(text.contains(OKAFOR_CRANE_SENTENCE), text);
    }

    @Test
    @DisplayName("two essays credited to one author are one reading, not two")
    void oneAuthorOneReading() {
        var sameAuthor = essay(103, "Mara Quill", null);
        String text = ask("What does the Ichabod Crane line mean?",
                List.of(passage(QUILL, 1, QUILL_BRIDGE, 1), passage(sameAuthor, 0, OKAFOR_BRIDGE, 2))).text();

        assertFalse(text.contains(ExtractiveAnswerModel.READINGS), text);
        assertFalse(text.contains("reads it:"), text);
    }

    @Test
    @DisplayName("does not claim differing readings when only one essay speaks to the question")
    void noReadingsWhenOneEssayAnswers() {
        String text = ask("Why does the fiddle drop out under the kick drum?", twoEssays()).text();

        assertFalse(text.contains(ExtractiveAnswerModel.READINGS), text);
        assertTrue(text.contains("The fiddle drops out right there"), text);
    }

    @Test
    @DisplayName("quotes what the essay makes of a line: the sentence after the one that names it")
    void quotesTheReadingThatFollowsALine() {
        String setting = "The second verse opens on the drive home, with the radio low and the heater ticking over "
                + "like a clock that has lost count of the hours it was built to keep.";
        String landmarks = "Every landmark on that road has a story attached, and the narrator names the feed store, "
                + "the church, the shuttered cinema and the river bridge one after another without stopping.";
        String line = "Then comes the couplet about the porch light left burning for nobody.";
        String reading = "It is a mother's habit outliving the mother, a kindness with no one left to receive it.";
        String after = "The drums come back in after that, louder than before.";
        String passage = String.join(" ", setting, landmarks, line, reading, after);

        String text = ask("What does the porch light left burning for nobody mean in Hollow Lantern?",
                List.of(passage(QUILL, 1, passage, 1))).text();

        assertTrue(text.contains(line + " " + reading), text);
    }

    @Test
    @DisplayName("answers what a song is about with the sentence that says so, not with the ones that repeat its name")
    void meaningIsNotTheTitle() {
        String names = "Hollow Lantern by The Grey Orchards, with June Vale on harmony, came out in 2011 as the lead "
                + "single of Autumn Roads, and Hollow Lantern stayed the band's best known single for a decade.";
        String more = "The Grey Orchards recorded Hollow Lantern live in one room, June Vale singing from the doorway, "
                + "and The Grey Orchards still close their sets with Hollow Lantern when June Vale is on the bill.";
        String charts = "Hollow Lantern reached the regional charts in 2011, and a remix of Hollow Lantern by The Grey "
                + "Orchards followed on the deluxe edition of Autumn Roads, with a new June Vale verse.";
        String about = "At heart it is about grief that will not stay buried.";
        String passage = String.join(" ", names, more, charts, about);

        String text = ask("what is hollow lantrn by the grey orchards about?",
                List.of(passage(QUILL, 0, passage, 1))).text();

        assertTrue(text.contains(about), text);
        assertFalse(text.contains(names), "the name-dropping opening is no answer: " + text);
    }

    @Test
    @DisplayName("says so when nothing in the passages touches the question, then quotes their openings")
    void saysSoWhenOffTopic() {
        String text = ask("Who played the saxophone solo?", oneEssay()).text();

        assertTrue(text.contains(". " + ExtractiveAnswerModel.OFF_TOPIC + "\n\n> "), text);
        assertTrue(text.contains("[1]"), text);
    }

    @Test
    @DisplayName("with no passages at all, says there is nothing rather than inventing")
    void nothingToSay() {
        assertEquals(LeadSentence.of(LANTERN, "What does it mean?") + " " + ExtractiveAnswerModel.NOTHING,
                ask("What does it mean?", List.of()).text());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("stays short, cites only passages it has, and adds no words of its own beyond connectives")
    @ValueSource(strings = {
        "What does the Ichabod Crane line mean?",
        "what is this song about",
        "Is the ending hopeful?",
        "Tell me about the narrator, the valley, the landmarks, the chorus, the lantern, the sunrise and the drum",
        "Who played the saxophone solo?"})
    void boundedAndGrounded(String question) {
        for (List<RetrievedPassage> passages : List.of(oneEssay(), twoEssays())) {
            String text = ask(question, passages).text();
            int words = text.split("\\s+").length;
            assertTrue(words >= 10 && words <= 150, words + " words: " + text);

            Matcher m = CITATION.matcher(text);
            int citations = 0;
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                assertTrue(n >= 1 && n <= passages.size(), text);
                citations++;
            }
            assertTrue(citations >= 1, text);

            String all = String.join(" ", passages.stream().map(p -> p.passage().text()).toList());
            for (String quoted : quotedParts(text)) {
                assertTrue(all.contains(quoted), "not from the passages: «" + quoted + "» in " + text);
            }
        }
    }

    /** The stretches of answer text that must be verbatim passage text: everything but citations and connectives. */
    private static List<String> quotedParts(String text) {
        List<String> parts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(ExtractiveAnswerModel.QUOTE)) {
                parts.add(line.substring(ExtractiveAnswerModel.QUOTE.length()).replaceAll("\\s*\\[\\d+]$", "").strip());
            }
        }
        assertFalse(parts.isEmpty(), "quotes something: " + text);
        return parts;
    }
}
