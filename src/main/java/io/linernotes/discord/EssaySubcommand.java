package io.linernotes.discord;

import java.util.Locale;
import java.util.Optional;

/** The subcommands of {@code /essay}, by their Discord names. */
enum EssaySubcommand {
    ADD, EDIT, REMOVE, SHOW, LIST, HISTORY, RESTORE, GAPS;

    String discordName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<EssaySubcommand> of(String name) {
        for (EssaySubcommand s : values()) {
            if (s.discordName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
