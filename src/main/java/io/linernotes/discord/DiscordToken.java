package io.linernotes.discord;

import java.util.Map;

/** The bot token, read only from {@code DISCORD_TOKEN}; its absence is explained in words a user can act on. */
public final class DiscordToken {
    public static final String ENV = "DISCORD_TOKEN";

    private DiscordToken() {
    }

    /** Thrown when no token is set; the message says what to do instead. */
    public static final class MissingTokenException extends RuntimeException {
        MissingTokenException(String message) {
            super(message);
        }
    }

    public static String fromEnvironment(Map<String, String> env) {
        String token = env.get(ENV);
        if (token == null || token.isBlank()) {
            throw new MissingTokenException("DISCORD_TOKEN is not set. Put your bot token in the DISCORD_TOKEN "
                    + "environment variable to run the Discord bot, or use `linernotes console` to ask and manage "
                    + "essays without Discord.");
        }
        return token.trim();
    }
}
