package io.linernotes.config;

/** Where runtime data lives (the SQLite store, the Lucene index, caches). Relative paths resolve against the working directory. */
public record DataConfig(String dir) {
    public DataConfig {
        if (dir == null || dir.isBlank()) {
            dir = "data";
        }
    }

    public static DataConfig defaults() {
        return new DataConfig(null);
    }
}
