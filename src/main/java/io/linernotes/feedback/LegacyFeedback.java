package io.linernotes.feedback;

import io.linernotes.store.Database;
import io.linernotes.store.Dialect;
import io.linernotes.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feedback used to live in {@code feedback.sqlite} beside the store. The first open of a SQLite store that has no
 * feedback yet copies that file's rows in (ids kept, so buttons on old answers still name them), in one
 * transaction, and renames the file to {@code feedback.sqlite.imported}, so it is copied once and kept for the
 * operator. A PostgreSQL store starts without it (a new deployment; nothing to carry over).
 */
final class LegacyFeedback {

    private static final Logger log = LoggerFactory.getLogger(LegacyFeedback.class);
    /** Parents first, so that the references of each row already exist. */
    private static final List<String> TABLES = List.of("answers", "votes", "answer_messages", "answer_follows", "gaps");

    private LegacyFeedback() {
    }

    static void importOnce(Path dataDir, Database db) {
        Path file = dataDir.resolve(FeedbackStore.FILE_NAME);
        if (db.dialect() != Dialect.SQLITE || !Files.isRegularFile(file)) {
            return;
        }
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            int copied = db.write("import of " + file.getFileName(), tx -> {
                try (Statement statement = tx.connection().createStatement();
                        ResultSet rs = statement.executeQuery(
                                "SELECT (SELECT COUNT(*) FROM answers) + (SELECT COUNT(*) FROM gaps)")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return -1;
                    }
                }
                int rows = 0;
                for (String table : TABLES) {
                    rows += copy(old, tx.connection(), table);
                }
                return rows;
            });
            if (copied < 0) {
                log.warn("{} was not imported: the store already holds feedback", file);
                return;
            }
            Files.move(file, file.resolveSibling(FeedbackStore.FILE_NAME + ".imported"),
                    StandardCopyOption.REPLACE_EXISTING);
            log.info("Imported {} feedback rows from {} into the store", copied, file);
        } catch (SQLException | IOException | StoreException e) {
            throw new FeedbackException("cannot import the feedback of " + file + " into the store: " + e.getMessage(), e);
        }
    }

    private static int copy(Connection from, Connection to, String table) throws SQLException {
        try (Statement exists = from.createStatement();
                ResultSet t = exists.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '"
                        + table + "'")) {
            if (!t.next()) {
                return 0;
            }
        }
        int rows = 0;
        try (Statement select = from.createStatement(); ResultSet rs = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder columns = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.append(i > 1 ? ", " : "").append(meta.getColumnName(i));
                marks.append(i > 1 ? ", ?" : "?");
            }
            try (PreparedStatement insert = to.prepareStatement(
                    "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        insert.setObject(i, rs.getObject(i));
                    }
                    insert.executeUpdate();
                    rows++;
                }
            }
        }
        return rows;
    }
}
