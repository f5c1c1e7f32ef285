package io.linernotes.discord.shard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDA's hook for starting gateway sessions, run through an {@link IdentifyGate}: every connect (first login,
 * or a reconnect that must IDENTIFY again) waits in its bucket's queue, and each bucket's queue is worked by
 * one thread that passes the gate before it lets JDA connect. Buckets are independent, as Discord's are.
 *
 * <p>It also points JDA at the configured gateway URL (Discord's, or a test's emulation) instead of the one
 * {@code GET /gateway/bot} names, while keeping that call's shard count and {@code max_concurrency}.
 */
public final class SpacedSessionController extends SessionControllerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SpacedSessionController.class);
    /** How long a bucket waits after the gate's database could not be reached before it asks again. */
    static final long GATE_RETRY_MILLIS = 5_000;

    private final String gatewayUrl;
    private final IdentifyGate gate;
    private final Map<Integer, Bucket> buckets = new HashMap<>();
    private int concurrency = 1;

    public SpacedSessionController(String gatewayUrl, IdentifyGate gate) {
        this.gatewayUrl = gatewayUrl;
        this.gate = gate;
    }

    /** Discord's {@code max_concurrency}: JDA passes it on from {@code GET /gateway/bot} before the first connect. */
    @Override
    public synchronized void setConcurrency(int level) {
        if (level < 1) {
            throw new IllegalArgumentException("max_concurrency must be at least 1, not " + level);
        }
        concurrency = level;
    }

    public synchronized int concurrency() {
        return concurrency;
    }

    @Override
    public void appendSession(SessionConnectNode node) {
        bucketOf(node).add(node);
    }

    @Override
    public void removeSession(SessionConnectNode node) {
        bucketOf(node).remove(node);
    }

    private synchronized Bucket bucketOf(SessionConnectNode node) {
        int bucket = node.getShardInfo().getShardId() % concurrency;
        return buckets.computeIfAbsent(bucket, Bucket::new);
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway asked = super.getShardedGateway(api);
        return new ShardedGateway(gatewayUrl, asked.getShardTotal(), asked.getConcurrency());
    }

    /** One bucket's waiting connects and the thread (present only while there is work) that runs them. */
    private final class Bucket {
        private final int id;
        private final Deque<SessionConnectNode> waiting = new ArrayDeque<>();
        private Thread worker;

        Bucket(int id) {
            this.id = id;
        }

        synchronized void add(SessionConnectNode node) {
            waiting.remove(node);
            waiting.addLast(node);
            if (worker == null) {
                worker = new Thread(this::work, "identify-bucket-" + id);
                worker.setDaemon(true);
                worker.start();
            }
        }

        synchronized void remove(SessionConnectNode node) {
            waiting.remove(node);
        }

        private synchronized SessionConnectNode next() {
            SessionConnectNode node = waiting.pollFirst();
            if (node == null) {
                worker = null;
            }
            return node;
        }

        private synchronized void putBack(SessionConnectNode node) {
            if (!waiting.contains(node)) {
                waiting.addFirst(node);
            }
        }

        private void work() {
            for (SessionConnectNode node = next(); node != null; node = next()) {
                try {
                    connect(node);
                } catch (InterruptedException e) {
                    putBack(node);
                    synchronized (this) {
                        worker = null;
                    }
                    log.warn("IDENTIFY bucket {} was interrupted; its waiting shards stay queued", id);
                    return;
                }
            }
        }

        private void connect(SessionConnectNode node) throws InterruptedException {
            int shard = node.getShardInfo().getShardId();
            while (true) {
                try {
                    gate.pass(id, () -> {
                        log.debug("shard {} may connect (bucket {}, gate in {})", shard, id, gate.describe());
                        node.run(false);
                    });
                    return;
                } catch (PostgresIdentifyGate.GateUnavailableException e) {
                    log.warn("shard {} waits to connect: {}; asking again in {} ms", shard, e.getMessage(),
                            GATE_RETRY_MILLIS);
                    Thread.sleep(GATE_RETRY_MILLIS);
                } catch (RuntimeException e) {
                    // JDA throws when a connect fails half-way (handshake refused, host unknown): try the shard again
                    // after the bucket's spacing, which the gate has already waited out.
                    log.warn("shard {} could not connect; it goes back in the queue: {}", shard, e.toString());
                    putBack(node);
                    return;
                }
            }
        }
    }
}
