package io.linernotes.discord.emulation;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A small Discord on 127.0.0.1 for end-to-end tests of the real JDA client: REST ({@link #apiUrl()}) and
 * gateway ({@link #gatewayUrl()}). Tests inject gateway events (interactions, messages, disconnects) and
 * assert on the REST requests the bot made. Waits are bounded; nothing here sleeps to pass time.
 */
public final class DiscordEmulator implements AutoCloseable {
    public static final String BOT_ID = "900000000000000001";
    public static final String BOT_NAME = "LinerNotes";
    public static final long WAIT_MILLIS = 10_000;

    private final Payloads payloads = new Payloads(BOT_ID, BOT_NAME);
    private final EmulatedRest rest;
    private final EmulatedGateway gateway;

    private DiscordEmulator(List<EmulatedGuild> guilds) throws IOException {
        rest = new EmulatedRest(payloads, BOT_ID);
        gateway = new EmulatedGateway(payloads, guilds);
        gateway.start();
        try {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            // getPort() is 0 before the server socket exists and -1 while it is not yet bound: wait for a real port,
            // or JDA gets "ws://127.0.0.1:-1" and fails with "The host part is empty".
            while (gateway.getPort() <= 0 && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
        } catch (RuntimeException e) {
            rest.stop();
            throw e;
        }
        rest.gatewayBot(gatewayUrl(), gateway::maxConcurrency);
    }

    /** Starts an emulation that announces {@code guilds} after READY (none: READY fires at once). */
    public static DiscordEmulator start(EmulatedGuild... guilds) throws IOException {
        return new DiscordEmulator(List.of(guilds));
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + rest.port() + "/api/v10/";
    }

    /** Where this emulation serves attachments: {@code http://127.0.0.1:PORT}. */
    public String fileOrigin() {
        return "http://127.0.0.1:" + rest.port();
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort();
    }

    // ---- what the bot sent ----

    public List<RecordedRequest> requests() {
        return rest.requests();
    }

    public List<RecordedRequest> requests(Predicate<RecordedRequest> wanted) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : rest.requests()) {
            if (wanted.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The first request matching {@code wanted}, waiting up to {@link #WAIT_MILLIS}; fails the test if none. */
    public RecordedRequest await(String what, Predicate<RecordedRequest> wanted) {
        return awaitNth(what, wanted, 1);
    }

    public RecordedRequest awaitNth(String what, Predicate<RecordedRequest> wanted, int nth) {
        try {
            RecordedRequest r = rest.await(wanted, nth, WAIT_MILLIS);
            assertNotNull(r, () -> "no " + what + " within " + WAIT_MILLIS + " ms; received: " + rest.requests());
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    /** The callback (ack) the bot sent for interaction {@code token}. */
    public RecordedRequest awaitCallback(Interaction interaction) {
        return await("callback for " + interaction.id(),
                r -> r.is("POST", "interactions/" + interaction.id() + "/" + interaction.token() + "/callback"));
    }

    /** The n-th webhook request (edit of @original or follow-up) for {@code interaction}'s token. */
    public RecordedRequest awaitWebhook(Interaction interaction, int nth) {
        return awaitNth("webhook #" + nth + " for " + interaction.id(),
                r -> r.path().startsWith("webhooks/" + BOT_ID + "/" + interaction.token()), nth);
    }

    /** The first webhook request for {@code interaction} that satisfies {@code wanted}. */
    public RecordedRequest awaitWebhook(Interaction interaction, String what, Predicate<RecordedRequest> wanted) {
        return await(what, r -> r.path().startsWith("webhooks/" + BOT_ID + "/" + interaction.token()) && wanted.test(r));
    }

    /** The id of the message {@code request} created or edited (an edit of @original keeps one id). */
    public String messageIdOf(RecordedRequest request) {
        try {
            String id = rest.messageIdOf(request, WAIT_MILLIS);
            assertNotNull(id, () -> "no message came of " + request + " within " + WAIT_MILLIS + " ms");
            return id;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for a message id", e);
        }
    }

    public String serveFile(String name, byte[] content) {
        return rest.serveFile(name, content);
    }

    public void rateLimitNext(Predicate<RecordedRequest> route, double retryAfterSeconds) {
        rest.rateLimitNext(route, retryAfterSeconds, false);
    }

    /** The next request matching {@code route} gets a global 429 ({@code X-RateLimit-Global: true}). */
    public void rateLimitGlobally(Predicate<RecordedRequest> route, double retryAfterSeconds) {
        rest.rateLimitNext(route, retryAfterSeconds, true);
    }

    /** The next {@code times} requests matching {@code route} get {@code status} with the JSON body {@code json}. */
    public void failNext(Predicate<RecordedRequest> route, int status, String json, int times) {
        rest.failNext(route, status, json, times);
    }

    /** Every download of a file this emulation serves (working or broken). */
    public List<Download> downloads() {
        return rest.downloads();
    }

    // ---- gateway ----

    public void awaitIdentified(int count) {
        awaitGateway("IDENTIFY #" + count, () -> gateway.identifies() >= count);
    }

    public void awaitResumed(int count) {
        awaitGateway("RESUME #" + count, () -> gateway.resumes() >= count);
    }

    public int identifies() {
        return gateway.identifies();
    }

    // ---- sharding ----

    /** One IDENTIFY the gateway received: shard, shard count, bucket ({@code shard % max_concurrency}), token. */
    public record Identify(int shard, int total, int bucket, long atNanos, String token) {
    }

    /** Every IDENTIFY so far, in the order received. */
    public List<Identify> identifyLog() {
        List<Identify> out = new ArrayList<>();
        for (EmulatedGateway.Identified i : gateway.identifyLog()) {
            out.add(new Identify(i.shard(), i.total(), i.bucket(), i.atNanos(), i.token()));
        }
        return out;
    }

    /** The shard count {@code GET gateway/bot} recommends (1 unless set). */
    public DiscordEmulator recommendShards(int shards) {
        rest.recommendShards(shards);
        return this;
    }

    /** {@code session_start_limit.max_concurrency} (1 unless set); IDENTIFY buckets are {@code shard % level}. */
    public DiscordEmulator maxConcurrency(int level) {
        gateway.maxConcurrency(level);
        return this;
    }

    /** Past this many guilds on one shard an IDENTIFY is refused with 4011 (Discord's limit is 2,500). */
    public DiscordEmulator guildsPerShard(int limit) {
        gateway.guildsPerShard(limit);
        return this;
    }

    /** Waits until {@code shardId} has a live session. */
    public void awaitShardConnected(int shardId) {
        awaitGateway("shard " + shardId + " connected", () -> gateway.connected(shardId));
    }

    /** Waits until {@code shardId} has no live session (its process died or closed it). */
    public void awaitShardGone(int shardId) {
        awaitGateway("shard " + shardId + " gone", () -> !gateway.connected(shardId));
    }

    public boolean shardConnected(int shardId) {
        return gateway.connected(shardId);
    }

    /** Discord's shard for {@code guildId} among {@code total}. */
    public static int shardOf(String guildId, int total) {
        return (int) ((Long.parseLong(guildId) >>> 22) % total);
    }

    /** A snowflake-shaped guild id that Discord routes to {@code shard} of {@code total}; {@code n} tells ids apart. */
    public static String guildIdOnShard(int shard, int total, int n) {
        long timestamp = 1_000_000L * total + shard + (long) n * total;
        return Long.toString(timestamp << 22 | 1);
    }

    public List<com.fasterxml.jackson.databind.JsonNode> gatewayFrames() {
        return gateway.received();
    }

    private void awaitGateway(String what, java.util.function.BooleanSupplier condition) {
        try {
            assertTrue(gateway.await(condition, WAIT_MILLIS), "no " + what + " within " + WAIT_MILLIS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Ends the session for good (see {@link EmulatedGateway#invalidateSession}): JDA must IDENTIFY again. */
    public void invalidateSession(int closeCode) {
        gateway.invalidateSession(closeCode);
    }

    /** Closes the client's socket with 4000 (unknown error): JDA reconnects and resumes. */
    public void dropConnectionForResume() {
        gateway.closeLive(4000);
    }

    // ---- events a user causes ----

    /** A handle on an injected interaction: its id and token, which the bot's replies name in their paths. */
    public record Interaction(String id, String token, long injectedAtNanos) {
    }

    public Interaction slash(Actor actor, String command, ObjectNode... options) {
        ObjectNode data = commandData(command, options);
        return inject(actor, 2, data);
    }

    public Interaction autocomplete(Actor actor, String command, ObjectNode... options) {
        return inject(actor, 4, commandData(command, options));
    }

    public Interaction button(Actor actor, String customId) {
        ObjectNode data = Payloads.JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
        return inject(actor, 3, data);
    }

    public Interaction select(Actor actor, String customId, String... values) {
        ObjectNode data = Payloads.JSON.createObjectNode().put("custom_id", customId).put("component_type", 3);
        ArrayNode v = data.putArray("values");
        for (String value : values) {
            v.add(value);
        }
        return inject(actor, 3, data);
    }

    /** A modal submit with Label-wrapped text inputs, the only shape JDA 6 reads. */
    public Interaction modalSubmit(Actor actor, String customId, Map<String, String> fields) {
        ObjectNode data = Payloads.JSON.createObjectNode().put("custom_id", customId);
        ArrayNode components = data.putArray("components");
        int uid = 1;
        for (Map.Entry<String, String> f : fields.entrySet()) {
            ObjectNode label = components.addObject().put("type", 18).put("id", uid++);
            label.putObject("component").put("type", 4).put("id", uid++).put("custom_id", f.getKey())
                    .put("value", f.getValue());
        }
        return inject(actor, 5, data);
    }

    /** A slash command whose options include one attachment (type 11) resolved to a file this emulation serves. */
    public Interaction slashWithAttachment(Actor actor, String command, String subcommand, String option,
            String fileName, byte[] content) {
        return slashWithAttachment(actor, command, subcommand, option, fileName, content.length,
                serveFile(fileName, content), "text/plain; charset=utf-8");
    }

    /**
     * As above with everything a hostile or broken upload can vary: the size Discord announces (which may not be
     * the file's), the URL (a file that fails, see {@link #serveBroken}) and the content type.
     */
    public Interaction slashWithAttachment(Actor actor, String command, String subcommand, String option,
            String fileName, long declaredSize, String url, String contentType) {
        String attachmentId = Payloads.nextId();
        ObjectNode data = commandData(command, sub(subcommand, attachmentOption(option, attachmentId)));
        ObjectNode attachment = data.putObject("resolved").putObject("attachments").putObject(attachmentId);
        attachment.put("id", attachmentId).put("filename", fileName).put("size", declaredSize).put("url", url)
                .put("proxy_url", url).put("content_type", contentType).put("ephemeral", true);
        return inject(actor, 2, data);
    }

    /** A file served in two halves {@code holdMillis} apart: an upload that stays in flight that long. */
    public String serveSlowly(String name, byte[] content, long holdMillis) {
        return rest.serveSlowly(name, content, holdMillis);
    }

    /** A file URL that redirects to {@code location}. */
    public String serveRedirect(String name, String location) {
        return rest.serveRedirect(name, location);
    }

    public String serveBroken(String name, BrokenFile how) {
        return rest.serveBroken(name, how);
    }

    /** A direct message to the bot; returns the message's id, which the bot's reply references. */
    public String directMessage(Actor actor, String content) {
        ObjectNode message = payloads.userMessage(actor, content, false);
        gateway.dispatch("MESSAGE_CREATE", message);
        return message.path("id").asText();
    }

    /** A guild channel message that mentions the bot as {@code <@BOT_ID>} somewhere in {@code content}. */
    public void mentionInGuild(Actor actor, String content) {
        gateway.dispatch("MESSAGE_CREATE", payloads.userMessage(actor, content, true));
    }

    /**
     * A member's reply in a guild channel to the bot's message {@code botMessageId}. With {@code ping} (Discord's
     * default for replies) the bot is in the message's mentions and gets its text; without it the bot has no
     * Message Content intent, so Discord sends the message with empty content, as it does for any message that
     * does not mention the bot. Returns the new message's id.
     */
    public String replyInGuild(Actor actor, String botMessageId, String content, boolean ping) {
        ObjectNode message = payloads.userMessage(actor, ping ? content : "", ping);
        message.putObject("message_reference").put("type", 0).put("message_id", botMessageId)
                .put("channel_id", actor.channelId()).put("guild_id", actor.guildId());
        ObjectNode referenced = payloads.message(actor.channelId(),
                Payloads.JSON.createObjectNode().put("content", "an earlier answer"), botMessageId);
        referenced.put("guild_id", actor.guildId());
        message.set("referenced_message", referenced);
        message.put("type", 19);
        gateway.dispatch("MESSAGE_CREATE", message);
        return message.path("id").asText();
    }

    private Interaction inject(Actor actor, int type, ObjectNode data) {
        String id = Payloads.nextId();
        String token = "itoken-" + id;
        ObjectNode payload = payloads.interaction(actor, type, id, token, data);
        if (type == 3) {
            payload.set("message", payloads.messageForComponent(actor));
        }
        long at = System.nanoTime();
        gateway.dispatch("INTERACTION_CREATE", payload);
        return new Interaction(id, token, at);
    }

    private static ObjectNode commandData(String command, ObjectNode... options) {
        ObjectNode data = Payloads.JSON.createObjectNode().put("id", Payloads.nextId()).put("name", command)
                .put("type", 1);
        ArrayNode opts = data.putArray("options");
        for (ObjectNode o : options) {
            opts.add(o);
        }
        return data;
    }

    // ---- option builders ----

    public static ObjectNode option(String name, String value) {
        return Payloads.JSON.createObjectNode().put("name", name).put("type", 3).put("value", value);
    }

    public static ObjectNode intOption(String name, long value) {
        return Payloads.JSON.createObjectNode().put("name", name).put("type", 4).put("value", value);
    }

    public static ObjectNode focused(String name, String value) {
        return option(name, value).put("focused", true);
    }

    public static ObjectNode sub(String name, ObjectNode... options) {
        ObjectNode s = Payloads.JSON.createObjectNode().put("name", name).put("type", 1);
        ArrayNode opts = s.putArray("options");
        for (ObjectNode o : options) {
            opts.add(o);
        }
        return s;
    }

    private static ObjectNode attachmentOption(String name, String attachmentId) {
        return Payloads.JSON.createObjectNode().put("name", name).put("type", 11).put("value", attachmentId);
    }

    @Override
    public void close() {
        try {
            gateway.stop(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rest.stop();
    }
}
