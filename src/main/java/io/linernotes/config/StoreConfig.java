package io.linernotes.config;

import java.util.Locale;

/**
 * Where everything durable lives. {@code url}: empty for the default, a SQLite file {@code linernotes.db} in the
 * data directory (one process, no server); {@code jdbc:sqlite:FILE} for another file; or
 * {@code jdbc:postgresql://host:port/db} for a PostgreSQL server that several processes share. {@code user}: the
 * PostgreSQL role (may also be in the URL). {@code passwordEnv}: the NAME of the environment variable holding its
 * password; a password written in the URL is refused, so that it never sits in a file or a log line.
 * {@code poolSize}: most PostgreSQL connections one process holds. {@code connectTimeoutSeconds}: how long a
 * start, or a write while the server is away, waits for a connection before it fails. {@code pollMillis}: how
 * often a SQLite store is looked at for changes written by another process (PostgreSQL wakes its listeners with
 * NOTIFY instead, and uses this only as the pause before reconnecting a lost listener).
 */
public record StoreConfig(String url, String user, String passwordEnv, int poolSize, int connectTimeoutSeconds,
        int pollMillis) {

    public static final String DEFAULT_PASSWORD_ENV = "LINERNOTES_DB_PASSWORD";

    public StoreConfig {
        url = url == null || url.isBlank() ? null : url.strip();
        user = user == null || user.isBlank() ? null : user.strip();
        passwordEnv = passwordEnv == null || passwordEnv.isBlank() ? DEFAULT_PASSWORD_ENV : passwordEnv.strip();
        if (poolSize == 0) {
            poolSize = 8;
        }
        if (connectTimeoutSeconds == 0) {
            connectTimeoutSeconds = 5;
        }
        if (pollMillis == 0) {
            pollMillis = 500;
        }
        Checks.range("store.poolSize", poolSize, 2, 200);
        Checks.range("store.connectTimeoutSeconds", connectTimeoutSeconds, 1, 300);
        Checks.range("store.pollMillis", pollMillis, 10, 60_000);
        if (url != null && !url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("store.url must be empty (SQLite in the data directory), jdbc:sqlite:FILE or"
                    + " jdbc:postgresql://HOST[:PORT]/DATABASE, not " + withoutPassword(url));
        }
        if (url != null && url.toLowerCase(Locale.ROOT).matches(".*[?&;]password=.*")) {
            throw new ConfigException("store.url must not hold the password (" + withoutPassword(url)
                    + "): put it in the environment variable named by store.passwordEnv (" + passwordEnv + ")");
        }
        if (!passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigException("store.passwordEnv is the NAME of an environment variable (letters, digits, _),"
                    + " not the password itself");
        }
    }

    public static StoreConfig defaults() {
        return new StoreConfig(null, null, null, 0, 0, 0);
    }

    public boolean isPostgres() {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** A copy with another URL (tests, and the CLI's --store-url). */
    public StoreConfig withUrl(String newUrl) {
        return new StoreConfig(newUrl, user, passwordEnv, poolSize, connectTimeoutSeconds, pollMillis);
    }

    /** {@code url} with any {@code password=...} parameter and any {@code user:password@} part masked. */
    public static String withoutPassword(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]*):[^/@]*@", "$1:***@");
    }
}
