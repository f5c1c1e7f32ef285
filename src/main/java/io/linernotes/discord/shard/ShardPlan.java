package io.linernotes.discord.shard;

import io.linernotes.config.ConfigException;
import io.linernotes.config.ShardsConfig;
import java.io.IOException;
import java.util.List;

/**
 * The shards of this process: how many the bot has in all and which this process runs. Discord routes a
 * guild's events to shard {@code (guild_id >> 22) % total} and direct messages to shard 0.
 */
public record ShardPlan(int total, List<Integer> ids) {
    /** Overrides {@code discord.shards.total} for one process (so several can share one config file). */
    public static final String TOTAL_ENV = "LINERNOTES_SHARDS_TOTAL";
    /** Overrides {@code discord.shards.ids} for one process. */
    public static final String IDS_ENV = "LINERNOTES_SHARDS_IDS";

    public ShardPlan {
        ids = List.copyOf(ids);
        if (total < 1 || ids.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one shard: total " + total + ", ids " + ids);
        }
        for (int id : ids) {
            if (id < 0 || id >= total) {
                throw new IllegalArgumentException("shard " + id + " is outside 0.." + (total - 1));
            }
        }
    }

    /**
     * The plan {@code config} asks for: a fixed total as it is, {@code auto} from Discord's recommendation
     * ({@code GET /gateway/bot} at {@code apiUrl}). A shard id beyond the total is a {@link ConfigException}.
     */
    public static ShardPlan resolve(ShardsConfig config, String apiUrl, String token)
            throws IOException, InterruptedException {
        int total = config.autoTotal() ? GatewayBot.ask(apiUrl, token).shards() : config.fixedTotal();
        try {
            return new ShardPlan(total, config.idsWithin(total));
        } catch (ConfigException e) {
            if (config.autoTotal()) {
                throw new ConfigException(e.getMessage() + " (Discord recommends " + total + " shards for this bot; "
                        + "with several processes set discord.shards.total to one number in all of them)", e);
            }
            throw e;
        }
    }

    public boolean owns(int shardId) {
        return ids.contains(shardId);
    }

    /** The shard Discord sends {@code guildId}'s events to. */
    public int shardOf(long guildId) {
        return (int) ((guildId >>> 22) % total);
    }

    /** "shards 0-1 of 4" style, for logs. */
    public String describe() {
        int first = ids.get(0);
        int last = ids.get(ids.size() - 1);
        String which = ids.size() == last - first + 1 ? (first == last ? "shard " + first : "shards " + first + "-" + last)
                : "shards " + ids;
        return which + " of " + total;
    }
}
