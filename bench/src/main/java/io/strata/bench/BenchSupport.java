package io.strata.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;

/** Small helpers the benchmarks share. */
public final class BenchSupport {
    private BenchSupport() {
    }

    public static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }

    /** The median of repeated measurements (the upper one of an even count). */
    public static double median(double[] figures) {
        double[] sorted = figures.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** CPU time this JVM has used so far, user plus system; NaN where /proc cannot tell. */
    public static double ownCpuSeconds() {
        try {
            return ProcStat.read(Path.of("/proc/self/stat")).cpuTicks() / ProcStat.TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A TCP port free right now. */
    public static int free() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
