package io.linernotes.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files only the bot's own user may read: the data directory (0700) and every database and backup (0600).
 * They hold what members asked, in servers and in direct messages, and every server's essays. Files are
 * created with these permissions rather than changed afterwards, so there is no moment when others can open
 * them; SQLite gives its -wal and -shm files the permissions of their database. On a file system without
 * POSIX permissions nothing is changed.
 */
public final class PrivateFiles {
    private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) if needed: 0700 when new; group and others lose access if not. */
    public static void directory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            // One left open to others by an older release is closed now.
            if (posix(absolute)) {
                ownerOnly(absolute);
            }
            return;
        }
        try {
            // Missing parents are made private too: they were made for the bot's data alone.
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(absolute);
        }
    }

    /** Creates {@code file} empty with 0600 if it does not exist; an existing one loses group and other access. */
    public static void file(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (!posix(absolute.getParent())) {
            if (!Files.exists(absolute)) {
                Files.createFile(absolute);
            }
            return;
        }
        try {
            Files.createFile(absolute, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException exists) {
            ownerOnly(absolute);
        }
    }

    /**
     * Takes every permission away from group and others. The owner's own bits stay as they are: a store an
     * operator made read-only on purpose must still be found read-only (and refused) at start.
     */
    private static void ownerOnly(Path path) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
        if (permissions.retainAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE))) {
            try {
                Files.setPosixFilePermissions(path, permissions);
            } catch (IOException e) {
                // Not ours to change (another owner, an immutable file): the start-up checks report what matters.
                log.warn("could not make {} private to this user: {}", path, e.toString());
            }
        }
    }

    private static boolean posix(Path dir) throws IOException {
        return dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix");
    }
}
