package io.linernotes.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linernotes.app.Redactor;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the redactor masks and, as much, what it must leave alone (paths, ids, ordinary words). */
class RedactorTest {

    private final Redactor redactor = new Redactor(Map.of("DISCORD_TOKEN", "plainlowercasetoken",
            "LINERNOTES_DATA_DIR", "/srv/linernotes-data", "MY_API_KEY", "short"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "key sk-proj-Ab12Cd34Ef56Gh78Ij90 here | key [redacted] here",
        "anthropic sk-ant-api03-xYz0123456789abcdEFG | anthropic [redacted]",
        "gemini AIzaSyA1b2C3d4E5f6G7h8I9j0K | gemini [redacted]",
        "bot token MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefGHIJKLmnopqrstUVWX1234 | bot token [redacted]",
        "env var value plainlowercasetoken leaked | env var value [redacted] leaked",
        "data in /srv/linernotes-data | data in /srv/linernotes-data",
        "a short KEY value short stays | a short KEY value short stays",
        "/tmp/junit-9218210292459599101/data/linernotes.db | /tmp/junit-9218210292459599101/data/linernotes.db",
        "config/linernotes.yaml: unknown setting | config/linernotes.yaml: unknown setting",
        "essay #1234567 on Runaway — Kanye West | essay #1234567 on Runaway — Kanye West",
        "task-skeleton-long-words-only-lowercase-and-dashes | task-skeleton-long-words-only-lowercase-and-dashes"})
    void redacts(String message, String expected) {
        assertEquals(expected, redactor.redact(message));
    }
}
