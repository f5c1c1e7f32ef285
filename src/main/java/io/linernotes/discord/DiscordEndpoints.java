package io.linernotes.discord;

import io.linernotes.config.DiscordConfig;
import java.util.Map;

/**
 * Where the bot connects: Discord's REST base and gateway from config, each overridable by an environment
 * variable (a REST proxy in production, the emulation in tests). The REST base always ends with a slash
 * because JDA appends routes to it as they are.
 */
public record DiscordEndpoints(String apiUrl, String gatewayUrl) {
    public static final String API_URL_ENV = "LINERNOTES_DISCORD_API_URL";
    public static final String GATEWAY_URL_ENV = "LINERNOTES_DISCORD_GATEWAY_URL";

    public DiscordEndpoints {
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    public static DiscordEndpoints resolve(DiscordConfig config, Map<String, String> env) {
        return new DiscordEndpoints(pick(env.get(API_URL_ENV), config.apiUrl()),
                pick(env.get(GATEWAY_URL_ENV), config.gatewayUrl()));
    }

    private static String pick(String override, String configured) {
        return override == null || override.isBlank() ? configured : override.trim();
    }
}
