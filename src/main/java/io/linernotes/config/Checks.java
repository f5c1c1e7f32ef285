package io.linernotes.config;

final class Checks {
    private Checks() {
    }

    static void positive(String name, long value) {
        if (value <= 0) {
            throw new ConfigException(name + " must be positive, not " + value);
        }
    }

    static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    static void range(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
