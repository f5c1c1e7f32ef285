package io.linernotes.app;

import java.io.IOException;
import io.linernotes.files.PrivateFiles;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks at start that the data directory can be written, before anything is opened in it. Without it a
 * read-only store opens quietly (SQLite falls back to reading) and the first essay a moderator adds fails
 * with "attempt to write a readonly database"; a directory that cannot be created fails deep in SQLite.
 */
final class DataDirCheck {

    /** Thrown with a message an operator can act on; nothing in the directory was changed. */
    static final class Unusable extends IllegalStateException {
        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private DataDirCheck() {
    }

    static void requireWritable(Path dataDir, Path dbFile) {
        try {
            // The directory holds every server's essays and what members asked: private to the bot's user.
            PrivateFiles.directory(dataDir);
        } catch (IOException e) {
            throw new Unusable("cannot create the data directory " + dataDir + ": " + reason(e), e);
        }
        Path probe = dataDir.resolve(".write-check-" + ProcessHandle.current().pid());
        try {
            Files.write(probe, new byte[] {1});
            Files.delete(probe);
        } catch (IOException e) {
            throw new Unusable("the data directory " + dataDir + " is not writable: " + reason(e)
                    + " (give the bot a writable data.dir or --data-dir)", e);
        }
        if (Files.exists(dbFile)) {
            // Opening for writing changes nothing in the file; it fails when the file cannot be written.
            try (FileChannel channel = FileChannel.open(dbFile, StandardOpenOption.WRITE)) {
                channel.size();
            } catch (IOException e) {
                throw new Unusable("the essay database " + dbFile + " is read-only: " + reason(e)
                        + " (the bot needs to write it; nothing was changed)", e);
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
