package io.linernotes.prompt;

/** A rendered prompt: the system message and the user message sent to a model. */
public record ChatPrompt(String system, String user) {
}
