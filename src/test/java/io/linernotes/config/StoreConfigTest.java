package io.linernotes.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("store.* settings")
class StoreConfigTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the default is the SQLite file in the data directory, and the committed example file says the same")
    void defaults() {
        StoreConfig defaults = StoreConfig.defaults();
        assertNull(defaults.url());
        assertFalse(defaults.isPostgres());
        assertEquals(StoreConfig.DEFAULT_PASSWORD_ENV, defaults.passwordEnv());
        assertEquals(defaults, AppConfig.load(Path.of("config/linernotes.yaml")).store());
    }

    @Test
    @DisplayName("a PostgreSQL URL with its settings is read from YAML")
    void readsPostgres() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "store:\n  url: jdbc:postgresql://db.example:5432/ln\n  user: bot\n"
                + "  passwordEnv: MY_DB_PW\n  poolSize: 4\n  pollMillis: 250\n");
        StoreConfig store = AppConfig.load(file).store();
        assertTrue(store.isPostgres());
        assertEquals("bot", store.user());
        assertEquals("MY_DB_PW", store.passwordEnv());
        assertEquals(4, store.poolSize());
        assertEquals(250, store.pollMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://db/ln", "postgres://db/ln", "jdbc:postgresql://db/ln?user=a&password=hunter2",
            "jdbc:postgresql://db/ln?PASSWORD=hunter2"})
    @DisplayName("other databases and passwords in the URL are refused, and the message never repeats the password")
    void refusesBadUrls(String url) {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> new StoreConfig(url, null, null, 0, 0, 0));
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }

    @Test
    @DisplayName("passwordEnv names a variable; a value that looks like a password is refused")
    void passwordEnvIsAName() {
        assertThrows(ConfigException.class, () -> new StoreConfig(null, null, "p@ss w0rd!", 0, 0, 0));
    }

    @ParameterizedTest
    @CsvSource({
        "'jdbc:postgresql://db/ln?user=a&password=secret1', 'jdbc:postgresql://db/ln?user=a&password=***'",
        "'jdbc:postgresql://a:secret2@db/ln', 'jdbc:postgresql://a:***@db/ln'",
        "'jdbc:postgresql://db:5432/ln', 'jdbc:postgresql://db:5432/ln'"})
    @DisplayName("a URL is shown without its password")
    void masksPasswords(String url, String shown) {
        assertEquals(shown, StoreConfig.withoutPassword(url));
    }

    @Test
    @DisplayName("out-of-range pool sizes and intervals are refused with the setting's name")
    void ranges() {
        ConfigException refused = assertThrows(ConfigException.class, () -> new StoreConfig(null, null, null, 1, 0, 0));
        assertTrue(refused.getMessage().contains("store.poolSize"), refused.getMessage());
        assertThrows(ConfigException.class, () -> new StoreConfig(null, null, null, 0, 0, 5));
    }
}
