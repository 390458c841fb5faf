package io.strata.bench;

import io.strata.bench.tier.AdminApi;
import io.strata.bench.tier.FirstByteLatency;
import io.strata.bench.tier.PlainCopy;
import io.strata.bench.tier.PolicyEvaluation;
import io.strata.bench.tier.PolicyMove;
import io.strata.bench.tier.SmallObjects;
import io.strata.bench.tier.TierTable;
import io.strata.bench.tier.Volumes;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Tiering benchmark: Strata (./strata serve, its own process) with an nas volume (a directory) and a cloud volume
 * (s3proxy, filesystem backend, in this JVM) added over the admin API, files moved by publishing and applying
 * policies. Rows: a move between two local volumes against a plain file copy; GETs of files in the cloud tier
 * against the same objects read straight from the cloud endpoint; a policy evaluation over many files (no peer).
 *
 * <p>Run: {@code bench/run-tier [--quick] [--clients N] [--mover-concurrency N]}.
 */
public final class TierBench {
    private static final String BUCKET = "tiered";
    private static final String CLOUD_BUCKET = "strata-cloud";
    private static final String FILES = "f/";
    private static final String WARM_BUCKET = "warm-up";
    private static final int WARM_FILES = 4;
    private static final int PUT_THREADS = 32;

    private TierBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int clients = BenchSupport.intArg(args, "--clients", 4);
        int movers = BenchSupport.intArg(args, "--mover-concurrency", 2);
        int files = quick ? 16 : 64;
        int fileBytes = (quick ? 4 : 16) << 20;
        int smallObjects = quick ? 10_000 : 100_000;
        Path repo = Path.of(System.getProperty("strata.repo", ".")).toAbsolutePath().normalize();
        Path work = WorkDirectory.create("strata-tier-bench");
        System.out.printf("Tiering benchmark: %d files x %d MiB, %d small objects, %d GET clients, %d moves at once, "
                + "work dir %s%n", files, fileBytes >> 20, smallObjects, clients, movers, work);

