package io.linernotes.song;

import io.linernotes.core.Scope;
import io.linernotes.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy on disk (a folder in the data directory) of the song catalogue's candidate index ({@link CatalogueIndex}),
 * so that a start over a store that has not changed reads the index instead of building it: at 100,000 songs the
 * build is most of the catalogue's share of a start.
 *
 * <p>The copy is used only when its fingerprint equals the fingerprint of the catalogue being built: a hash of
 * every value of every song the index's documents are made from, in catalogue order, and of the code that makes
 * terms of them (the class files of {@link CatalogueIndex}, {@link SongProfile}, {@link Fuzzy} and
 * {@link TextNormalizer}, and Lucene's version). Any edit, removal or new song, and any new build of that code,
 * gives another fingerprint, and the index is built again and saved in place of the old copy. Loading reads the
 * files into memory and checks Lucene's checksums of every file; a copy that fails is built again. Saving writes a
 * new folder beside the old one, the fingerprint last, and moves it into place; a failure to save is logged, and
 * the catalogue works from memory as it would without a copy.
 */
public final class SavedCatalogueIndex {

    private static final Logger log = LoggerFactory.getLogger(SavedCatalogueIndex.class);
    private static final String FINGERPRINT = "fingerprint";
    private static final List<Class<?>> RECIPE = List.of(CatalogueIndex.class, SongProfile.class, Fuzzy.class,
            TextNormalizer.class);
    private static volatile byte[] recipe;

    private final Path folder;

    /** A copy kept in {@code folder} (created when first saved). */
    public SavedCatalogueIndex(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    /** The saved index, in memory, when its fingerprint is {@code fingerprint}; empty when there is none or another. */
    Optional<ByteBuffersDirectory> load(String fingerprint) {
        Path recorded = folder.resolve(FINGERPRINT);
        if (!Files.isRegularFile(recorded)) {
            return Optional.empty();
        }
        try {
            if (!Files.readString(recorded, StandardCharsets.US_ASCII).strip().equals(fingerprint)) {
                log.info("The song catalogue changed since its index was saved in {}: building it again", folder);
                return Optional.empty();
            }
            ByteBuffersDirectory memory = new ByteBuffersDirectory();
            try (FSDirectory disk = FSDirectory.open(folder)) {
                for (String file : disk.listAll()) {
                    if (!file.equals(FINGERPRINT)) {
                        memory.copyFrom(disk, file, file, IOContext.READONCE);
                    }
                }
            }
            return Optional.of(memory);
        } catch (IOException | UncheckedIOException e) {
            log.warn("The saved song catalogue index in {} could not be read ({}); building it again", folder,
                    e.toString());
            return Optional.empty();
        }
    }

    /** Keeps {@code built} (a finished, closed index) as the copy for {@code fingerprint}, in place of the old one. */
    void save(String fingerprint, Directory built) {
        Path fresh = folder.resolveSibling(folder.getFileName() + ".new-" + UUID.randomUUID());
        try {
            Files.createDirectories(fresh);
            try (FSDirectory disk = FSDirectory.open(fresh)) {
                List<String> files = new ArrayList<>();
                for (String file : built.listAll()) {
                    disk.copyFrom(built, file, file, IOContext.DEFAULT);
                    files.add(file);
                }
                disk.sync(files);
            }
            Files.writeString(fresh.resolve(FINGERPRINT), fingerprint, StandardCharsets.US_ASCII);
            delete(folder);
            Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            log.warn("The song catalogue index could not be saved in {} ({}); the next start builds it again", folder,
                    e.toString());
        } finally {
            try {
                delete(fresh);
            } catch (IOException e) {
                log.debug("could not remove {}", fresh, e);
            }
        }
    }

    /**
     * The fingerprint of the index of {@code profiles}: every value {@link CatalogueIndex}'s documents are made
     * from, song by song in catalogue order (sets and maps in sorted order, since their iteration order is not
     * fixed from one run to the next), and the code that makes them.
     */
    static String fingerprint(List<SongProfile> profiles) {
        MessageDigest digest = sha256();
        digest.update(recipe());
        StringBuilder song = new StringBuilder(256);
        for (SongProfile p : profiles) {
            song.setLength(0);
            song.append('\u0001');
            for (SongProfile.Variant v : p.titles()) {
                song.append(String.join(" ", v.tokens())).append('\u0002').append(v.weight()).append('\u0003');
            }
            song.append('\u0001').append(p.primaryNames()).append('\u0001').append(p.featuredNames()).append('\u0001');
            p.leads().entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(Scope::key)))
                    .forEach(e -> song.append(e.getKey().key()).append('\u0002')
                            .append(e.getValue().capitalised()).append('\u0003'));
            song.append('\u0001');
            p.scopes().stream().map(Scope::key).sorted().forEach(k -> song.append(k).append('\u0003'));
            digest.update(song.toString().getBytes(StandardCharsets.UTF_8));
        }
        return profiles.size() + "-" + HexFormat.of().formatHex(digest.digest());
    }

    /** The hash of the code that turns songs into the index's terms, read once. */
    private static byte[] recipe() {
        byte[] known = recipe;
        if (known != null) {
            return known;
        }
        MessageDigest digest = sha256();
        digest.update(Version.LATEST.toString().getBytes(StandardCharsets.US_ASCII));
        for (Class<?> c : RECIPE) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                if (in == null) {
                    throw new IllegalStateException("class file of " + c.getName() + " not found");
                }
                digest.update(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        recipe = digest.digest();
        return recipe;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Removes a saved folder and what it holds (nothing when it is not there). */
    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            IOUtils.rm(dir);
        }
    }
}
