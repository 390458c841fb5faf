package io.strata.bench;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    /**
     * Writes every dirty page of the machine to disk ({@code sync}), untimed, before a server's turn, and returns how
     * many MiB were dirty or being written back. Why: s3proxy does not fsync, so the gigabyte a turn of it writes
     * stays dirty in the page cache and the kernel writes it back during whatever runs next; Strata's fsyncs then
     * queued behind it (a PUT 64 MiB turn right after s3proxy's warm-up ran at 152 MiB/s, the next two at 244-266).
     * Each turn should pay for its own writes only.
     */
    public static double settleDisk() throws Exception {
        double dirty = dirtyMiB();
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        if (sync.waitFor() != 0) {
            throw new IllegalStateException("sync exited with " + sync.exitValue());
        }
        return dirty;
    }

    /** Dirty and writeback pages, from /proc/meminfo; NaN where it cannot be read. */
    private static double dirtyMiB() {
        try {
            double kib = 0;
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("Dirty:") || line.startsWith("Writeback:")) {
                    kib += Double.parseDouble(line.replaceAll("[^0-9]", ""));
                }
            }
            return kib / 1024;
        } catch (java.io.IOException | NumberFormatException e) {
            return Double.NaN;
        }
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

    /**
     * The order in which the servers take their turns in a repeat: as given in even repeats, reversed in odd ones.
     * Whatever drifts through a run (the client JVM's heap and JIT, the page cache filling) then favours neither:
     * with the same order every time, the server going second met a warmer client in every repeat (the client's CPU
     * per 64 MiB PUT fell from 387 to 116 ms over Strata's three turns, which always came first).
     */
    public static <T> List<T> turnOrder(List<T> servers, int repeat) {
        List<T> order = new ArrayList<>(servers);
        if (repeat % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }
}
