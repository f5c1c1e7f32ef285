package io.linernotes.app;

import io.linernotes.answer.AnswerService;
import io.linernotes.config.AppConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayChanges;
import io.linernotes.essay.EssayParser;
import io.linernotes.essay.EssayService;
import io.linernotes.essay.EssayStore;
import io.linernotes.essay.SqlAnswerCache;
import io.linernotes.essay.SqlEssayStore;
import io.linernotes.store.Database;
import io.linernotes.model.AnswerModel;
import io.linernotes.model.AnswerModels;
import io.linernotes.model.CachingAnswerModel;
import io.linernotes.prompt.PromptBuilder;
import io.linernotes.prompt.PromptTemplates;
import io.linernotes.retrieval.CachingEmbedder;
import io.linernotes.retrieval.Chunker;
import io.linernotes.retrieval.Embedder;
import io.linernotes.retrieval.HybridRetriever;
import io.linernotes.retrieval.IndexLayout;
import io.linernotes.retrieval.IndexMaintainer;
import io.linernotes.retrieval.LuceneIndex;
import io.linernotes.song.SavedCatalogueIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer engine wired together: store, index, catalogue, prompts and model. Transports (console, CLI,
 * Discord) open one engine and use {@link #answers()} and {@link #essays()}.
 */
public final class Engine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final Database database;
    private final SqlEssayStore store;
    private final LuceneIndex index;
    private final Embedders embedders;
    private final CachingEmbedder embedder;
    private volatile IndexMaintainer.Progress indexProgress = IndexMaintainer.Progress.NONE;
    private final IndexMaintainer maintainer;
    private final StoreFollower follower;
    private final AutoCloseable following;
    private final AnswerService answers;
    private final HybridRetriever retriever;
    private final EssayService essays;
    private final StartReport startReport;
    private final SqlAnswerCache answerCache;
    private final CachingAnswerModel cachingModel;

    /** What start-up did, for the CLI to report. */
    /**
     * What start-up did, for the CLI to report. {@code changesCaughtUp}: entries of the store's change log the
     * index applied at start (written by other processes while this one was down, or by an import cut short).
     */
    public record StartReport(long millis, int essays, boolean demoImported, boolean indexRebuilt,
            long changesCaughtUp) {
    }

    private Engine(AppConfig config, Path promptsDir, Function<String, String> env,
            IndexMaintainer.Progress startProgress, Clock clock) {
        long started = System.nanoTime();
        Path dataDir = Path.of(config.data().dir()).toAbsolutePath();
        DataDirCheck.requireWritable(dataDir, dataDir.resolve(Database.DEFAULT_FILE));
        PromptTemplates templates = PromptTemplates.load(promptsDir);
        AnswerModel model = AnswerModels.create(config.model(), env);
        // Embedders first: a refused embedding server must fail the start before anything else is open.
        this.embedders = Embedders.open(config, dataDir, env);
        Database opened;
        try {
            opened = Database.open(config.store(), dataDir, env, clock);
        } catch (RuntimeException e) {
            embedders.close();
            throw e;
        }
        this.database = opened;
        this.store = SqlEssayStore.on(database);
        // Only answers a language model writes are worth keeping; extractive ones cost nothing to write again.
        this.answerCache = config.answerCache().enabled() && !config.model().isExtractive()
                ? new SqlAnswerCache(database) : null;
        this.cachingModel = answerCache == null ? null : new CachingAnswerModel(model, answerCache,
                CachingAnswerModel.settingsOf(config.model()), Duration.ofMinutes(config.answerCache().ttlMinutes()),
                clock);
        this.embedder = embedders.cache();
        this.index = LuceneIndex.open(dataDir.resolve("index"), IndexLayout.of(config.retrieval(), embedder));
        this.maintainer = new IndexMaintainer(index, Chunker.of(config.retrieval()), embedder);
        // Questions go to the model directly: caching every question's vector would only grow the cache.
        Embedder questions = embedders.model();
        // Essays behind passages come through copies kept of those read lately: a store whose server is lost
        // does not stop answers from the local index (20 million characters: ~40 MB at most).
        HybridRetriever retriever = new HybridRetriever(index, questions,
                new EssayCopies(store, 20_000_000, 5_000, clock), config.retrieval());
        this.retriever = retriever;

        EssayParser parser = new EssayParser(config.essays());
        boolean demo = DemoEssays.importOnFirstStart(dataDir, store, parser);
        // The index follows the store's change log: at start it applies what changed since the last entry it
        // applied (other processes' writes while this one was down), and rebuilds only when it cannot. A rebuild
        // shows its progress; vectors already in the embedding cache are not computed again, so an interrupted
        // import resumes where it stopped. The catalogue is built after, from the store as it then is.
        AtomicReference<LiveCatalogue> live = new AtomicReference<>();
        this.follower = new StoreFollower(store, ChangeLogFeed.of(database.changeLog()), maintainer, index,
                (saved, removed) -> {
                    LiveCatalogue catalogue = live.get();
                    if (catalogue == null) {
                        return;
                    }
                    if (saved.isEmpty() || !removed.isEmpty()) {
                        catalogue.rebuild(store.openings());
                    } else {
                        catalogue.added(saved, store::openings);
                    }
                });
        StoreFollower.Started followed = follower.start(startProgress);
        // What the catalogue derives from essay openings is kept in the store, written with each essay; a store
        // without it, or derived by another version of the derivation, is brought up to date once, here.
        store.refreshOpenings();
        // One read of every essay's derived opening at start (no bodies): the catalogue is built from it and the
        // start report counts it.
        List<EssayStore.Opening> stored = store.openings();
        LiveCatalogue catalogue = new LiveCatalogue(stored, store::openingWordsAbove,
                (line, scope) -> retriever.songsQuoting(line, scope, 5), config.song(),
                new SavedCatalogueIndex(dataDir.resolve("catalogue")));
        live.set(catalogue);
        // A write through this process is applied before it returns (answerable at once); the answer cache is
        // shared in the store, so the writer alone clears what the write made stale.
        EssayChanges changes = new EssayChanges() {
            @Override
            public void saved(List<Essay> saved, long changeCounter) {
                if (answerCache != null) {
                    answerCache.invalidate(saved.stream().map(e -> e.song().id()).toList(),
                            saved.stream().map(Essay::id).toList());
                }
                follower.catchUp(indexProgress);
            }

            @Override
            public void removed(long essayId, long changeCounter) {
                if (answerCache != null) {
                    answerCache.invalidate(List.of(), List.of(essayId));
                }
                follower.catchUp(indexProgress);
            }
        };
        this.essays = new EssayService(store, parser, changes, config.essays());
        this.answers = new AnswerService(catalogue, retriever, new PromptBuilder(templates), templates,
                cachingModel == null ? model : cachingModel, config.retrieval());
        int count = stored.size();
        this.startReport = new StartReport((System.nanoTime() - started) / 1_000_000, count, demo,
                followed.rebuilt(), followed.changesApplied());
        // Writes of other processes (and the CLI) wake the follower: NOTIFY on PostgreSQL, a poll on SQLite.
        this.following = database.changeLog().onChange(this::followQuietly);
        // Subscribed, then read once: a change committed since the catch-up above is not left for the next wake.
        followQuietly();
        log.info("engine ready in {} ms: {} essays, model {}, data in {}", startReport.millis(), count, model.name(), dataDir);
    }

    /** Opens the engine with prompts from {@code prompts/} (or the bundled copy) and keys from the environment. */
    public static Engine open(AppConfig config) {
        return new Engine(config, Path.of("prompts"), System::getenv, IndexMaintainer.Progress.NONE, Clock.systemUTC());
    }

    /** As {@link #open(AppConfig)}; {@code startProgress} sees the index rebuilt at start, if it must be. */
    public static Engine open(AppConfig config, IndexMaintainer.Progress startProgress) {
        return new Engine(config, Path.of("prompts"), System::getenv, startProgress, Clock.systemUTC());
    }

    public static Engine open(AppConfig config, Path promptsDir, Function<String, String> env) {
        return new Engine(config, promptsDir, env, IndexMaintainer.Progress.NONE, Clock.systemUTC());
    }

    /** For tests: the clock the answer cache reads (expiry). */
    static Engine open(AppConfig config, Path promptsDir, Function<String, String> env, Clock clock) {
        return new Engine(config, promptsDir, env, IndexMaintainer.Progress.NONE, clock);
    }

    /** Answer-cache hits and model calls since start; empty when the cache is off or answers are extractive. */
    public Optional<CachingAnswerModel.Stats> answerCacheStats() {
        return cachingModel == null ? Optional.empty() : Optional.of(cachingModel.stats());
    }

    public AnswerService answers() {
        return answers;
    }

    public EssayService essays() {
        return essays;
    }

    /** The passage search itself, below song resolution (the evaluation measures it alone). */
    public HybridRetriever retriever() {
        return retriever;
    }

    public StartReport startReport() {
        return startReport;
    }

    /** Rebuilds the search index from the store. */
    public IndexMaintainer.SyncResult reindex(IndexMaintainer.Progress progress) {
        return follower.rebuild("asked to rebuild", progress);
    }

    /** Where indexing progress of later writes goes (an import's progress bar). */
    public void onIndexProgress(IndexMaintainer.Progress progress) {
        this.indexProgress = progress == null ? IndexMaintainer.Progress.NONE : progress;
    }

    /**
     * Compares the store with the index as they are now. Writes going on meanwhile can make it differ for
     * a moment; call it when the engine is quiet.
     */
    public Consistency consistency() {
        SortedSet<Long> storeIds = new TreeSet<>();
        for (Essay essay : store.all()) {
            storeIds.add(essay.id());
        }
        return new Consistency(storeIds, index.essayIds(), store.changeCounter(), index.indexedChangeCounter());
    }

    /** The store under the engine: feedback and other durable state share it. */
    public Database database() {
        return database;
    }

    /** The store's change log as far as this process's index has applied it: the last entry's id. */
    public long lastAppliedChange() {
        return follower.lastApplied().id();
    }

    /** Applies what other processes changed; a failure (the store away) is logged and retried at the next wake. */
    private void followQuietly() {
        try {
            follower.catchUp(IndexMaintainer.Progress.NONE);
        } catch (RuntimeException e) {
            log.warn("Could not apply the store's latest changes to the search index yet: {}", e.getMessage());
        }
    }

    /** Texts sent to the embedding model since start (0 when vectors are off): a restart should embed none. */
    public long embeddingsComputed() {
        return embedder == null ? 0 : embedder.computedCount();
    }

    @Override
    public void close() {
        try {
            following.close();
        } catch (Exception e) {
            log.warn("Could not stop following the store's changes", e);
        }
        // A catch-up running on the change log's thread finishes before the index closes; none starts after.
        follower.stop();
        try {
            index.close();
        } finally {
            try {
                embedders.close();
            } finally {
                database.close();
            }
        }
    }
}
