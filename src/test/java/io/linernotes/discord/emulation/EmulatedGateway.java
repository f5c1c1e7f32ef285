package io.linernotes.discord.emulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway side of the emulation: HELLO on open, heartbeat ACKs, IDENTIFY → READY (+ GUILD_CREATE per
 * guild), RESUME → RESUMED followed by the dispatches that were queued while the client was away. Every
 * dispatch gets the next sequence number, as Discord's do.
 */
final class EmulatedGateway extends WebSocketServer {
    private static final Logger log = LoggerFactory.getLogger(EmulatedGateway.class);

    private final Payloads payloads;
    private final List<EmulatedGuild> guilds;
    private final Queue<ObjectNode> pending = new ArrayDeque<>();
    private final List<JsonNode> received = new ArrayList<>();
    private WebSocket live;
    private boolean sessionOpen;
    private int seq;
    private String sessionId;
    private int identifies;
    private int resumes;

    EmulatedGateway(Payloads payloads, List<EmulatedGuild> guilds) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.payloads = payloads;
        this.guilds = guilds;
        setReuseAddr(true);
        setConnectionLostTimeout(0);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        synchronized (this) {
            live = conn;
            sessionOpen = false;
        }
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
                identify(conn);
            } else if (op == 6) {
                resume(conn, frame.path("d"));
            }
            notifyAll();
        }
    }

    private void identify(WebSocket conn) {
        identifies++;
        sessionId = "session-" + identifies;
        ObjectNode d = Payloads.JSON.createObjectNode();
        d.put("v", 10).put("session_id", sessionId).put("resume_gateway_url", "ws://127.0.0.1:" + getPort());
        d.set("user", payloads.botUser());
        ArrayNode readyGuilds = d.putArray("guilds");
        for (EmulatedGuild g : guilds) {
            readyGuilds.addObject().put("id", g.id()).put("unavailable", true);
        }
        d.putArray("private_channels");
        d.putObject("application").put("id", payloads.botUser().path("id").asText()).put("flags", 0);
        send(conn, "READY", d);
        for (EmulatedGuild g : guilds) {
            send(conn, "GUILD_CREATE", payloads.guild(g));
        }
        sessionOpen = true;
        flush(conn);
    }

    private void resume(WebSocket conn, JsonNode d) {
        if (sessionId == null || !d.path("session_id").asText().equals(sessionId)) {
            conn.send("{\"op\":9,\"d\":false}");
            return;
        }
        resumes++;
        send(conn, "RESUMED", Payloads.JSON.createObjectNode());
        sessionOpen = true;
        flush(conn);
    }

    private void flush(WebSocket conn) {
        while (!pending.isEmpty()) {
            ObjectNode frame = pending.poll();
            frame.put("s", ++seq);
            conn.send(frame.toString());
        }
    }

    private void send(WebSocket conn, String type, JsonNode d) {
        ObjectNode frame = Payloads.JSON.createObjectNode();
        frame.put("op", 0).put("t", type).put("s", ++seq);
        frame.set("d", d);
        conn.send(frame.toString());
    }

    /** Sends a dispatch now, or queues it until the client has identified or resumed. */
    synchronized void dispatch(String type, JsonNode d) {
        if (live != null && live.isOpen() && sessionOpen) {
            send(live, type, d);
        } else {
            ObjectNode frame = Payloads.JSON.createObjectNode();
            frame.put("op", 0).put("t", type);
            frame.set("d", d);
            pending.add(frame);
        }
    }

    /** Closes the live connection with {@code code}; 4000 tells the client it may resume. */
    synchronized void closeLive(int code) {
        if (live != null) {
            sessionOpen = false;
            live.close(code, "emulated disconnect");
        }
    }

    /**
     * Ends the session so it cannot be resumed: with {@code closeCode} (such as 4009, session timed out) the
     * socket is closed; with 0 an {@code op 9 invalid session, d:false} is sent on the open socket instead.
     * A later RESUME of the old session is answered with op 9 as well, so the client must IDENTIFY anew.
     */
    synchronized void invalidateSession(int closeCode) {
        sessionId = null;
        sessionOpen = false;
        if (live == null) {
            return;
        }
        if (closeCode == 0) {
            live.send("{\"op\":9,\"d\":false}");
        } else {
            live.close(closeCode, "emulated session end");
        }
    }

    synchronized int identifies() {
        return identifies;
    }

    synchronized int resumes() {
        return resumes;
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
            if (conn == live) {
                sessionOpen = false;
            }
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
