package io.linernotes.discord.emulation;

import java.util.List;

/**
 * Who triggers an event in the emulation: a user in a direct message with the bot, or a member of a guild
 * in one of its text channels, with the permission bits Discord would compute and the member's role ids.
 */
public record Actor(String userId, String userName, String guildId, String channelId, long permissions,
        List<String> roleIds) {

    /** Discord's MANAGE_GUILD bit. */
    public static final long MANAGE_GUILD = 1L << 5;
    /** What an ordinary member has: view channel, send messages, read history, use application commands. */
    public static final long MEMBER = (1L << 10) | (1L << 11) | (1L << 16) | (1L << 31);

    public Actor {
        roleIds = roleIds == null ? List.of() : List.copyOf(roleIds);
    }

    public static Actor dm(String userId) {
        return new Actor(userId, "user" + userId.substring(Math.max(0, userId.length() - 4)), null,
                "7" + userId.substring(1), 0, List.of());
    }

    public static Actor member(String guildId, String channelId, String userId, long permissions, String... roleIds) {
        return new Actor(userId, "member" + userId.substring(Math.max(0, userId.length() - 4)), guildId, channelId,
                permissions, List.of(roleIds));
    }

    public boolean inGuild() {
        return guildId != null;
    }
}
