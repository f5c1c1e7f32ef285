package io.linernotes.discord.emulation;

/** One download of a file the emulation serves: its key ({@code id/name}) and when it was asked for. */
public record Download(String key, long atNanos) {
}
