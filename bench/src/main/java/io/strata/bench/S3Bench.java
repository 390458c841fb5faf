package io.strata.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
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
 * <p>Run: {@code bench/run-s3 [--quick] [--clients N] [--wal-fsync] [--rows all|small|large] [--strata-only]}.
 * {@code --rows small} runs only the 4 KiB and listing rows, {@code --rows large} only the MiB ones, and {@code --strata-only} leaves s3proxy out: both are for
 * profiling one kind of work, not for the table of record.
 */
public final class S3Bench {
    private S3Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        boolean walFsync = List.of(args).contains("--wal-fsync");
        int clients = BenchSupport.intArg(args, "--clients", 8);
        List<String> flags = List.of(args);
        String rowSet = flags.contains("--rows") ? args[flags.indexOf("--rows") + 1] : "all";
        boolean large = !rowSet.equals("small");
        boolean small = !rowSet.equals("large");
        boolean strataOnly = flags.contains("--strata-only");
        int scale = quick ? 4 : 1;
        Path repo = Path.of(System.getProperty("strata.repo", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("strata-bench");
        System.out.printf("S3 benchmark: %d clients, %s sizes, strata metadata WAL %s, work dir %s%n", clients,
                quick ? "quick" : "full", walFsync ? "FSYNC" : "LOG_ONLY", work);

        Map<String, double[]> rows = new LinkedHashMap<>();
        long peakHeap;
        boolean survived;
        try (StrataProcess strata = new StrataProcess(repo, work.resolve("strata"), BenchSupport.free(), BenchSupport.free(),
                BenchSupport.free(), BenchSupport.free(), walFsync);
             S3ProxyPeer peer = strataOnly ? null : new S3ProxyPeer(work.resolve("s3proxy"), BenchSupport.free())) {
            List<Endpoint> targets = strataOnly ? List.of(strata.endpoint()) : List.of(strata.endpoint(), peer.endpoint());
            // Untimed, and for both servers before either is measured: a cold JIT (in each server, and in this
            // client, which would otherwise be warmer for whichever server runs second) is not what users meet.
            // The warm-up lines give the cold figures too.
            warmUp(strata.endpoint(), WarmUp.serverAndSelf(strata.pid()), clients, scale, large, small);
            if (peer != null) {
                warmUp(peer.endpoint(), WarmUp.self(), clients, scale, large, small); // s3proxy runs in this JVM
            }
            for (int t = 0; t < targets.size(); t++) {
                Row row = new Row(rows, t, t == 0 ? strata::cpuSeconds : () -> Double.NaN);
                run(targets.get(t), row, clients, scale, large, small);
            }
            peakHeap = strata.peakHeapMiB();
            survived = strata.alive();
        }
        double loopback = LoopbackLimit.measure(1L << 30);
        print(rows, loopback, peakHeap, survived, clients);
    }

    private static void run(Endpoint e, Row row, int clients, int scale, boolean large, boolean small)
            throws Exception {
        System.out.printf("running against %s at %s%n", e.name(), e.uri());
        try (S3Client s3 = e.client(clients * 2)) {
            String bucket = "bench-" + e.name();
            s3.createBucket(r -> r.bucket(bucket));
            S3Workloads w = new S3Workloads(s3, clients, bucket);
            if (large) {
                row.measure("PUT 1 MiB (MiB/s)", 256 / scale, n -> w.put("m1/", 1 << 20, n));
                row.measure("GET 1 MiB (MiB/s)", 256 / scale, n -> w.get("m1/", 1 << 20, n));
                row.measure("PUT 64 MiB (MiB/s)", 16 / scale, n -> w.put("m64/", 64 << 20, n));
                row.measure("GET 64 MiB (MiB/s)", 16 / scale, n -> w.get("m64/", 64 << 20, n));
            }
            if (!small) {
                return;
            }
            int count = 4000 / scale;
            row.measure("PUT 4 KiB (ops/s)", count, n -> w.put("k4/", 4096, n) * 256);
            row.measure("GET 4 KiB (ops/s)", count, n -> w.get("k4/", 4096, n) * 256);
            row.measure("HEAD 4 KiB (ops/s)", count, n -> w.headOps("k4/", n));
            int keys = 10_000;
            w.put("list/", 0, keys);
            row.measure("ListObjectsV2 10,000 keys (keys/s)", 30, pages -> {
                double best = Double.MAX_VALUE;
                for (int i = 0; i < 3; i++) {
                    best = Math.min(best, w.listAll("list/", keys));
                }
                return keys / best;
            });
        }
    }

    /**
     * Warms the server with cycles of every selected row's workload, in the measured order, until steady (see
     * {@link WarmUp}). Whole cycles, not one workload at a time: warming each alone, the compiler went on working
     * through the measured rows, as code shared by PUT and GET was recompiled for the mix.
     */
    private static void warmUp(Endpoint e, WarmUp warm, int clients, int scale, boolean large, boolean small)
            throws Exception {
        System.out.printf("warming up %s%n", e.name());
        try (S3Client s3 = e.client(clients * 2)) {
            String bucket = "warm-" + e.name();
            s3.createBucket(r -> r.bucket(bucket));
            S3Workloads w = new S3Workloads(s3, clients, bucket);
            if (small) {
                w.put("list/", 0, 2000);
            }
            int count = 2000 / scale;
            warm.untilSteady(e.name(), "cycle of the rows (cycles/min)", round -> {
                long start = System.nanoTime();
                if (large) {
                    // The same keys each round: the data of one round is all the disk needs to hold.
                    w.put("m1/", 1 << 20, 64 / scale);
                    w.get("m1/", 1 << 20, 64 / scale);
                    w.put("m64/", 64 << 20, 2);
                    w.get("m64/", 64 << 20, 2);
                }
                if (small) {
                    // New keys each round, as the measured row creates objects.
                    w.put("k4-" + round + "/", 4096, count);
                    w.get("k4-" + round + "/", 4096, count);
                    w.headOps("k4-" + round + "/", count);
                    w.listAll("list/", 2000);
                }
                return 60e9 / (System.nanoTime() - start);
            });
        }
    }

    /** Measures rows for one server's column, printing each with the server's CPU per request where known. */
    private record Row(Map<String, double[]> rows, int column, DoubleSupplier serverCpuSeconds) {
        void measure(String name, int requests, Workload workload) throws Exception {
            double cpuBefore = serverCpuSeconds.getAsDouble();
            double value = workload.run(requests);
            double cpuMs = (serverCpuSeconds.getAsDouble() - cpuBefore) * 1000 / requests;
            rows.computeIfAbsent(name, k -> new double[2])[column] = value;
            System.out.printf(Locale.ROOT, "  %-36s %12.1f%s%n", name, value,
                    Double.isNaN(cpuMs) ? "" : String.format(Locale.ROOT, "   server CPU %.3f ms/request", cpuMs));
        }
    }

    /** Runs {@code requests} requests and returns the row's figure. */
    @FunctionalInterface
    private interface Workload {
        double run(int requests) throws Exception;
    }

    private static void print(Map<String, double[]> rows, double loopback, long peakHeap, boolean survived, int clients) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "| %-36s | %12s | %12s | %8s |", "row (" + clients + " clients)", "strata", "s3proxy", "ratio"));
        out.add("|" + "-".repeat(38) + "|" + "-".repeat(14) + "|" + "-".repeat(14) + "|" + "-".repeat(10) + "|");
        rows.forEach((name, v) -> out.add(String.format(Locale.ROOT, "| %-36s | %12.1f | %12.1f | %8.2f |",
                name, v[0], v[1], v[1] == 0 ? 0 : v[0] / v[1])));
        out.add(String.format(Locale.ROOT, "| %-36s | %12.1f | %12s | %8s |", "loopback socket limit (MiB/s)", loopback, "", ""));
        double[] bigGet = rows.getOrDefault("GET 64 MiB (MiB/s)", new double[] {Double.NaN});
        out.add(String.format(Locale.ROOT, "large GET vs loopback: %.2fx slower; strata heap peak %d MiB of 512 (%s)",
                loopback / bigGet[0], peakHeap, survived ? "server alive at the end" : "SERVER DIED"));
        out.forEach(System.out::println);
    }
}
