package io.linernotes.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How the bot's gateway connection is split into shards, and which of them this process runs.
 *
 * <p>{@code total}: {@code auto} (the number Discord recommends in {@code GET /gateway/bot}, asked at start) or a
 * number of shards; every process of one bot must use the same total. {@code ids}: the shards this process
 * owns, as ids and ranges such as {@code 0-3} or {@code 0-1,4}; {@code all} (the default) owns every shard.
 * Discord sends direct messages to shard 0 only, and the process that owns shard 0 registers the commands.
 */
public record ShardsConfig(String total, String ids) {
    public static final String AUTO = "auto";
    public static final String ALL = "all";
    /** Far above any bot's shard count; it only stops a typo from asking for millions of connections. */
    static final int MAX_TOTAL = 100_000;

    public ShardsConfig {
        total = total == null || total.isBlank() ? AUTO : total.strip().toLowerCase(Locale.ROOT);
        ids = ids == null || ids.isBlank() ? ALL : ids.strip().toLowerCase(Locale.ROOT);
        if (!total.equals(AUTO)) {
            int n = parseNumber("discord.shards.total", total,
                    "'auto' (Discord's recommendation) or a number of shards such as 4");
            Checks.range("discord.shards.total", n, 1, MAX_TOTAL);
            idsWithin(ids, n);
        } else {
            parseIds(ids);
        }
    }

    public static ShardsConfig defaults() {
        return new ShardsConfig(null, null);
    }

    /**
     * These settings with {@code total} and/or {@code ids} replaced where given (not null or blank): the
     * environment overrides of one process ({@code LINERNOTES_SHARDS_TOTAL}, {@code LINERNOTES_SHARDS_IDS}).
     */
    public ShardsConfig overriddenBy(String newTotal, String newIds) {
        return new ShardsConfig(newTotal == null || newTotal.isBlank() ? total : newTotal,
                newIds == null || newIds.isBlank() ? ids : newIds);
    }

    public boolean autoTotal() {
        return total.equals(AUTO);
    }

    /** The configured number of shards; only when {@link #autoTotal()} is false. */
    public int fixedTotal() {
        if (autoTotal()) {
            throw new IllegalStateException("discord.shards.total is auto");
        }
        return Integer.parseInt(total);
    }

    /** The shard ids this process owns out of {@code shardsTotal}, in order; a clear error when one is out of range. */
    public List<Integer> idsWithin(int shardsTotal) {
        return idsWithin(ids, shardsTotal);
    }

    private static List<Integer> idsWithin(String ids, int shardsTotal) {
        List<Integer> parsed = parseIds(ids);
        if (parsed.isEmpty()) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < shardsTotal; i++) {
                all.add(i);
            }
            return List.copyOf(all);
        }
        int highest = parsed.get(parsed.size() - 1);
        if (highest >= shardsTotal) {
            throw new ConfigException("discord.shards.ids: shard " + highest + " does not exist when there are "
                    + shardsTotal + " shards (ids run from 0 to " + (shardsTotal - 1) + ")");
        }
        return parsed;
    }

    /** The ids in {@code ids} in order, or an empty list for {@code all}. */
    private static List<Integer> parseIds(String ids) {
        if (ids.equals(ALL)) {
            return List.of();
        }
        String shape = "shard ids and ranges such as '0-3' or '0-1,4', or 'all'";
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : ids.split(",", -1)) {
            String p = part.strip();
            int dash = p.indexOf('-', 1);
            int from;
            int to;
            if (dash < 0) {
                from = parseNumber("discord.shards.ids", p, shape);
                to = from;
            } else {
                from = parseNumber("discord.shards.ids", p.substring(0, dash).strip(), shape);
                to = parseNumber("discord.shards.ids", p.substring(dash + 1).strip(), shape);
            }
            if (from < 0 || to < 0) {
                throw new ConfigException("discord.shards.ids: '" + p + "': shard ids start at 0");
            }
            if (to < from) {
                throw new ConfigException("discord.shards.ids: '" + p + "' runs backwards; write it as " + to + "-"
                        + from);
            }
            if (to >= MAX_TOTAL) {
                throw new ConfigException("discord.shards.ids: '" + p + "' is past " + (MAX_TOTAL - 1));
            }
            for (int i = from; i <= to; i++) {
                if (!out.add(i)) {
                    throw new ConfigException("discord.shards.ids: shard " + i + " is named twice in '" + ids + "'");
                }
            }
        }
        return List.copyOf(out);
    }

    private static int parseNumber(String key, String text, String shape) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": '" + text + "' is not understood; expected " + shape, e);
        }
    }
}
