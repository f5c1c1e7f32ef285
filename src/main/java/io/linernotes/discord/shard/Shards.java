package io.linernotes.discord.shard;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's gateway sessions: one JDA per shard of its {@link ShardPlan}, started through a
 * {@link SpacedSessionController} so IDENTIFYs pass the {@link IdentifyGate}. Keeps each shard's JDA once it
 * is READY (a stopped shard manager forgets them) so the bot can find shard 0 and stop them all.
 */
public final class Shards {
    private static final Logger log = LoggerFactory.getLogger(Shards.class);
    /** Discord's close code for a bot that must shard (too many servers for its shard count). */
    static final int SHARDING_REQUIRED = 4011;

    private final ShardManager manager;
    private final ShardPlan plan;
    private final Map<Integer, JDA> ready;

    private Shards(ShardManager manager, ShardPlan plan, Map<Integer, JDA> ready) {
        this.manager = manager;
        this.plan = plan;
        this.ready = ready;
    }

    /**
     * Logs in every shard of {@code plan} and waits until each is READY. A shard Discord shuts out (4011:
     * sharding required, 4010: invalid shard, a refused token) fails the start with the reason.
     */
    public static Shards start(String token, Collection<GatewayIntent> intents, String apiUrl, String gatewayUrl,
            ShardPlan plan, IdentifyGate gate, Object... listeners) throws InterruptedException {
        Readiness readiness = new Readiness(plan.ids());
        ShardManager manager = DefaultShardManagerBuilder.createLight(token, intents)
                .setRestConfig(new RestConfig().setBaseUrl(apiUrl))
                .setSessionController(new SpacedSessionController(gatewayUrl, gate))
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .setShardsTotal(plan.total())
                .setShards(plan.ids())
                .addEventListeners(readiness)
                .addEventListeners(listeners)
                .build();
        log.info("starting {}; IDENTIFYs are spaced through {}", plan.describe(), gate.describe());
        Shards shards = new Shards(manager, plan, readiness.shards);
        try {
            readiness.await();
        } catch (RuntimeException | InterruptedException e) {
            shards.shutdownNow();
            throw e;
        }
        return shards;
    }

    public ShardPlan plan() {
        return plan;
    }

    /** The READY session of {@code shardId}, or null when this process does not run it. */
    public JDA shard(int shardId) {
        return ready.get(shardId);
    }

    /** The session with the lowest shard id this process runs. */
    public JDA first() {
        return ready.get(plan.ids().get(0));
    }

    public List<JDA> all() {
        return List.copyOf(new TreeMap<>(ready).values());
    }

    /** Closes every session, waiting at most {@code grace} for them together; forces those still open. */
    public void shutdown(Duration grace) throws InterruptedException {
        manager.shutdown();
        long end = System.nanoTime() + grace.toNanos();
        for (JDA jda : all()) {
            long left = Math.max(0, end - System.nanoTime());
            if (!jda.awaitShutdown(Duration.ofNanos(left))) {
                log.warn("shard {} did not stop within {}; forcing it", jda.getShardInfo().getShardId(), grace);
                jda.shutdownNow();
            }
        }
    }

    public void shutdownNow() {
        manager.shutdown();
        for (JDA jda : all()) {
            jda.shutdownNow();
        }
    }

    /** Completes when each shard of the plan has fired READY; fails when one is shut down before that. */
    private static final class Readiness extends ListenerAdapter {
        private final Map<Integer, CompletableFuture<JDA>> pending = new ConcurrentHashMap<>();
        private final Map<Integer, JDA> shards = new ConcurrentHashMap<>();

        Readiness(List<Integer> ids) {
            for (int id : ids) {
                pending.put(id, new CompletableFuture<>());
            }
        }

        @Override
        public void onReady(ReadyEvent event) {
            JDA jda = event.getJDA();
            int id = jda.getShardInfo().getShardId();
            shards.put(id, jda);
            CompletableFuture<JDA> f = pending.get(id);
            if (f != null) {
                f.complete(jda);
            }
        }

        @Override
        public void onShutdown(ShutdownEvent event) {
            int id = event.getJDA().getShardInfo().getShardId();
            CompletableFuture<JDA> f = pending.get(id);
            if (f != null && !f.isDone()) {
                f.completeExceptionally(new IllegalStateException(why(id, event)));
            }
        }

        private static String why(int id, ShutdownEvent event) {
            int code = event.getCode();
            if (code == SHARDING_REQUIRED) {
                return "Discord closed shard " + id + " with 4011 (sharding required): the bot is in too many "
                        + "servers for " + event.getJDA().getShardInfo().getShardTotal() + " shard(s); set "
                        + "discord.shards.total to auto or to Discord's recommendation";
            }
            return "shard " + id + " was shut down before it was ready (close code " + code + ")";
        }

        void await() throws InterruptedException {
            for (Map.Entry<Integer, CompletableFuture<JDA>> e : new TreeMap<>(pending).entrySet()) {
                try {
                    e.getValue().get();
                } catch (ExecutionException failed) {
                    Throwable cause = failed.getCause();
                    throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                }
            }
        }
    }
}
