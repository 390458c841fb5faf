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

    /** Ports {@link #free} handed out, never handed out again by this JVM. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A TCP port free right now, and not one this JVM handed out before: the ports of one server are picked one after
     * another and bound later, and the kernel once gave the same port twice (Ignite's discovery then took the admin
     * API's).
     */
    public static int free() throws Exception {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
    }
}
