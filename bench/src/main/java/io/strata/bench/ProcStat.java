package io.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One line of Linux's {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat}: the name, and the CPU time
 * used so far in clock ticks (user plus system; a tick is 1/100 s on Linux).
 */
public record ProcStat(String name, long cpuTicks) {
    private static final double TICKS_PER_SECOND = 100.0;

    /** The CPU seconds of the process or thread whose stat file this is; NaN where /proc cannot tell. */
    public static double cpuSeconds(Path statFile) {
        try {
            return read(statFile).cpuTicks() / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    public static ProcStat read(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        // The name sits in parentheses and may hold spaces or parentheses; after it, utime and stime are fields
        // 12 and 13 (counting from 0).
        int close = stat.lastIndexOf(')');
        String[] f = stat.substring(close + 2).split(" ");
        return new ProcStat(stat.substring(stat.indexOf('(') + 1, close), Long.parseLong(f[11]) + Long.parseLong(f[12]));
    }
}
