package io.linernotes.discord.emulation;

import java.util.LinkedHashMap;
import java.util.Map;

/** A guild the emulation announces with GUILD_CREATE after READY: one text channel and roles (id → permission bits). */
public record EmulatedGuild(String id, String channelId, Map<String, Long> roles) {
    public EmulatedGuild {
        roles = new LinkedHashMap<>(roles);
    }
}
