package io.linernotes.config;

import java.util.List;

/**
 * Discord settings (the token comes only from {@code DISCORD_TOKEN}). {@code devGuilds}: register commands
 * to these servers only (instant, for development) instead of globally; {@code moderatorRoles}: role ids or
 * names that may manage essays besides Manage Server; {@code apiUrl} / {@code gatewayUrl}: Discord's REST
 * base and gateway (a REST proxy or the test emulation), overridden by {@code LINERNOTES_DISCORD_API_URL} and
 * {@code LINERNOTES_DISCORD_GATEWAY_URL}.
 */
public record DiscordConfig(List<String> devGuilds, List<String> moderatorRoles, String apiUrl, String gatewayUrl,
        int workers, int queueSize) {
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
        Checks.range("discord.workers", workers, 1, 64);
        Checks.range("discord.queueSize", queueSize, 1, 100_000);
    }

    public static DiscordConfig defaults() {
        return new DiscordConfig(null, null, null, null, 0, 0);
    }
}
