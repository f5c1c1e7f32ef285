package io.linernotes.discord.emulation;

/**
 * How a served attachment fails: the CDN answering 404 or 500, closing the connection in mid-body, or sending
 * the body one byte a second for a minute.
 */
public enum BrokenFile {
    NOT_FOUND, SERVER_ERROR, CUT_SHORT, SLOW_DRIP
}
