package io.linernotes.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;

/**
 * The request and answer behind a stored answer, as one JSON text in the answer's row. The passages read
 * beyond the cited ones are left out (no button shows them). Unknown fields are ignored, so a row written by a
 * newer release still reads.
 */
final class AnswerJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What the column holds. */
    record Detail(AnswerRequest request, Answer answer) {
    }

    private AnswerJson() {
    }

    static String write(AnswerRequest request, Answer answer) {
        Answer cited = new Answer(answer.status(), answer.text(), answer.notes(), answer.sources(), answer.song(),
                answer.candidates(), answer.generatedBy());
        try {
            return JSON.writeValueAsString(new Detail(request, cited));
        } catch (JsonProcessingException e) {
            throw new FeedbackException("cannot write an answer as JSON", e);
        }
    }

    static GivenAnswer read(StoredAnswer stored, String json) {
        try {
            Detail detail = JSON.readValue(json, Detail.class);
            return new GivenAnswer(stored, detail.request(), detail.answer());
        } catch (JsonProcessingException e) {
            throw new FeedbackException("cannot read the stored answer " + stored.id(), e);
        }
    }
}
