package io.linernotes.core;

import java.util.Objects;

/**
 * Who an essay belongs to: every server ({@link #GLOBAL}, from imports) or one Discord server.
 * A reader in a server sees that server's essays and the global ones; nobody sees another server's.
 */
public record Scope(String guildId) {

    public static final Scope GLOBAL = new Scope(null);

    public Scope {
        if (guildId != null && guildId.isBlank()) {
            throw new IllegalArgumentException("guild id must not be blank");
        }
    }

    public static Scope guild(String guildId) {
        return new Scope(Objects.requireNonNull(guildId, "guildId"));
    }

    public boolean isGlobal() {
        return guildId == null;
    }

    /** Whether a reader in this scope may see something stored under {@code owner}. */
    public boolean canSee(Scope owner) {
        return owner.isGlobal() || Objects.equals(owner.guildId, guildId);
    }

    /** Stable text form used in the store and the index: {@code global} or {@code guild:<id>}. */
    public String key() {
        return isGlobal() ? "global" : "guild:" + guildId;
    }

    public static Scope fromKey(String key) {
        if (key == null || key.equals("global")) {
            return GLOBAL;
        }
        if (key.startsWith("guild:")) {
            return guild(key.substring("guild:".length()));
        }
        throw new IllegalArgumentException("not a scope key: " + key);
    }

    @Override
    public String toString() {
        return key();
    }
}
