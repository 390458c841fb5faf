package io.strata.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 benchmark: the same workloads against Strata (its own process, 512 MiB heap, writes fsynced) and s3proxy
 * (filesystem backend) in one run, printed side by side with the ratio, plus the loopback socket limit.
 *
 * <p>Run: {@code bench/run-s3 [--quick] [--clients N] [--wal-fsync] [--rows all|small|large] [--strata-only]
 * [--repeats N]}. Each row is measured N times (3), the servers taking turns (the first in one repeat goes second
 * in the next: {@link BenchSupport#turnOrder}), and the table gives medians.
 * {@code --rows small} runs only the 4 KiB and listing rows, {@code --rows large} only the MiB ones, and
 * {@code --strata-only} leaves s3proxy out: both are for profiling one kind of work, not for the table of record.
 */
public final class S3Bench {
    private S3Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        boolean walFsync = List.of(args).contains("--wal-fsync");
        int clients = BenchSupport.intArg(args, "--clients", 8);
        int repeats = BenchSupport.intArg(args, "--repeats", 3);
        List<String> flags = List.of(args);
        String rowSet = flags.contains("--rows") ? args[flags.indexOf("--rows") + 1] : "all";
        boolean large = !rowSet.equals("small");
        boolean small = !rowSet.equals("large");
        boolean strataOnly = flags.contains("--strata-only");
        int scale = quick ? 4 : 1;
        Path repo = Path.of(System.getProperty("strata.repo", ".")).toAbsolutePath().normalize();
        Path work = WorkDirectory.create("strata-bench");
        System.out.printf("S3 benchmark: %d clients, %s sizes, strata metadata WAL %s, work dir %s%n", clients,
                quick ? "quick" : "full", walFsync ? "FSYNC" : "LOG_ONLY", work);

        Map<String, double[]> rows = new LinkedHashMap<>();
        GcLog.Peaks heap;
        boolean survived;
        try (StrataProcess strata = new StrataProcess(repo, work.resolve("strata"), BenchSupport.free(), BenchSupport.free(),
                BenchSupport.free(), BenchSupport.free(), walFsync);
             S3ProxyPeer peer = strataOnly ? null : new S3ProxyPeer(work.resolve("s3proxy"), BenchSupport.free())) {
            List<Endpoint> targets = strataOnly ? List.of(strata.endpoint()) : List.of(strata.endpoint(), peer.endpoint());
            // Untimed, and for both servers before either is measured: a cold JIT (in each server, and in this
            // client, which would otherwise be warmer for whichever server runs second) is not what users meet.
            // The warm-up lines give the cold figures too.
            Settings settings = new Settings(clients, scale, repeats, large, small);
            warmUp(strata.endpoint(), WarmUp.serverAndSelf(strata.pid()), settings);
            if (peer != null) {
                warmUp(peer.endpoint(), WarmUp.self(), settings); // s3proxy runs in this JVM
            }
            measure(targets, strata, settings, rows);
            heap = strata.heapPeaks();
            survived = strata.alive();
        } catch (Exception e) {
            System.err.println("S3 benchmark failed; the server's log is kept: " + WorkDirectory.removeKeepingLog(work));
            throw e;
        }
        WorkDirectory.remove(work);
        double loopback = LoopbackLimit.measure(1L << 30);
        print(rows, loopback, heap, survived, clients);
    }

    /** How the rows run: clients per server, the size divisor of --quick, repeats, which rows. */
    private record Settings(int clients, int scale, int repeats, boolean large, boolean small) {
    }

    /** Opens a client and a bucket per server and measures every row; Strata (the first) reports its CPU. */
    private static void measure(List<Endpoint> targets, StrataProcess strata, Settings settings,
                                Map<String, double[]> rows) throws Exception {
        List<S3Client> sdkClients = new ArrayList<>();
        try {
            List<Target> measured = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                Endpoint e = targets.get(t);
                S3Client s3 = e.client(settings.clients() * 2);
                sdkClients.add(s3);
                String bucket = "bench-" + e.name();
                s3.createBucket(r -> r.bucket(bucket));
                measured.add(new Target(e.name(), t, new S3Workloads(s3, settings.clients(), bucket),
                        t == 0 ? strata::cpuSeconds : () -> Double.NaN,
                        t == 0 ? () -> WarmUp.compilerSeconds(strata.pid()) : () -> Double.NaN));
            }
            Table table = new Table(rows, measured, settings.repeats(), settings.clients());
            run(table, settings.scale(), settings.large(), settings.small());
        } finally {
            sdkClients.forEach(S3Client::close);
        }
    }

    /** Every row, each measured {@code repeats} times, the servers taking turns in alternating order; medians kept. */
    private static void run(Table table, int scale, boolean large, boolean small) throws Exception {
        if (large) {
            // 1,024 objects, a PUT turn of 4-5 s: with 256, a PUT turn lasted about 1.2 s, so one compilation or one
            // write-back of the machine's page cache landing in it moved the row by a quarter.
            table.measure("PUT 1 MiB (MiB/s)", 1024 / scale, (w, rep, n) -> w.put("m1-" + rep + "/", 1 << 20, n));
            table.measure("GET 1 MiB (MiB/s)", 1024 / scale, (w, rep, n) -> w.get("m1-0/", 1 << 20, n));
            table.measure("PUT 64 MiB (MiB/s)", 16 / scale, (w, rep, n) -> w.put("m64-" + rep + "/", 64 << 20, n));
            table.measure("GET 64 MiB (MiB/s)", 16 / scale, (w, rep, n) -> w.get("m64-0/", 64 << 20, n));
        }
        if (!small) {
            return;
        }
        // 8,000 objects, a PUT turn of about 4 s: with 4,000 (turns of 1.5-3 s), one run's three Strata turns gave
        // 1,309, 1,744 and 2,650 ops/s, the slowest with this JVM's own CPU per request four times the others'.
        int count = 8000 / scale;
        table.measure("PUT 4 KiB (ops/s)", count, (w, rep, n) -> w.put("k4-" + rep + "/", 4096, n) * 256);
        table.measure("GET 4 KiB (ops/s)", count, (w, rep, n) -> w.get("k4-0/", 4096, n) * 256);
        table.measure("HEAD 4 KiB (ops/s)", count, (w, rep, n) -> w.headOps("k4-0/", n));
        int keys = 10_000;
        for (Target t : table.targets()) {
            t.workloads().put("list/", 0, keys);
        }
        table.measure("ListObjectsV2 10,000 keys (keys/s)", keys / 1000,
                (w, rep, pages) -> keys / w.listAll("list/", keys));
    }

    /**
     * Warms the server with cycles of every selected row's workload, in the measured order, until steady (see
     * {@link WarmUp}). Whole cycles, not one workload at a time: warming each alone, the compiler went on working
     * through the measured rows, as code shared by PUT and GET was recompiled for the mix.
     */
    private static void warmUp(Endpoint e, WarmUp warm, Settings settings) throws Exception {
        int clients = settings.clients();
        int scale = settings.scale();
        boolean large = settings.large();
        boolean small = settings.small();
        System.out.printf("warming up %s%n", e.name());
        String bucket = "warm-" + e.name();
        try (S3Client s3 = e.client(clients * 2)) {
            s3.createBucket(r -> r.bucket(bucket));
            if (small) {
                new S3Workloads(s3, clients, bucket).put("list/", 0, 2000);
            }
        }
        int count = 2000 / scale;
        int m1Objects = 64 / scale;
        int m64Objects = 2;
        warm.untilSteady(e.name(), "cycle of the rows (cycles/min)", round -> {
            long start = System.nanoTime();
            // A new client each round, so new connections, as the measured rows get: with one client for the whole
            // warm-up, the server's accept path went cold, and the first connections of the measured rows made its
            // compiled event-loop code deoptimize (type checks that had seen only established connections).
            try (S3Client s3 = e.client(clients * 2)) {
                S3Workloads w = new S3Workloads(s3, clients, bucket);
                if (large) {
                    // New keys each round, as the measured rows create objects: warmed with overwrites of the same
                    // keys, Strata's compilers took a third of its CPU in the measured PUT 1 MiB row, compiling
                    // the creating path. The 1 MiB objects are emptied at the end of the round, not deleted, so the
                    // disk holds one round's data while the namespace grows as it does in the measured rows: when
                    // each round deleted what it made, the namespace's trees stayed one size, the compiled code had
                    // never seen them take new pages, and the first measured PUT 1 MiB turn deoptimized it
                    // (PageIO.initNewPage, BPlusTree.putDown and 60 more at once): C2 recompiled through the turn,
                    // 1.2-1.5 ms of CPU a request, a fifth of the server's.
                    String m1 = "m1-" + round + "/";
                    String m64 = "m64-" + round + "/";
                    w.put(m1, 1 << 20, m1Objects);
                    w.get(m1, 1 << 20, m1Objects);
                    w.put(m64, 64 << 20, m64Objects);
                    w.get(m64, 64 << 20, m64Objects);
                    w.put(m1, 0, m1Objects);
                    w.delete(m64, m64Objects);
                }
                if (small) {
                    // New keys each round, as the measured row creates objects.
                    w.put("k4-" + round + "/", 4096, count);
                    w.get("k4-" + round + "/", 4096, count);
                    w.headOps("k4-" + round + "/", count);
                    w.listAll("list/", 2000);
                }
            }
            return 60e9 / (System.nanoTime() - start);
        });
    }

    /**
     * A server being measured: its column in the table, its workloads, and its CPU time and its JIT compilers' if it
     * has a process of its own.
     */
    private record Target(String name, int column, S3Workloads workloads, DoubleSupplier cpuSeconds,
                          DoubleSupplier compilerSeconds) {
    }

    /**
     * Measures each row {@code repeats} times, the servers taking turns within each repeat (in alternating order)
     * so that a slow spell of this shared machine hits both alike, and keeps the median of each server's figures.
     * Each turn starts with no dirty pages left by the turn before ({@link BenchSupport#settleDisk}).
     *
     * <p>Each row starts with an untimed lap per server, an eighth of a turn and at least one request per client:
     * the warm-up cycles are smaller and less concurrent than the rows, and the first turn of a row met a client
     * JVM (its heap, its buffers) sized for the row before. Without the lap, the first PUT 1 MiB turn cost this JVM
     * 4.9 ms of CPU a request against 2.3-2.5 in the later ones (with the lap, 2.6), and Strata's was that turn.
     */
    private record Table(Map<String, double[]> rows, List<Target> targets, int repeats, int clients) {
        void measure(String name, int requests, Workload workload) throws Exception {
            for (Target t : targets) {
                workload.run(t.workloads(), repeats, Math.min(requests, Math.max(requests / 8, clients)));
            }
            RepeatedFigures figures = new RepeatedFigures(repeats);
            for (int rep = 0; rep < repeats; rep++) {
                for (Target t : BenchSupport.turnOrder(targets, rep)) {
                    double dirtyMiB = BenchSupport.settleDisk();
                    double cpuBefore = t.cpuSeconds().getAsDouble();
                    double compilerBefore = t.compilerSeconds().getAsDouble();
                    double benchBefore = BenchSupport.ownCpuSeconds();
                    double value = workload.run(t.workloads(), rep, requests);
                    double cpuMs = (t.cpuSeconds().getAsDouble() - cpuBefore) * 1000 / requests;
                    double compilerMs = (t.compilerSeconds().getAsDouble() - compilerBefore) * 1000 / requests;
                    double benchMs = (BenchSupport.ownCpuSeconds() - benchBefore) * 1000 / requests;
                    figures.put(name, t.column(), rep, value);
                    // The benchmark's own JVM runs the clients, and s3proxy too in its turn: the difference between
                    // the two turns is roughly s3proxy's CPU per request.
                    System.out.printf(Locale.ROOT,
                            "  %-36s %-8s %12.1f   bench JVM CPU %8.3f ms/request%s, %.0f MiB synced before%n",
                            name, t.name(), value, benchMs,
                            Double.isNaN(cpuMs) ? "" : String.format(Locale.ROOT,
                                    ", server CPU %.3f (JIT %.3f)", cpuMs, compilerMs), dirtyMiB);
                }
            }
            figures.mediansInto(rows);
        }
    }

    /**
     * Runs {@code requests} requests of one repeat against one server's workloads and returns the row's figure; the
     * untimed lap runs as repeat {@code repeats}, so what it writes has keys of its own.
     */
    @FunctionalInterface
    private interface Workload {
        double run(S3Workloads w, int repeat, int requests) throws Exception;
    }

    private static void print(Map<String, double[]> rows, double loopback, GcLog.Peaks heap, boolean survived,
                              int clients) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "| %-36s | %12s | %12s | %8s |", "row (" + clients + " clients)", "strata", "s3proxy", "ratio"));
        out.add("|" + "-".repeat(38) + "|" + "-".repeat(14) + "|" + "-".repeat(14) + "|" + "-".repeat(10) + "|");
        rows.forEach((name, v) -> out.add(String.format(Locale.ROOT, "| %-36s | %12.1f | %12.1f | %8.2f |",
                name, v[0], v[1], v[1] == 0 ? 0 : v[0] / v[1])));
        out.add(String.format(Locale.ROOT, "| %-36s | %12.1f | %12s | %8s |", "loopback socket limit (MiB/s)", loopback, "", ""));
        double[] bigGet = rows.getOrDefault("GET 64 MiB (MiB/s)", new double[] {Double.NaN});
        // Above 1 is possible: the probe is one connection copying through user space, GETs use every client
        // connection and send files with sendfile.
        out.add(String.format(Locale.ROOT, "large GET at %.2f of the loopback limit; strata heap of 512 MiB: at most %d MiB"
                        + " in use before a collection, %d MiB live after one (%s)", bigGet[0] / loopback,
                heap.beforeCollection(), heap.afterCollection(), survived ? "server alive at the end" : "SERVER DIED"));
        out.forEach(System.out::println);
    }
}
