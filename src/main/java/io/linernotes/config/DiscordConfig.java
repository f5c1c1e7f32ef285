package io.linernotes.config;

import java.util.List;

/**
 * Discord settings (the token comes only from {@code DISCORD_TOKEN}). {@code devGuilds}: register commands
 * to these servers only (instant, for development) instead of globally; {@code moderatorRoles}: role ids or
 * names that may manage essays besides Manage Server; {@code apiUrl} / {@code gatewayUrl}: Discord's REST
 * base and gateway (a REST proxy or the test emulation), overridden by {@code LINERNOTES_DISCORD_API_URL} and
 * {@code LINERNOTES_DISCORD_GATEWAY_URL}.
 *
 * <p>Abuse limits: {@code userPerMinute} and {@code guildPerMinute} are token buckets on questions (a user,
 * a server); {@code userDailyTokens} is how many language-model tokens one user's answers may use per UTC day
 * (extractive answers cost nothing). Zero means the default.
 */
public record DiscordConfig(List<String> devGuilds, List<String> moderatorRoles, String apiUrl, String gatewayUrl,
        int workers, int queueSize, int userPerMinute, int guildPerMinute, long userDailyTokens) {
    public static final int DEFAULT_USER_PER_MINUTE = 6;
    public static final int DEFAULT_GUILD_PER_MINUTE = 60;
    public static final long DEFAULT_USER_DAILY_TOKENS = 20_000;

    public DiscordConfig {
        devGuilds = devGuilds == null ? List.of() : List.copyOf(devGuilds);
        moderatorRoles = moderatorRoles == null ? List.of() : List.copyOf(moderatorRoles);
        if (apiUrl == null || apiUrl.isBlank()) {
            apiUrl = "https://discord.com/api/v10/";
        }
        if (gatewayUrl == null || gatewayUrl.isBlank()) {
            gatewayUrl = "wss://gateway.discord.gg";
        }
        if (workers == 0) {
            workers = 4;
        }
        if (queueSize == 0) {
            queueSize = 200;
        }
        if (userPerMinute == 0) {
            userPerMinute = DEFAULT_USER_PER_MINUTE;
        }
        if (guildPerMinute == 0) {
            guildPerMinute = DEFAULT_GUILD_PER_MINUTE;
        }
        if (userDailyTokens == 0) {
            userDailyTokens = DEFAULT_USER_DAILY_TOKENS;
        }
        Checks.range("discord.workers", workers, 1, 64);
        Checks.range("discord.queueSize", queueSize, 1, 100_000);
        Checks.range("discord.userPerMinute", userPerMinute, 1, 10_000);
        Checks.range("discord.guildPerMinute", guildPerMinute, 1, 1_000_000);
        Checks.range("discord.userDailyTokens", userDailyTokens, 1, 1_000_000_000L);
    }

    public static DiscordConfig defaults() {
        return new DiscordConfig(null, null, null, null, 0, 0, 0, 0, 0);
    }

    /** The same settings with other abuse limits (zero: the default). */
    public DiscordConfig withLimits(int userPerMinute, int guildPerMinute, long userDailyTokens) {
        return new DiscordConfig(devGuilds, moderatorRoles, apiUrl, gatewayUrl, workers, queueSize, userPerMinute,
                guildPerMinute, userDailyTokens);
    }
}
