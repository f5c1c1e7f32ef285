package io.linernotes.discord.emulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the JSON shapes Discord sends and returns, kept close to Discord's documented objects: users,
 * members, channels, guilds, messages and interactions. Ids are snowflake-like numbers that only grow.
 */
final class Payloads {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String botId;
    private final String botName;

    Payloads(String botId, String botName) {
        this.botId = botId;
        this.botName = botName;
    }

    /** A snowflake of now: JDA reads an interaction's age from its id and refuses to answer expired ones. */
    static String nextId() {
        long millis = System.currentTimeMillis() - DISCORD_EPOCH;
        return Long.toString((millis << 22) | (SEQUENCE.incrementAndGet() & 0xFFF));
    }

    ObjectNode botUser() {
        ObjectNode user = user(botId, botName);
        user.put("bot", true);
        return user;
    }

    static ObjectNode user(String id, String name) {
        ObjectNode user = JSON.createObjectNode();
        user.put("id", id).put("username", name).put("discriminator", "0").put("global_name", name);
        user.putNull("avatar");
        return user;
    }

    static ObjectNode member(Actor actor) {
        ObjectNode member = JSON.createObjectNode();
        member.set("user", user(actor.userId(), actor.userName()));
        ArrayNode roles = member.putArray("roles");
        actor.roleIds().forEach(roles::add);
        member.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        member.put("deaf", false).put("mute", false).put("pending", false).put("flags", 0);
        member.put("permissions", Long.toString(actor.permissions()));
        return member;
    }

    static ObjectNode channel(Actor actor) {
        ObjectNode channel = JSON.createObjectNode();
        channel.put("id", actor.channelId());
        if (actor.inGuild()) {
            channel.put("type", 0).put("name", "general").put("position", 0).put("guild_id", actor.guildId())
                    .put("permissions", Long.toString(actor.permissions())).put("nsfw", false);
            channel.putArray("permission_overwrites");
        } else {
            channel.put("type", 1);
            channel.putArray("recipients").add(user(actor.userId(), actor.userName()));
        }
        return channel;
    }

    /** A guild as GUILD_CREATE carries it: one text channel, the @everyone role and the given roles. */
    ObjectNode guild(EmulatedGuild guild) {
        ObjectNode g = JSON.createObjectNode();
        g.put("id", guild.id()).put("name", "Guild " + guild.id()).put("owner_id", "1000")
                .put("member_count", 2).put("large", false).put("unavailable", false)
                .put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0)
                .put("premium_tier", 0).put("preferred_locale", "en-US").put("system_channel_flags", 0)
                .put("afk_timeout", 300).put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        g.putNull("icon");
        g.putArray("features");
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("threads");
        g.putArray("stage_instances");
        g.putArray("guild_scheduled_events");
        ArrayNode roles = g.putArray("roles");
        roles.add(role(guild.id(), "@everyone", Actor.MEMBER, 0));
        int position = 1;
        for (Map.Entry<String, Long> r : guild.roles().entrySet()) {
            roles.add(role(r.getKey(), guild.roleNames().getOrDefault(r.getKey(), "role" + position), r.getValue(),
                    position++));
        }
        ObjectNode text = JSON.createObjectNode();
        text.put("id", guild.channelId()).put("type", 0).put("name", "general").put("position", 0)
                .put("guild_id", guild.id()).put("nsfw", false);
        text.putNull("parent_id");
        text.putArray("permission_overwrites");
        g.putArray("channels").add(text);
        ObjectNode self = JSON.createObjectNode();
        self.set("user", botUser());
        self.putArray("roles");
        self.put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false);
        g.putArray("members").add(self);
        return g;
    }

    private static ObjectNode role(String id, String name, long permissions, int position) {
        ObjectNode role = JSON.createObjectNode();
        role.put("id", id).put("name", name).put("permissions", Long.toString(permissions))
                .put("position", position).put("color", 0).put("hoist", false).put("managed", false)
                .put("mentionable", false).put("flags", 0);
        ObjectNode colors = role.putObject("colors");
        colors.put("primary_color", 0);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        return role;
    }

    /** A message as Discord returns it after a create or an edit, echoing what was sent. */
    ObjectNode message(String channelId, JsonNode sent, String messageId) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", messageId).put("type", 0).put("channel_id", channelId)
                .put("content", sent.path("content").asText(""))
                .put("timestamp", Instant.now().toString()).put("tts", false).put("mention_everyone", false)
                .put("pinned", false).put("flags", sent.path("flags").asInt(0));
        m.putNull("edited_timestamp");
        m.set("author", botUser());
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("components");
        ArrayNode embeds = m.putArray("embeds");
        for (JsonNode e : sent.path("embeds")) {
            // Discord adds the embed type on the way back; JDA refuses embeds without it.
            embeds.add(((ObjectNode) e.deepCopy()).put("type", "rich"));
        }
        return m;
    }

    /** The message a button or select menu is attached to, as a component interaction carries it. */
    ObjectNode messageForComponent(Actor actor) {
        ObjectNode m = message(actor.channelId(), JSON.createObjectNode().put("content", "earlier answer"), nextId());
        m.putArray("components");
        return m;
    }

    ObjectNode interaction(Actor actor, int type, String id, String token, ObjectNode data) {
        ObjectNode i = JSON.createObjectNode();
        i.put("id", id).put("application_id", botId).put("type", type).put("token", token).put("version", 1)
                .put("channel_id", actor.channelId()).put("locale", "en-US")
                .put("app_permissions", Long.toString(Actor.MEMBER)).put("attachment_size_limit", 10_485_760);
        i.set("channel", channel(actor));
        i.putArray("entitlements");
        ObjectNode owners = i.putObject("authorizing_integration_owners");
        if (actor.inGuild()) {
            i.put("guild_id", actor.guildId()).put("guild_locale", "en-US").put("context", 0);
            ObjectNode guild = i.putObject("guild");
            guild.put("id", actor.guildId()).put("locale", "en-US");
            guild.putArray("features");
            i.set("member", member(actor));
            owners.put("0", actor.guildId());
        } else {
            i.put("context", 1);
            i.set("user", user(actor.userId(), actor.userName()));
            owners.put("1", actor.userId());
        }
        if (data != null) {
            i.set("data", data);
        }
        return i;
    }

    /** A MESSAGE_CREATE payload: a DM when the actor has no guild, else a guild message. */
    ObjectNode userMessage(Actor actor, String content, boolean mentionsBot) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", nextId()).put("type", 0).put("channel_id", actor.channelId()).put("content", content)
                .put("timestamp", Instant.now().toString()).put("tts", false).put("mention_everyone", false)
                .put("pinned", false).put("flags", 0);
        m.putNull("edited_timestamp");
        m.set("author", user(actor.userId(), actor.userName()));
        ArrayNode mentions = m.putArray("mentions");
        if (mentionsBot) {
            mentions.add(botUser());
        }
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.putArray("components");
        if (actor.inGuild()) {
            m.put("guild_id", actor.guildId());
            ObjectNode member = member(actor);
            member.remove("user");
            m.set("member", member);
        }
        return m;
    }
}
