package io.linernotes.store;

import io.linernotes.config.StoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs for committed essay changes on a connection of its own, outside the pool (a pooled connection would be
 * handed to other work, and LISTEN belongs to one session). When the connection is lost it reconnects after a
 * pause and wakes the listeners once: notifications sent while it was away are not kept by PostgreSQL.
 */
final class PostgresListener implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);

    private final StoreConfig config;
    private final Function<String, String> env;
    private final String displayUrl;
    private final Runnable wake;
    private final BooleanSupplier closed;
    private final Runnable listening;

    /** {@code listening} runs once the first LISTEN is in place (or its first attempt failed). */
    PostgresListener(StoreConfig config, Function<String, String> env, String displayUrl, Runnable wake,
            BooleanSupplier closed, Runnable listening) {
        this.config = config;
        this.env = env;
        this.displayUrl = displayUrl;
        this.wake = wake;
        this.closed = closed;
        this.listening = listening;
    }

    @Override
    public void run() {
        boolean first = true;
        while (!closed.getAsBoolean()) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + Dialect.CHANGE_CHANNEL);
                }
                listening.run();
                if (!first) {
                    log.info("Listening for store changes on {} again", displayUrl);
                    wake.run();
                }
                first = false;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed.getAsBoolean()) {
                    PGNotification[] notifications = pg.getNotifications(config.pollMillis());
                    if (notifications != null && notifications.length > 0) {
                        wake.run();
                    }
                }
            } catch (SQLException e) {
                listening.run();
                if (closed.getAsBoolean()) {
                    return;
                }
                first = false;
                log.warn("Lost the change listener's connection to {} ({}); retrying", displayUrl,
                        Database.rootMessage(e));
            }
            try {
                Thread.sleep(config.pollMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (config.user() != null) {
            properties.setProperty("user", config.user());
        }
        String password = env.apply(config.passwordEnv());
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", String.valueOf(config.connectTimeoutSeconds()));
        properties.setProperty("ApplicationName", Dialect.APPLICATION_NAME + "-listener");
        return DriverManager.getConnection(config.url(), properties);
    }
}
