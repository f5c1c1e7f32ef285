package io.linernotes.cli;

import io.linernotes.essay.ControlCharacters;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error of the command line: UTF-8, and no control character but line feed and tab
 * reaches the terminal ({@link ControlCharacters}), whatever printed it — an answer quoting an essay, a file
 * name, a library's message, a log line. Stores written by older releases may hold escape sequences, so this
 * is the last line of defence after the import's own cleaning. Only {@link #redraw} may move the cursor back,
 * and, when the output is a terminal that takes colour, only colour sequences ({@code ESC [ digits ; m}, which
 * can neither move the cursor nor retitle the window) pass.
 */
final class SafePrintStream extends PrintStream {

    private final OutputStream raw;

    SafePrintStream(OutputStream raw, boolean colour) {
        super(new ControlFilter(raw, colour), true, StandardCharsets.UTF_8);
        this.raw = raw;
    }

    /** Redraws the current line with {@code line} (a progress bar): a carriage return, then the filtered text. */
    void redraw(String line) {
        flush();
        synchronized (this) {
            try {
                raw.write('\r');
            } catch (IOException e) {
                setError();
            }
            print(line);
            flush();
        }
    }

    /**
     * Drops the bytes of unwanted control characters from UTF-8: C0 and DEL are single bytes that never occur
     * inside a multi-byte sequence; C1 controls are {@code C2 80}–{@code C2 9F}. Vertical tab, form feed and
     * NEL become a space.
     */
    static final class ControlFilter extends FilterOutputStream {
        /** Longest colour sequence let through; a longer run of digits is not colour. */
        private static final int MAX_SGR = 16;
        private final boolean colour;
        private boolean pendingC2;
        /** A colour sequence being read (starts with ESC), or empty. */
        private final byte[] sgr = new byte[MAX_SGR];
        private int sgrLength;

        ControlFilter(OutputStream out) {
            this(out, false);
        }

        ControlFilter(OutputStream out, boolean colour) {
            super(out);
            this.colour = colour;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            // Each byte keeps at most itself, plus a C2 or a colour sequence held back from before.
            byte[] kept = new byte[length + 1 + MAX_SGR];
            int n = 0;
            for (int i = offset; i < offset + length; i++) {
                int b = bytes[i] & 0xFF;
                if (sgrLength > 0) {
                    if (sgrLength == 1 ? b == '[' : (b >= '0' && b <= '9') || b == ';') {
                        if (sgrLength < MAX_SGR - 1) {
                            sgr[sgrLength++] = (byte) b;
                            continue;
                        }
                    } else if (sgrLength > 1 && b == 'm') {
                        System.arraycopy(sgr, 0, kept, n, sgrLength);
                        n += sgrLength;
                        kept[n++] = 'm';
                        sgrLength = 0;
                        continue;
                    }
                    // Not a colour sequence: the ESC and what followed it are dropped; this byte is read anew.
                    sgrLength = 0;
                }
                if (colour && b == 0x1B) {
                    sgr[sgrLength++] = (byte) b;
                    continue;
                }
                if (pendingC2) {
                    pendingC2 = false;
                    if (b >= 0x80 && b <= 0x9F) {
                        if (b == 0x85) {
                            kept[n++] = ' ';
                        }
                        continue;
                    }
                    kept[n++] = (byte) 0xC2;
                }
                if (b == 0xC2) {
                    pendingC2 = true;
                } else if (b == 0x0B || b == 0x0C) {
                    kept[n++] = ' ';
                } else if (b >= 0x80 || !ControlCharacters.isUnwanted(b)) {
                    kept[n++] = (byte) b;
                }
            }
            out.write(kept, 0, n);
        }

        @Override
        public synchronized void flush() throws IOException {
            // A lone C2 at the end of a write waits for its second byte; a flush must not split the pair.
            out.flush();
        }
    }
}
