package io.linernotes.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Resident memory of this process from {@code /proc/self/status}, and the machine's load average from
 * {@code /proc/loadavg} (Linux only; empty or negative elsewhere).
 */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** Current resident set size in kB ({@code VmRSS}). */
    public static OptionalLong residentKb() {
        return field("VmRSS:");
    }

    /** Peak resident set size in kB ({@code VmHWM}). */
    public static OptionalLong peakResidentKb() {
        return field("VmHWM:");
    }

    /**
     * The one-minute load average, or -1 where it cannot be read. Printed beside every throughput and latency:
     * on a shared machine it says how many other jobs the figure was measured against.
     */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static OptionalLong field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    return OptionalLong.of(Long.parseLong(line.substring(name.length()).replace("kB", "").strip()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
