package io.linernotes.app;

import io.linernotes.core.Scope;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayFormatException;
import io.linernotes.essay.EssayParser;
import io.linernotes.essay.SqlEssayStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo essays bundled in the jar (our own writing), imported once on the first start of a store. The store
 * remembers it (a {@code meta} row written in the import's transaction), so essays a moderator removed do not come
 * back at the next start, nor when another process starts on a shared store with a new data directory. A marker
 * file in the data directory, from releases before that, also counts.
 */
final class DemoEssays {

    private static final Logger log = LoggerFactory.getLogger(DemoEssays.class);
    private static final String FOLDER = "/demo-essays/";
    static final String MARKER = ".demo-essays-imported";
    static final String AUTHOR = "Liner Notes demo";

    private DemoEssays() {
    }

    static final String STORE_KEY = "demo_essays_imported";

    static boolean importOnFirstStart(Path dataDir, SqlEssayStore store, EssayParser parser) {
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker)) {
            return false;
        }
        List<EssayDraft> drafts = new ArrayList<>();
        for (String name : list()) {
            try {
                for (EssayDraft d : parser.parse(name, read(FOLDER + name))) {
                    // The seed layout has no author line; a demo essay is credited to the project.
                    drafts.add(d.author() != null ? d : new EssayDraft(d.title(), d.artist(), d.featured(), d.year(),
                            d.album(), AUTHOR, d.source(), d.body()));
                }
            } catch (EssayFormatException e) {
                throw new IllegalStateException("bundled demo essay " + name + " does not parse: " + e.getMessage(), e);
            }
        }
        boolean imported = store.addAllOnce(STORE_KEY, drafts, Scope.GLOBAL).isPresent();
        try {
            Files.writeString(marker, "demo essays imported\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
        if (imported) {
            log.info("imported {} bundled demo essays", drafts.size());
        }
        return imported;
    }

    static List<String> list() {
        String index = new String(read(FOLDER + "index.txt"), StandardCharsets.UTF_8);
        return index.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static byte[] read(String resource) {
        try (InputStream in = DemoEssays.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
