package io.linernotes.discord.emulation;

/** How a served attachment fails: the CDN answering 404 or 500, or closing the connection in mid-body. */
public enum BrokenFile {
    NOT_FOUND, SERVER_ERROR, CUT_SHORT
}
