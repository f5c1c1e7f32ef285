package io.linernotes.prompt;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The prompt canary")
class CanaryTest {

    @Test
    @DisplayName("opens every system prompt, the same token for the whole process, and is not in the templates")
    void opensTheSystemPrompt() {
        PromptBuilder builder = new PromptBuilder(PromptTemplates.bundled());

        ChatPrompt first = builder.build("What is it about?", null, List.of(), List.of(), List.of());
        ChatPrompt second = builder.build("And the bridge?", null, List.of(), List.of(), List.of());

        assertTrue(Canary.token().matches("LN-[0-9a-f]{16}"), Canary.token());
        assertTrue(first.system().startsWith(Canary.line()), first.system());
        assertTrue(second.system().contains(Canary.token()));
        assertFalse(first.user().contains(Canary.token()), "only the system message carries it");
        assertFalse(PromptTemplates.bundled().render(PromptTemplates.SYSTEM, java.util.Map.of())
                .contains(Canary.token()), "made at run time, never stored");
    }
}
