package io.linernotes.prompt;

import io.linernotes.config.ConfigException;

/**
 * A prompt template that cannot be used: missing, unreadable, or with placeholders that do not match what
 * the code fills in. A {@link ConfigException} so start-up reports it like any other bad setting.
 */
public class PromptTemplateException extends ConfigException {
    public PromptTemplateException(String message) {
        super(message);
    }

    public PromptTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
