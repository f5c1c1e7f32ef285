package io.linernotes.model;

import io.linernotes.core.Song;
import io.linernotes.prompt.ChatPrompt;
import io.linernotes.retrieval.RetrievedPassage;
import java.util.List;

/**
 * Everything a model needs to write an answer: the rendered prompt for language models, and the question,
 * the song (null when none was resolved) and the numbered passages ({@code passages.get(0)} is [1]) for
 * the extractive answerer, which reads them directly.
 */
public record GenerationRequest(ChatPrompt prompt, String question, Song song, List<RetrievedPassage> passages) {

    public GenerationRequest {
        passages = List.copyOf(passages);
    }
}
