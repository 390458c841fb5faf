package io.strata.bench;

import java.net.ServerSocket;
import java.nio.file.Path;

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

    /** CPU time this JVM has used so far, user plus system; NaN where /proc cannot tell. */
    public static double ownCpuSeconds() {
        return ProcStat.cpuSeconds(Path.of("/proc/self/stat"));
    }

    /** A TCP port free right now. */
    public static int free() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
