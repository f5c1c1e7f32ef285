package io.linernotes.config;

/**
 * Limits on essays: {@code maxBodyBytes} is the largest body accepted (UTF-8 bytes, default 100 KB),
 * {@code maxTitleChars} the longest title or artist name, {@code maxParagraphs} the most paragraphs.
 *
 * <p>Per server (so one server cannot fill the disk; shared imports by the operator have no limit):
 * {@code maxEssaysPerServer} live essays, {@code maxRevisionsPerServer} saved revisions of all its essays
 * (every add, edit, remove and restore is one). {@code importSeconds} is the time budget of reading one
 * uploaded or imported file; past it the file is refused and nothing is stored. Zero means the default.
 */
public record EssayConfig(int maxBodyBytes, int maxTitleChars, int maxParagraphs, int maxEssaysPerServer,
        int maxRevisionsPerServer, int importSeconds) {
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
        if (maxEssaysPerServer == 0) {
            maxEssaysPerServer = 1_000;
        }
        if (maxRevisionsPerServer == 0) {
            maxRevisionsPerServer = 20_000;
        }
        if (importSeconds == 0) {
            importSeconds = 10;
        }
        Checks.positive("essays.maxBodyBytes", maxBodyBytes);
        Checks.positive("essays.maxTitleChars", maxTitleChars);
        Checks.positive("essays.maxParagraphs", maxParagraphs);
        Checks.positive("essays.maxEssaysPerServer", maxEssaysPerServer);
        Checks.positive("essays.maxRevisionsPerServer", maxRevisionsPerServer);
        Checks.range("essays.importSeconds", importSeconds, 1, 3_600);
    }

    /** The size limits alone; the per-server limits and the import budget at their defaults. */
    public EssayConfig(int maxBodyBytes, int maxTitleChars, int maxParagraphs) {
        this(maxBodyBytes, maxTitleChars, maxParagraphs, 0, 0, 0);
    }

    public static EssayConfig defaults() {
        return new EssayConfig(0, 0, 0, 0, 0, 0);
    }
}
