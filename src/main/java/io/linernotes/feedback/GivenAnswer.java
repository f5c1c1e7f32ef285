package io.linernotes.feedback;

import io.linernotes.answer.Answer;
import io.linernotes.answer.AnswerRequest;

/**
 * An answer as stored with everything its buttons need: the row ({@code stored}: who asked, where), the request
 * (to ask again about a picked song) and the answer itself (its sources and candidate songs).
 */
public record GivenAnswer(StoredAnswer stored, AnswerRequest request, Answer answer) {

    public String userId() {
        return stored.userId();
    }
}
