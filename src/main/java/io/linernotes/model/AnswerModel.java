package io.linernotes.model;

import java.util.function.Consumer;

/** Writes an answer from retrieved passages: a language model through langchain4j, or extractively. */
public interface AnswerModel {

    /**
     * Writes the answer. {@code partial} receives the text so far as it grows when the model streams
     * (it may never be called); the returned text is the whole answer.
     */
    Generated generate(GenerationRequest request, Consumer<String> partial);

    /** A short name for logs and the answer's footer, e.g. {@code extractive} or {@code openai:gpt-4o-mini}. */
    String name();
}
