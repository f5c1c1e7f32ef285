package io.linernotes.config;

import java.net.URI;
import java.util.List;

/**
 * Discord settings (the token comes only from {@code DISCORD_TOKEN}). {@code devGuilds}: register commands
 * to these servers only (instant, for development) instead of globally; {@code moderatorRoles}: role ids that
 * may manage essays besides Manage Server (ids only: anyone with Manage Roles can give any role any name);
 * {@code apiUrl} / {@code gatewayUrl}: Discord's REST base and gateway (a REST proxy or the test emulation),
 * overridden by {@code LINERNOTES_DISCORD_API_URL} and {@code LINERNOTES_DISCORD_GATEWAY_URL}.
 *
 * <p>Abuse limits: {@code userPerMinute} and {@code guildPerMinute} are token buckets on questions and essay
 * commands (a user, a server); {@code userDailyTokens} is how many language-model tokens one user's answers
 * may use per UTC day (extractive answers cost nothing). Zero means the default.
 *
 * <p>Essay work (moderators' commands, imports) runs on its own pool of {@code essayWorkers} threads with
 * {@code essayQueueSize} places, apart from the {@code workers} that answer questions. Attachments are
 * downloaded only from {@code attachmentHosts} (host names, https only; or whole origins such as
 * {@code http://127.0.0.1:8080} for a test or a local proxy), within {@code downloadSeconds} for the whole file.
 *
 * <p>{@code shards}: how many gateway shards the bot has and which of them this process runs (see
 * {@link ShardsConfig}).
 */
public record DiscordConfig(List<String> devGuilds, List<String> moderatorRoles, String apiUrl, String gatewayUrl,
        int workers, int queueSize, int userPerMinute, int guildPerMinute, long userDailyTokens, int essayWorkers,
        int essayQueueSize, List<String> attachmentHosts, int downloadSeconds, ShardsConfig shards) {
    public static final int DEFAULT_USER_PER_MINUTE = 6;
    public static final int DEFAULT_GUILD_PER_MINUTE = 60;
    public static final long DEFAULT_USER_DAILY_TOKENS = 20_000;
    /** Where Discord serves attachments. */
    public static final List<String> DISCORD_ATTACHMENT_HOSTS = List.of("cdn.discordapp.com", "media.discordapp.net");

    public DiscordConfig {
        devGuilds = devGuilds == null ? List.of() : List.copyOf(devGuilds);
        moderatorRoles = moderatorRoles == null ? List.of() : moderatorRoles.stream().map(String::strip).toList();
        for (String role : moderatorRoles) {
            if (!role.matches("[0-9]{1,20}")) {
                throw new ConfigException("discord.moderatorRoles: '" + role + "' is not a role id; roles are matched "
                        + "by id only (a role's name can be given to any role by anyone with Manage Roles). Copy "
                        + "the id with Discord's developer mode: Server Settings > Roles > … > Copy Role ID");
            }
        }
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
        if (essayWorkers == 0) {
            essayWorkers = 1;
        }
        if (essayQueueSize == 0) {
            essayQueueSize = 20;
        }
        attachmentHosts = attachmentHosts == null || attachmentHosts.isEmpty() ? DISCORD_ATTACHMENT_HOSTS
                : List.copyOf(attachmentHosts);
        for (String host : attachmentHosts) {
            checkHost(host);
        }
        if (downloadSeconds == 0) {
            downloadSeconds = 15;
        }
        shards = shards == null ? ShardsConfig.defaults() : shards;
        Checks.range("discord.workers", workers, 1, 64);
        Checks.range("discord.queueSize", queueSize, 1, 100_000);
        Checks.range("discord.userPerMinute", userPerMinute, 1, 10_000);
        Checks.range("discord.guildPerMinute", guildPerMinute, 1, 1_000_000);
        Checks.range("discord.userDailyTokens", userDailyTokens, 1, 1_000_000_000L);
        Checks.range("discord.essayWorkers", essayWorkers, 1, 16);
        Checks.range("discord.essayQueueSize", essayQueueSize, 1, 10_000);
        Checks.range("discord.downloadSeconds", downloadSeconds, 1, 300);
    }

    /** The settings before sharding was configurable: every shard, as many as Discord recommends. */
    public DiscordConfig(List<String> devGuilds, List<String> moderatorRoles, String apiUrl, String gatewayUrl,
            int workers, int queueSize, int userPerMinute, int guildPerMinute, long userDailyTokens, int essayWorkers,
            int essayQueueSize, List<String> attachmentHosts, int downloadSeconds) {
        this(devGuilds, moderatorRoles, apiUrl, gatewayUrl, workers, queueSize, userPerMinute, guildPerMinute,
                userDailyTokens, essayWorkers, essayQueueSize, attachmentHosts, downloadSeconds, null);
    }

    /** The settings before essay pools and attachment rules were configurable; those at their defaults. */
    public DiscordConfig(List<String> devGuilds, List<String> moderatorRoles, String apiUrl, String gatewayUrl,
            int workers, int queueSize, int userPerMinute, int guildPerMinute, long userDailyTokens) {
        this(devGuilds, moderatorRoles, apiUrl, gatewayUrl, workers, queueSize, userPerMinute, guildPerMinute,
                userDailyTokens, 0, 0, null, 0);
    }

    private static void checkHost(String host) {
        String h = host == null ? "" : host.strip();
        if (h.contains("://")) {
            URI origin;
            try {
                origin = URI.create(h);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("discord.attachmentHosts: '" + host + "' is not an origin", e);
            }
            boolean web = "https".equals(origin.getScheme()) || "http".equals(origin.getScheme());
            String path = origin.getRawPath();
            if (!web || origin.getHost() == null || (path != null && !path.isEmpty() && !path.equals("/"))) {
                throw new ConfigException("discord.attachmentHosts: '" + host + "' must be a host name or an "
                        + "origin such as http://127.0.0.1:8080");
            }
        } else if (!h.matches("[A-Za-z0-9.-]+")) {
            throw new ConfigException("discord.attachmentHosts: '" + host + "' is not a host name");
        }
    }

    public static DiscordConfig defaults() {
        return new DiscordConfig(null, null, null, null, 0, 0, 0, 0, 0, 0, 0, null, 0, null);
    }

    /** The same settings with other abuse limits (zero: the default). */
    public DiscordConfig withLimits(int userPerMinute, int guildPerMinute, long userDailyTokens) {
        return new DiscordConfig(devGuilds, moderatorRoles, apiUrl, gatewayUrl, workers, queueSize, userPerMinute,
                guildPerMinute, userDailyTokens, essayWorkers, essayQueueSize, attachmentHosts, downloadSeconds, shards);
    }

    /** The same settings, downloading attachments only from {@code hosts} within {@code seconds}. */
    public DiscordConfig withAttachments(List<String> hosts, int seconds) {
        return new DiscordConfig(devGuilds, moderatorRoles, apiUrl, gatewayUrl, workers, queueSize, userPerMinute,
                guildPerMinute, userDailyTokens, essayWorkers, essayQueueSize, hosts, seconds, shards);
    }

    /** The same settings running {@code newShards}. */
    public DiscordConfig withShards(ShardsConfig newShards) {
        return new DiscordConfig(devGuilds, moderatorRoles, apiUrl, gatewayUrl, workers, queueSize, userPerMinute,
                guildPerMinute, userDailyTokens, essayWorkers, essayQueueSize, attachmentHosts, downloadSeconds,
                newShards);
    }
}
