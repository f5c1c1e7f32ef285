package io.linernotes.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linernotes.song.SongResolution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a question the resolver could not match may still be answered from the passages it describes. */
class SongInferenceTest {

    @ParameterizedTest(name = "\"{0}\" understood as \"{1}\" by \"{2}\": names only that → {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Explain the song Paper Sky Tonight                       | Paper Sky Tonight | -          | true
            What is Quiet Harbour by Jun Marlow about?               | Quiet Harbour     | Jun Marlow | true
            what does the lantern line mean in Quiet Harbour          | Quiet Harbour     | -          | false
            what does Bridge over Quiet Harbour mean?                 | Bridge over Quiet Harbour | - | true
            What is the slow closing track that mentions a ferry?    | the slow closing  | -          | false
            Which Jun Marlow single mentions a ferry?                | -                 | -          | false
            what does he mean by rolling the dice twice in Quiet Harbour | he             | rolling the dice twice in Quiet Harbour | false
            """)
    void aQuestionThatOnlyNamesASongWeLackIsNotGuessedFromPassages(String question, String title, String artist,
                                                                   boolean onlyNames) {
        SongResolution.NotFound named = new SongResolution.NotFound(question, title, artist);
        assertEquals(onlyNames, SongInference.onlyWhatWasUnderstood(named, question,
                io.linernotes.config.InferenceConfig.defaults().maxTitleWords()));
    }

    @ParameterizedTest(name = "\"{0}\" understood as \"{1}\" by \"{2}\", artist credited {3} → {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Jun Marlow - Quiet Ferry What                            | Quiet Ferry       | Jun Marlow | true  | true
            Quiet What Jun Marlow                                    | Quiet             | Jun Marlow | true  | true
            Quiet What Jun Marlow                                    | Quiet             | Jun Marlow | false | false
            what does he mean by rolling the dice twice in Quiet Harbour | he             | rolling the dice twice in Quiet Harbour | false | false
            """)
    void anArtistTheCatalogueCreditsCountsAsNamed(String question, String title, String artist, boolean credited,
                                                  boolean onlyNames) {
        SongResolution.NotFound named = new SongResolution.NotFound(question, title, artist);
        assertEquals(onlyNames, SongInference.onlyWhatWasUnderstood(named, question,
                io.linernotes.config.InferenceConfig.defaults().maxTitleWords(), credited));
    }
}
