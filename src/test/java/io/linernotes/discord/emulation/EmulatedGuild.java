package io.linernotes.discord.emulation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A guild the emulation announces with GUILD_CREATE after READY: one text channel and roles (id → permission
 * bits), named {@code role1}, {@code role2}… unless {@code roleNames} (id → name) says otherwise.
 */
public record EmulatedGuild(String id, String channelId, Map<String, Long> roles, Map<String, String> roleNames) {
    public EmulatedGuild {
        roles = new LinkedHashMap<>(roles);
        roleNames = Map.copyOf(roleNames);
    }

    public EmulatedGuild(String id, String channelId, Map<String, Long> roles) {
        this(id, channelId, roles, Map.of());
    }
}
