package io.linernotes.config;

/**
 * Limits on essays: {@code maxBodyBytes} is the largest body accepted (UTF-8 bytes, default 100 KB),
 * {@code maxTitleChars} the longest title or artist name.
 */
public record EssayConfig(int maxBodyBytes, int maxTitleChars, int maxParagraphs) {
    public EssayConfig {
        if (maxBodyBytes == 0) {
            maxBodyBytes = 100_000;
        }
        if (maxTitleChars == 0) {
            maxTitleChars = 200;
        }
        if (maxParagraphs == 0) {
            maxParagraphs = 2_000;
        }
        Checks.positive("essays.maxBodyBytes", maxBodyBytes);
        Checks.positive("essays.maxTitleChars", maxTitleChars);
        Checks.positive("essays.maxParagraphs", maxParagraphs);
    }

    public static EssayConfig defaults() {
        return new EssayConfig(0, 0, 0);
    }
}
