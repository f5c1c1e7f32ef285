package io.linernotes.discord;

import io.linernotes.core.Scope;
import net.dv8tion.jda.api.entities.Guild;

/** The essay scope of a place on Discord: a server's own scope there, the global one in direct messages. */
final class Scopes {
    private Scopes() {
    }

    static Scope of(Guild guild) {
        return guild == null ? Scope.GLOBAL : Scope.guild(guild.getId());
    }
}
