package io.linernotes.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema, migrated by Flyway on both engines. Version 1 is Java ({@link EssaySchema}); later versions are
 * the SQL scripts in {@code db/migration}, written once for both engines with the {@link Dialect#placeholders}.
 * A SQLite store from before Flyway has tables but no {@code flyway_schema_history}: it is given a baseline at
 * version 0, so version 1 still runs on it and adds what its legacy steps lacked. On PostgreSQL Flyway holds an
 * advisory lock while it migrates, so several processes may start together; SQLite needs none (its file lock
 * serialises the writers).
 */
public final class Migrations {

    private Migrations() {
    }

    static Flyway flyway(DataSource dataSource, Dialect dialect, long nowMillis, String target) {
        var config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(dialect.placeholders())
                .javaMigrations(new EssaySchema(dialect, nowMillis))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("store written before Flyway")
                .cleanDisabled(true);
        if (target != null) {
            config = config.target(target);
        }
        return config.load();
    }

    /** Brings the store to the newest version; returns it. A store newer than this release is refused. */
    static int migrate(DataSource dataSource, Dialect dialect, long nowMillis) {
        Flyway flyway = flyway(dataSource, dialect, nowMillis, null);
        MigrationInfo[] applied = flyway.info().applied();
        int known = latestKnown(flyway);
        for (MigrationInfo info : applied) {
            if (info.getVersion() != null && versionNumber(info.getVersion()) > known) {
                throw new StoreException("the store is at schema version " + info.getVersion()
                        + " but this release knows only up to " + known + "; use a newer release");
            }
        }
        MigrateResult result = flyway.migrate();
        return result.targetSchemaVersion == null ? current(flyway) : Integer.parseInt(result.targetSchemaVersion);
    }

    private static int current(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? 0 : versionNumber(current.getVersion());
    }

    private static int latestKnown(Flyway flyway) {
        int max = 0;
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getVersion() != null && info.getState().isResolved()) {
                max = Math.max(max, versionNumber(info.getVersion()));
            }
        }
        return max;
    }

    private static int versionNumber(MigrationVersion version) {
        return version.getMajor().intValue();
    }

    /** Migrates the SQLite file {@code file} up to {@code version} only (to see what that version holds). */
    public static void migrateSqliteTo(java.nio.file.Path file, int version) {
        org.sqlite.SQLiteDataSource source = new org.sqlite.SQLiteDataSource(Database.sqliteConfig());
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        flyway(source, Dialect.SQLITE, 0, String.valueOf(version)).migrate();
    }

    /** The newest schema version this release knows. */
    public static int latestVersion() {
        return Latest.VERSION;
    }

    /** Scanned once: the highest version among the bundled migrations. */
    private static final class Latest {
        static final int VERSION = scan();

        private static int scan() {
            org.sqlite.SQLiteDataSource source = new org.sqlite.SQLiteDataSource();
            source.setUrl("jdbc:sqlite::memory:");
            return latestKnown(flyway(source, Dialect.SQLITE, 0, null));
        }
    }
}
