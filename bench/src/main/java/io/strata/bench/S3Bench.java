package io.strata.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 benchmark: the same workloads against Strata (its own process, 512 MiB heap, writes fsynced) and s3proxy
 * (filesystem backend) in one run, printed side by side with the ratio, plus the loopback socket limit.
 *
 * <p>Run: {@code bench/run-s3 [--quick] [--clients N] [--wal-fsync]}.
 */
public final class S3Bench {
    private S3Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        boolean walFsync = List.of(args).contains("--wal-fsync");
        int clients = BenchSupport.intArg(args, "--clients", 8);
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
             S3ProxyPeer peer = new S3ProxyPeer(work.resolve("s3proxy"), BenchSupport.free())) {
            List<Endpoint> targets = List.of(strata.endpoint(), peer.endpoint());
            // Untimed, and for both servers before either is measured: a cold JIT (in each server, and in this
            // client, which would otherwise be warmer for whichever server runs second) is not what users meet.
            for (Endpoint e : targets) {
                warmUp(e, clients, scale);
            }
            for (int t = 0; t < targets.size(); t++) {
                run(targets.get(t), t, clients, scale, rows);
            }
            peakHeap = strata.peakHeapMiB();
            survived = strata.alive();
        }
        double loopback = LoopbackLimit.measure(1L << 30);
        print(rows, loopback, peakHeap, survived, clients);
    }

    private static void run(Endpoint e, int column, int clients, int scale, Map<String, double[]> rows) throws Exception {
        System.out.printf("running against %s at %s%n", e.name(), e.uri());
        try (S3Client s3 = e.client(clients * 2)) {
            String bucket = "bench-" + e.name();
            s3.createBucket(r -> r.bucket(bucket));
            S3Workloads w = new S3Workloads(s3, clients, bucket);
            record(rows, "PUT 1 MiB (MiB/s)", column, w.put("m1/", 1 << 20, 256 / scale));
            record(rows, "GET 1 MiB (MiB/s)", column, w.get("m1/", 1 << 20, 256 / scale));
            record(rows, "PUT 64 MiB (MiB/s)", column, w.put("m64/", 64 << 20, 16 / scale));
            record(rows, "GET 64 MiB (MiB/s)", column, w.get("m64/", 64 << 20, 16 / scale));
            int small = 4000 / scale;
            record(rows, "PUT 4 KiB (ops/s)", column, w.put("k4/", 4096, small) * 256);
            record(rows, "GET 4 KiB (ops/s)", column, w.get("k4/", 4096, small) * 256);
            record(rows, "HEAD 4 KiB (ops/s)", column, w.headOps("k4/", small));
            int keys = 10_000;
            w.put("list/", 0, keys);
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                best = Math.min(best, w.listAll("list/", keys));
            }
            record(rows, "ListObjectsV2 10,000 keys (keys/s)", column, keys / best);
        }
    }

    private static void warmUp(Endpoint e, int clients, int scale) throws Exception {
        System.out.printf("warming up %s%n", e.name());
        try (S3Client s3 = e.client(clients * 2)) {
            String bucket = "warm-" + e.name();
            s3.createBucket(r -> r.bucket(bucket));
            S3Workloads w = new S3Workloads(s3, clients, bucket);
            w.put("k4/", 4096, 8000 / scale);
            w.get("k4/", 4096, 8000 / scale);
            w.headOps("k4/", 8000 / scale);
            w.put("m1/", 1 << 20, 128 / scale);
            w.get("m1/", 1 << 20, 128 / scale);
            w.put("m64/", 64 << 20, 4);
            w.get("m64/", 64 << 20, 4);
            w.put("list/", 0, 2000);
            w.listAll("list/", 2000);
        }
    }

    private static void record(Map<String, double[]> rows, String name, int column, double value) {
        rows.computeIfAbsent(name, k -> new double[2])[column] = value;
        System.out.printf(Locale.ROOT, "  %-36s %12.1f%n", name, value);
    }

    private static void print(Map<String, double[]> rows, double loopback, long peakHeap, boolean survived, int clients) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "| %-36s | %12s | %12s | %8s |", "row (" + clients + " clients)", "strata", "s3proxy", "ratio"));
        out.add("|" + "-".repeat(38) + "|" + "-".repeat(14) + "|" + "-".repeat(14) + "|" + "-".repeat(10) + "|");
        rows.forEach((name, v) -> out.add(String.format(Locale.ROOT, "| %-36s | %12.1f | %12.1f | %8.2f |",
                name, v[0], v[1], v[1] == 0 ? 0 : v[0] / v[1])));
        out.add(String.format(Locale.ROOT, "| %-36s | %12.1f | %12s | %8s |", "loopback socket limit (MiB/s)", loopback, "", ""));
        double[] bigGet = rows.get("GET 64 MiB (MiB/s)");
        out.add(String.format(Locale.ROOT, "large GET vs loopback: %.2fx slower; strata heap peak %d MiB of 512 (%s)",
                loopback / bigGet[0], peakHeap, survived ? "server alive at the end" : "SERVER DIED"));
        out.forEach(System.out::println);
    }
}
