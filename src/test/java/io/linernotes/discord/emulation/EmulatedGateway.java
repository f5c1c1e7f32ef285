package io.linernotes.discord.emulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway side of the emulation: HELLO on open, heartbeat ACKs, IDENTIFY → READY (+ GUILD_CREATE per
 * guild of that shard), RESUME → RESUMED followed by the dispatches that were queued while the shard was away.
 * Every dispatch gets the next sequence number, as Discord's do.
 *
 * <p>Sharding as Discord does it: an IDENTIFY carries {@code shard: [id, total]} (none means {@code [0, 1]});
 * a guild's events go to shard {@code (guild_id >> 22) % total}, everything without a guild (direct messages)
 * to shard 0. A shard with more guilds than {@link #guildsPerShard} is closed with 4011 (sharding required).
 * Every IDENTIFY is logged with its bucket ({@code shard % max_concurrency}) and time.
 */
final class EmulatedGateway extends WebSocketServer {
    private static final Logger log = LoggerFactory.getLogger(EmulatedGateway.class);
    static final int SHARDING_REQUIRED = 4011;

    private final Payloads payloads;
    private final List<EmulatedGuild> guilds;
    private final List<JsonNode> received = new ArrayList<>();
    private final Map<Integer, Shard> shards = new HashMap<>();
    private final Map<WebSocket, Integer> shardOfConnection = new HashMap<>();
    private final List<Identified> identifyLog = new ArrayList<>();
    /** The shard count the bot identified with; events are routed by it (1 until the first IDENTIFY). */
    private int total = 1;
    private int seq;
    private int identifies;
    private int resumes;
    private int guildsPerShard = 2_500;
    private int maxConcurrency = 1;

    /** One IDENTIFY: which shard, out of how many, in which bucket, when, and with which token. */
    record Identified(int shard, int total, int bucket, long atNanos, String token) {
    }

    /** What the emulation keeps per shard: its live socket, whether its session is open, what waits for it. */
    private static final class Shard {
        WebSocket live;
        boolean open;
        String sessionId;
        final Queue<ObjectNode> pending = new ArrayDeque<>();
    }

    EmulatedGateway(Payloads payloads, List<EmulatedGuild> guilds) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.payloads = payloads;
        this.guilds = guilds;
        setReuseAddr(true);
        setConnectionLostTimeout(0);
    }

    synchronized void guildsPerShard(int limit) {
        guildsPerShard = limit;
    }

    synchronized void maxConcurrency(int level) {
        maxConcurrency = level;
    }

    synchronized int maxConcurrency() {
        return maxConcurrency;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":30000}}");
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode frame;
        try {
            frame = Payloads.JSON.readTree(message);
        } catch (java.io.IOException e) {
            log.warn("gateway frame is not JSON: {}", message);
            return;
        }
        synchronized (this) {
            received.add(frame);
            int op = frame.path("op").asInt(-1);
            if (op == 1) {
                conn.send("{\"op\":11}");
            } else if (op == 2) {
                identify(conn, frame.path("d"));
            } else if (op == 6) {
                resume(conn, frame.path("d"));
            }
            notifyAll();
        }
    }

    private void identify(WebSocket conn, JsonNode d) {
        identifies++;
        JsonNode shardField = d.path("shard");
        int id = shardField.isArray() ? shardField.path(0).asInt() : 0;
        int of = shardField.isArray() ? shardField.path(1).asInt() : 1;
        identifyLog.add(new Identified(id, of, id % maxConcurrency, System.nanoTime(), d.path("token").asText()));
        total = of;
        List<EmulatedGuild> own = new ArrayList<>();
        for (EmulatedGuild g : guilds) {
            if (shardOf(g.id()) == id) {
                own.add(g);
            }
        }
        if (own.size() > guildsPerShard) {
            conn.close(SHARDING_REQUIRED, "Sharding required.");
            return;
        }
        Shard shard = shards.computeIfAbsent(id, k -> new Shard());
        if (shard.live != null && shard.live != conn && shard.live.isOpen()) {
            // A second session of one shard: Discord keeps the newest; the old socket is closed.
            shard.live.close(4000, "replaced by a new session");
        }
        shard.live = conn;
        shardOfConnection.put(conn, id);
        shard.sessionId = "session-" + identifies;
        ObjectNode ready = Payloads.JSON.createObjectNode();
        ready.put("v", 10).put("session_id", shard.sessionId).put("resume_gateway_url", "ws://127.0.0.1:" + getPort());
        ready.set("user", payloads.botUser());
        ArrayNode readyGuilds = ready.putArray("guilds");
        for (EmulatedGuild g : own) {
            readyGuilds.addObject().put("id", g.id()).put("unavailable", true);
        }
        ready.putArray("private_channels");
        ready.putArray("shard").add(id).add(of);
        ready.putObject("application").put("id", payloads.botUser().path("id").asText()).put("flags", 0);
        send(conn, "READY", ready);
        for (EmulatedGuild g : own) {
            send(conn, "GUILD_CREATE", payloads.guild(g));
        }
        shard.open = true;
        flush(shard);
    }

    private void resume(WebSocket conn, JsonNode d) {
        String asked = d.path("session_id").asText();
        for (Map.Entry<Integer, Shard> e : shards.entrySet()) {
            Shard shard = e.getValue();
            if (shard.sessionId != null && shard.sessionId.equals(asked)) {
                resumes++;
                shard.live = conn;
                shardOfConnection.put(conn, e.getKey());
                send(conn, "RESUMED", Payloads.JSON.createObjectNode());
                shard.open = true;
                flush(shard);
                return;
            }
        }
        conn.send("{\"op\":9,\"d\":false}");
    }

    /** Discord's routing: a guild's shard from its id; no guild means shard 0. */
    private int shardOf(String guildId) {
        return guildId == null || guildId.isEmpty() ? 0 : (int) ((Long.parseLong(guildId) >>> 22) % total);
    }

    private void flush(Shard shard) {
        while (!shard.pending.isEmpty()) {
            ObjectNode frame = shard.pending.poll();
            frame.put("s", ++seq);
            shard.live.send(frame.toString());
        }
    }

    private void send(WebSocket conn, String type, JsonNode d) {
        ObjectNode frame = Payloads.JSON.createObjectNode();
        frame.put("op", 0).put("t", type).put("s", ++seq);
        frame.set("d", d);
        conn.send(frame.toString());
    }

    /** Sends a dispatch to the shard that owns it now, or queues it until that shard has identified or resumed. */
    synchronized void dispatch(String type, JsonNode d) {
        String guildId = d.hasNonNull("guild_id") ? d.path("guild_id").asText() : null;
        Shard shard = shards.computeIfAbsent(shardOf(guildId), k -> new Shard());
        if (shard.live != null && shard.live.isOpen() && shard.open) {
            send(shard.live, type, d);
        } else {
            ObjectNode frame = Payloads.JSON.createObjectNode();
            frame.put("op", 0).put("t", type);
            frame.set("d", d);
            shard.pending.add(frame);
        }
    }

    /** Closes every shard's live connection with {@code code}; 4000 tells the client it may resume. */
    synchronized void closeLive(int code) {
        for (Shard shard : shards.values()) {
            if (shard.live != null) {
                shard.open = false;
                shard.live.close(code, "emulated disconnect");
            }
        }
    }

    /**
     * Ends every shard's session so it cannot be resumed: with {@code closeCode} (such as 4009, session timed
     * out) the socket is closed; with 0 an {@code op 9 invalid session, d:false} is sent on the open socket
     * instead. A later RESUME of the old session is answered with op 9 as well, so the client must IDENTIFY anew.
     */
    synchronized void invalidateSession(int closeCode) {
        for (Shard shard : shards.values()) {
            shard.sessionId = null;
            shard.open = false;
            if (shard.live == null) {
                continue;
            }
            if (closeCode == 0) {
                shard.live.send("{\"op\":9,\"d\":false}");
            } else {
                shard.live.close(closeCode, "emulated session end");
            }
        }
    }

    synchronized int identifies() {
        return identifies;
    }

    synchronized List<Identified> identifyLog() {
        return List.copyOf(identifyLog);
    }

    synchronized int resumes() {
        return resumes;
    }

    /** Whether {@code shardId} has a live, identified session now. */
    synchronized boolean connected(int shardId) {
        Shard shard = shards.get(shardId);
        return shard != null && shard.open && shard.live != null && shard.live.isOpen();
    }

    synchronized List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** Waits (bounded) until {@code condition} holds; the gateway notifies on every frame it receives. */
    synchronized boolean await(java.util.function.BooleanSupplier condition, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 50));
        }
        return true;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        synchronized (this) {
            Integer id = shardOfConnection.remove(conn);
            Shard shard = id == null ? null : shards.get(id);
            if (shard != null && shard.live == conn) {
                shard.open = false;
            }
            notifyAll();
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        log.debug("gateway connection error", ex);
    }

    @Override
    public void onStart() {
        log.debug("emulated gateway listening on {}", getPort());
    }
}
