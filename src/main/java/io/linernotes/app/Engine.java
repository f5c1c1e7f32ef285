package io.linernotes.app;

import io.linernotes.answer.AnswerService;
import io.linernotes.config.AppConfig;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayChanges;
import io.linernotes.essay.EssayParser;
import io.linernotes.essay.EssayService;
import io.linernotes.essay.EssayStore;
import io.linernotes.essay.Scope;
import io.linernotes.essay.SqliteEssayStore;
import io.linernotes.model.AnswerModel;
import io.linernotes.model.AnswerModels;
import io.linernotes.prompt.PromptBuilder;
import io.linernotes.prompt.PromptTemplates;
import io.linernotes.retrieval.CachingEmbedder;
import io.linernotes.retrieval.Chunker;
import io.linernotes.retrieval.Embedder;
import io.linernotes.retrieval.HybridRetriever;
import io.linernotes.retrieval.IndexLayout;
import io.linernotes.retrieval.IndexMaintainer;
import io.linernotes.retrieval.LuceneIndex;
import io.linernotes.retrieval.MiniLmEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer engine wired together: store, index, catalogue, prompts and model. Transports (console, CLI,
 * Discord) open one engine and use {@link #answers()} and {@link #essays()}.
 */
public final class Engine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final SqliteEssayStore store;
    private final LuceneIndex index;
    private final MiniLmEmbedder embeddingModel;
    private final CachingEmbedder embedder;
    private volatile IndexMaintainer.Progress indexProgress = IndexMaintainer.Progress.NONE;
    private final IndexMaintainer maintainer;
    private final AnswerService answers;
    private final EssayService essays;
    private final StartReport startReport;

    /** What start-up did, for the CLI to report. */
    public record StartReport(long millis, int essays, boolean demoImported, boolean indexRebuilt) {
    }

    private Engine(AppConfig config, Path promptsDir, Function<String, String> env) {
        long started = System.nanoTime();
        Path dataDir = Path.of(config.data().dir()).toAbsolutePath();
        DataDirCheck.requireWritable(dataDir, dataDir.resolve("linernotes.db"));
        PromptTemplates templates = PromptTemplates.load(promptsDir);
        AnswerModel model = AnswerModels.create(config.model(), env);
        this.store = SqliteEssayStore.open(dataDir.resolve("linernotes.db"));
        boolean vectors = config.retrieval().vectors();
        // The model loads lazily: a start whose index is current and a question-free command never load it.
        this.embeddingModel = vectors ? new MiniLmEmbedder() : null;
        this.embedder = vectors ? CachingEmbedder.open(embeddingModel, dataDir) : null;
        this.index = LuceneIndex.open(dataDir.resolve("index"), IndexLayout.of(config.retrieval(), embedder));
        this.maintainer = new IndexMaintainer(index, new Chunker(config.retrieval().chunkMaxChars()), embedder);
        // Questions go to the model directly: caching every question's vector would only grow the cache.
        Embedder questions = embeddingModel;
        HybridRetriever retriever = new HybridRetriever(index, questions, store, config.retrieval());

        EssayParser parser = new EssayParser(config.essays());
        boolean demo = DemoEssays.importOnFirstStart(dataDir, store, parser);
        boolean rebuilt = maintainer.syncWith(store).rebuilt();
        // One read of every essay's opening at start (no whole bodies): the catalogue is built from it and the
        // start report counts it.
        List<EssayStore.Opening> stored = store.openings(LiveCatalogue.LEAD_CHARS);
        LiveCatalogue catalogue = new LiveCatalogue(stored, (line, scope) -> retriever.songsQuoting(line, scope, 5),
                config.song());
        EssayChanges changes = new EssayChanges() {
            @Override
            public void saved(List<Essay> saved, long changeCounter) {
                maintainer.onSaved(saved, changeCounter, indexProgress);
                catalogue.added(saved, () -> store.openings(LiveCatalogue.LEAD_CHARS));
            }

            @Override
            public void removed(long essayId, long changeCounter) {
                maintainer.onRemoved(essayId, changeCounter);
                catalogue.rebuild(store.openings(LiveCatalogue.LEAD_CHARS));
            }
        };
        this.essays = new EssayService(store, parser, changes);
        this.answers = new AnswerService(catalogue, retriever, new PromptBuilder(templates), templates, model,
                config.retrieval());
        int count = stored.size();
        this.startReport = new StartReport((System.nanoTime() - started) / 1_000_000, count, demo, rebuilt);
        log.info("engine ready in {} ms: {} essays, model {}, data in {}", startReport.millis(), count, model.name(), dataDir);
    }

    /** Opens the engine with prompts from {@code prompts/} (or the bundled copy) and keys from the environment. */
    public static Engine open(AppConfig config) {
        return new Engine(config, Path.of("prompts"), System::getenv);
    }

    public static Engine open(AppConfig config, Path promptsDir, Function<String, String> env) {
        return new Engine(config, promptsDir, env);
    }

    public AnswerService answers() {
        return answers;
    }

    public EssayService essays() {
        return essays;
    }

    public StartReport startReport() {
        return startReport;
    }

    /** Rebuilds the search index from the store. */
    public IndexMaintainer.SyncResult reindex(IndexMaintainer.Progress progress) {
        return maintainer.rebuild(store, progress);
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

    /** Texts sent to the embedding model since start (0 when vectors are off): a restart should embed none. */
    public long embeddingsComputed() {
        return embedder == null ? 0 : embedder.computedCount();
    }

    @Override
    public void close() {
        try {
            index.close();
        } finally {
            try {
                if (embedder != null) {
                    embedder.close();
                    embeddingModel.close();
                }
            } finally {
                store.close();
            }
        }
    }
}