        TierTable table = new TierTable();
        boolean survived;
        try (S3ProxyPeer cloud = new S3ProxyPeer(work.resolve("cloud"), BenchSupport.free());
             StrataProcess strata = new StrataProcess(repo, work.resolve("strata"), BenchSupport.free(),
                     BenchSupport.free(), BenchSupport.free(), BenchSupport.free(), false, BenchSupport.free(),
                     // Moves run only when the benchmark applies a policy, as fast as the disks allow.
                     List.of("--mover-interval", "0", "--mover-concurrency", String.valueOf(movers),
                             "--mover-bandwidth", "0"));
             S3Client s3 = strata.endpoint().client(PUT_THREADS * 2);
             S3Client direct = cloud.endpoint().client(clients * 2)) {
            AdminApi admin = new AdminApi(strata.adminPort(), StrataProcess.ACCESS, StrataProcess.SECRET);
            Volumes volumes = new Volumes(admin);
            PolicyMove mover = new PolicyMove(admin);

            System.out.println("1. move nvme -> nas against Files.copy");
            volumes.addNas(work.resolve("nas"));
            // Untimed: the server's first moves run through a cold JIT, which the peer's native copy does not have.
            s3.createBucket(b -> b.bucket(WARM_BUCKET));
            new S3Workloads(s3, clients, WARM_BUCKET).put(FILES, fileBytes, WARM_FILES);
            mover.moveBucket(WARM_BUCKET, "nas", Volumes.NAS, WARM_FILES);
            s3.createBucket(b -> b.bucket(BUCKET));
            new S3Workloads(s3, clients, BUCKET).put(FILES, fileBytes, files);
            PlainCopy copy = new PlainCopy(work.resolve("copy"), files, fileBytes);
            copy.prepare();
            double copied = copy.copy(movers);
            PolicyMove.Result toNas = mover.moveBucket(BUCKET, "nas", Volumes.NAS, files);
            volumes.expectOn(BUCKET, FILES + 0, Volumes.NAS);
            table.add(String.format(Locale.ROOT, "move nvme->nas %d x %d MiB (MiB/s)", files, fileBytes >> 20),
                    toNas.mibPerSecond(), copied, "Files.copy + fsync, " + movers + " at once");

            System.out.println("2. GET from the cloud tier against GET from the cloud endpoint");
            direct.createBucket(b -> b.bucket(CLOUD_BUCKET));
            Endpoint c = cloud.endpoint();
            try {
                volumes.addCloud(c.uri(), CLOUD_BUCKET, c.accessKey(), c.secretKey());
            } catch (AdminApi.AdminApiException e) {
                // Rows 1 and 3 still mean something without a cloud volume: report and go on.
                table.notMeasured("GET from the cloud tier (every row)", "the cloud volume was refused: "
                        + e.getMessage());
            }
            if (table.missing().isEmpty()) {
                PolicyMove.Result toCloud = mover.moveBucket(BUCKET, "cloud", Volumes.CLOUD, files);
                volumes.expectOn(BUCKET, FILES + 0, Volumes.CLOUD);
                System.out.printf(Locale.ROOT, "  (move nas->cloud: %.1f MiB/s, %.1f s)%n", toCloud.mibPerSecond(),
                        toCloud.seconds());
                String directPrefix = Volumes.CLOUD_PREFIX + "/" + BUCKET + "/" + FILES;
                getRows(table, clients, files, fileBytes,
                        new Reader(new S3Workloads(s3, clients, BUCKET), FILES,
                                new FirstByteLatency(s3, BUCKET, i -> FILES + i, files, fileBytes)),
                        new Reader(new S3Workloads(direct, clients, CLOUD_BUCKET), directPrefix,
                                new FirstByteLatency(direct, CLOUD_BUCKET, i -> directPrefix + i, files, fileBytes)));
            }

            System.out.println("3. policy evaluation (dry run) over many files");
            double puts = SmallObjects.write(s3, PUT_THREADS, smallObjects);
            System.out.printf(Locale.ROOT, "  (%d small objects written at %.0f PUT/s)%n", smallObjects, puts);
            policyRows(table, new PolicyEvaluation(admin).measure(5));
            survived = strata.alive();
        } catch (Exception e) {
            Path log = WorkDirectory.removeKeepingLog(work);
            System.err.println("tier benchmark failed; the server's log is kept: " + log);
            throw e;
        }
        System.out.println();
        table.print();
        System.out.println("ratio = strata / peer (above 1: strata's figure is higher); "
                + (survived ? "server alive at the end" : "SERVER DIED"));
        if (table.missing().isEmpty()) {
            WorkDirectory.remove(work);
        } else {
            Path log = WorkDirectory.removeKeepingLog(work);
            throw new IllegalStateException("rows not measured (server log kept: " + log + "): " + table.missing());
        }
    }

    private static void policyRows(TierTable table, PolicyEvaluation.Result eval) {
        String noPeer = "none: absolute figure";
        table.add(String.format(Locale.ROOT, "dry run, 4 rules, %d files scanned (ms)", eval.filesScanned()),
                eval.wallMillis(), noPeer);
        table.add("  of which evaluationMillis (server's own timing)", eval.serverMillis(), noPeer);
        table.add("dry run (files scanned/s)", eval.filesPerSecond(), noPeer);
        if (eval.movesPlanned() != 0) {
            System.out.println("  note: the dry run planned " + eval.movesPlanned() + " moves (expected none)");
        }
    }

    /** One way to read the files: its bulk GETs (keys {@code prefix + i}) and its ranged GETs. */
    private record Reader(S3Workloads bulk, String prefix, FirstByteLatency latency) {
        double throughput(int files, int fileBytes) throws Exception {
            return bulk.get(prefix, fileBytes, files);
        }
    }

    private static void getRows(TierTable table, int clients, int files, int fileBytes, Reader viaStrata,
                                Reader viaCloud) throws Exception {
        // Untimed: warms both paths (Strata's cloud client pool, s3proxy's handlers, the page cache) until the JIT
        // has compiled them: Strata's first use of its cloud client is in this row, the benchmark's client and
        // s3proxy ran hot through the whole setup, and a few hundred calls still run half interpreted.
        viaStrata.latency().measure(2000);
        viaCloud.latency().measure(2000);
        viaStrata.throughput(files, fileBytes);
        viaCloud.throughput(files, fileBytes);
        FirstByteLatency.Percentiles strata = viaStrata.latency().measure(200);
        FirstByteLatency.Percentiles cloud = viaCloud.latency().measure(200);
        String peer = "GET straight from s3proxy";
        table.add("4 KiB ranged GET, first byte p50 (ms)", strata.p50Millis(), cloud.p50Millis(), peer);
        table.add("4 KiB ranged GET, first byte p99 (ms)", strata.p99Millis(), cloud.p99Millis(), peer);
        double strataBest = 0;
        double cloudBest = 0;
        // Best of three, alternating, as the machine is shared and a single pass is short.
        for (int i = 0; i < 3; i++) {
            strataBest = Math.max(strataBest, viaStrata.throughput(files, fileBytes));
            cloudBest = Math.max(cloudBest, viaCloud.throughput(files, fileBytes));
        }
        table.add(String.format(Locale.ROOT, "GET %d MiB from cloud tier, %d clients (MiB/s)", fileBytes >> 20,
                clients), strataBest, cloudBest, peer);
    }
}
