package io.strata.bench.nfs;

import io.strata.bench.BenchSupport;
import io.strata.bench.RepeatedFigures;
import io.strata.bench.StrataProcess;
import io.strata.bench.WarmUp;
import io.strata.bench.WorkDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * NFS benchmark: Strata (./strata serve, its own process) against nfs-ganesha (VFS backend on a local directory)
 * in one run, each row printed for both with the ratio. Host-side rows use a Java NFSv3 client with many requests
 * in flight; with {@code --kernel}, rows through the Linux kernel client in a VM follow.
 *
 * <p>Run: {@code bench/run-nfs [--quick] [--threads N] [--rows all|meta] [--strata-only]
 * [--repeats N] [--kernel [--kernel-vers 3,4.2] [--kernel-repeats N]]}. Host rows are measured N times (3), the
 * servers taking turns in alternating order ({@link BenchSupport#turnOrder}), and the table gives medians.
 * {@code --rows meta} runs only the metadata rows and {@code --strata-only}
 * skips ganesha: both are for iterating on one part, not for figures (a ratio needs the peer). Strata's namespace
 * transaction counts (commits, conflict retries) follow the table.
 */
public final class NfsBench {
    private NfsBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args);
        boolean quick = flags.contains("--quick");
        boolean kernel = flags.contains("--kernel");
        // NFS versions the kernel rows mount, comma-separated: 3 (the default), 4.1, 4.2.
        String kernelVersions = flags.contains("--kernel-vers") ? args[flags.indexOf("--kernel-vers") + 1] : "3";
        int threads = BenchSupport.intArg(args, "--threads", 16);
        int repeats = BenchSupport.intArg(args, "--repeats", 3);
        int kernelRepeats = BenchSupport.intArg(args, "--kernel-repeats", 1);
        boolean metaOnly = flags.contains("--rows") && "meta".equals(args[flags.indexOf("--rows") + 1]);
        boolean strataOnly = flags.contains("--strata-only");
        long fileBytes = quick ? 256L << 20 : 1L << 30;
        int files = quick ? 2_000 : 10_000;
        Path repo = Path.of(System.getProperty("strata.repo", ".")).toAbsolutePath().normalize();
        Path work = WorkDirectory.create("strata-nfs-bench");
        System.out.printf("NFS benchmark: %d threads, %d MiB file, %d files, work dir %s%n", threads,
                fileBytes >> 20, files, work);
        Map<String, double[]> rows = new LinkedHashMap<>();
        // Each server's CPU time per metadata operation: whether a row is bound by work per operation or by waiting.
        Map<String, double[]> cpuRows = new LinkedHashMap<>();
        // The VM client's mean round trip per NFS call of the metadata steps: the server's share of those rows.
        Map<String, double[]> roundTripRows = new LinkedHashMap<>();
        int ganeshaPort = 20000 + (int) (Math.random() * 10000);
        int adminPort = BenchSupport.free();
        try (StrataProcess strata = new StrataProcess(repo, work.resolve("strata"), BenchSupport.free(),
                BenchSupport.free(), BenchSupport.free(), BenchSupport.free(), false, adminPort, List.of());
             GaneshaPeer ganesha = strataOnly ? null : new GaneshaPeer(work.resolve("ganesha"), ganeshaPort)) {
            try (Nfs3Client root = new Nfs3Client(strata.nfsPort(), strata.nfsPort(), "/", 1)) {
                root.mkdir(root.root, "nfsbench"); // a bucket
            }
            List<Host> hosts = new ArrayList<>();
            try {
                hosts.add(new Host("strata", 0, WarmUp.serverAndSelf(strata.pid()),
                        new Nfs3Client(strata.nfsPort(), strata.nfsPort(), "/nfsbench", 4), threads,
                        strata::cpuSeconds));
                if (ganesha != null) {
                    hosts.add(new Host("ganesha", 1, WarmUp.self(),
                            new Nfs3Client(ganesha.port, ganesha.port + 1, GaneshaPeer.EXPORT, 4), threads,
                            ganesha::cpuSeconds));
                }
                hostRows(hosts, fileBytes, files, metaOnly, repeats, rows, cpuRows);
            } finally {
                for (Host h : hosts) {
                    h.nfs().close();
                }
            }
            if (kernel && ganesha != null) {
                Path tool = linuxNfsClient(repo);
                for (String vers : kernelVersions.split(",")) {
                    KernelRows.warmUp(tool, vers, strata.nfsPort(), strata.nfsPort(), "/nfsbench", "strata",
                            WarmUp.throughVm(List.of(strata.pid())));
                    KernelRows.warmUp(tool, vers, ganesha.port, ganesha.port + 1, GaneshaPeer.EXPORT, "ganesha",
                            WarmUp.throughVm(List.of()));
                    // One VM run varies by a third between runs of the same server: the servers take turns,
                    // and the table gives medians, as for the host rows.
                    RepeatedFigures figures = new RepeatedFigures(kernelRepeats);
                    RepeatedFigures trips = new RepeatedFigures(kernelRepeats);
                    for (int repeat = 0; repeat < kernelRepeats; repeat++) {
                        for (int column : BenchSupport.turnOrder(List.of(0, 1), repeat)) {
                            if (column == 0) {
                                double compiled = WarmUp.compilerSeconds(strata.pid());
                                record(figures, trips, 0, repeat, KernelRows.run(tool, vers, strata.nfsPort(),
                                        strata.nfsPort(), "/nfsbench"));
                                System.out.printf(Locale.ROOT,
                                        "  VM v%s turn %d: strata's JIT compiled for %.1f s of CPU%n",
                                        vers, repeat + 1, WarmUp.compilerSeconds(strata.pid()) - compiled);
                            } else {
                                record(figures, trips, 1, repeat, KernelRows.run(tool, vers, ganesha.port,
                                        ganesha.port + 1, GaneshaPeer.EXPORT));
                            }
                        }
                    }
                    figures.mediansInto(rows);
                    trips.mediansInto(roundTripRows);
                }
            }
            print(rows, threads, strata.alive());
            printLowerIsBetter("server CPU per operation (us)", cpuRows);
            printLowerIsBetter("VM round trip per NFS call (ms)", roundTripRows);
            printTransactions(adminPort);
        } catch (Exception e) {
            System.err.println("NFS benchmark failed; the server's log is kept: " + WorkDirectory.removeKeepingLog(work));
            throw e;
        }
        WorkDirectory.remove(work);
    }

    /** A server measured from this host: its column, how to wait for its warm-up, and its client. */
    private record Host(String name, int column, WarmUp warm, Nfs3Client nfs, NfsWorkloads workloads) {
        Host(String name, int column, WarmUp warm, Nfs3Client nfs, int threads, DoubleSupplier cpuSeconds)
                throws IOException {
            this(name, column, warm, nfs,
                    new NfsWorkloads(nfs, threads, Long.toHexString(System.nanoTime()), cpuSeconds));
        }
    }

    /**
     * Warms every server, then measures all host rows {@code repeats} times, the servers taking turns within each
     * repeat (in alternating order) so that a slow spell of this shared machine hits both alike; the table keeps
     * each server's medians.
     */
    private static void hostRows(List<Host> hosts, long bytes, int files, boolean metaOnly, int repeats,
                                 Map<String, double[]> rows, Map<String, double[]> cpuRows) throws Exception {
        // Untimed warm-up, in cycles of every row until the JIT compilers (of the server and of this client)
        // have settled: the figures below are steady state, and the warm-up line gives the cold cycle too.
        for (Host h : hosts) {
            warmUp(h.name(), h.warm(), h.workloads(), bytes, files, metaOnly);
        }
        RepeatedFigures figures = new RepeatedFigures(repeats);
        RepeatedFigures cpu = new RepeatedFigures(repeats);
        for (int rep = 0; rep < repeats; rep++) {
            for (Host h : BenchSupport.turnOrder(hosts, rep)) {
                System.out.printf(Locale.ROOT, "  %s's turn: %.0f MiB dirty synced before it%n", h.name(),
                        BenchSupport.settleDisk());
                Map<String, Double> r = new LinkedHashMap<>();
                if (!metaOnly) {
                    dataRows(h.workloads(), bytes, rep, r);
                }
                NfsWorkloads.MetaRow[] m = h.workloads().metadata(files);
                String[] names = {"create " + files + " files (ops/s)", "getattr " + files + " files (ops/s)",
                        "READDIRPLUS of " + files + " entries (entries/s)", "rename " + files + " files (ops/s)",
                        "remove " + files + " files (ops/s)", "mkdir " + files + " directories (ops/s)",
                        "rmdir " + files + " directories (ops/s)"};
                for (int i = 0; i < names.length; i++) {
                    r.put(names[i], m[i].perSecond());
                    cpu.put(names[i].substring(0, names[i].indexOf(" (")), h.column(), rep, m[i].serverCpuMicros());
                }
                int repeat = rep;
                r.forEach((name, v) -> {
                    figures.put(name, h.column(), repeat, v);
                    System.out.printf(Locale.ROOT, "  %-58s %-7s %12.1f%n", name, h.name(), v);
                });
            }
        }
        figures.mediansInto(rows);
        cpu.mediansInto(cpuRows);
    }

    /**
     * Cycles of the rows in the measured order, see {@link WarmUp}: the data rows smaller, the metadata rows at
     * full size. Directories of 2,000 entries left the B+tree paths of 10,000-entry ones (page merges, free lists)
     * to be compiled during the measured rows: 3.5 s of C2 compilation in the 13.5 s they took, on two cores (1.4 s in
     * 9.7 s with full-size cycles).
     */
    private static void warmUp(String server, WarmUp warm, NfsWorkloads w, long bytes, int files, boolean metaOnly)
            throws Exception {
        byte[][] scratch = new byte[1][];
        long warmBytes = Math.min(bytes, 64L << 20);
        warm.untilSteady(server, "cycle of the rows (cycles/min)", round -> {
            long start = System.nanoTime();
            if (!metaOnly) {
                String name = "warm-up-" + round + ".bin";
                w.sequentialWrite(scratch, warmBytes, name);
                w.sequentialRead(scratch[0], warmBytes);
                w.randomReads(scratch[0], warmBytes, 1);
                w.remove(name);
            }
            w.metadata(files);
            return 60e9 / (System.nanoTime() - start);
        });
    }

    private static void dataRows(NfsWorkloads w, long bytes, int repeat, Map<String, Double> r) throws Exception {
        byte[][] file = new byte[1][];
        String name = "big-" + repeat + ".bin";
        r.put("seq write " + (bytes >> 20) + " MiB, 1 MiB UNSTABLE + COMMIT (MiB/s)",
                w.sequentialWrite(file, bytes, name));
        r.put("seq read " + (bytes >> 20) + " MiB, 1 MiB (MiB/s)", w.sequentialRead(file[0], bytes));
        r.put("4 KiB random read (ops/s)", w.randomReads(file[0], bytes, 10));
        w.remove(name);
    }

    /** Strata's namespace transactions over the whole run, from its metrics: conflicts cost retries. */
    private static void printTransactions(int adminPort) {
        try {
            HttpResponse<String> res = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            res.body().lines()
                    .filter(l -> l.startsWith("strata_meta_transaction") || l.startsWith("strata_meta_batch"))
                    .filter(l -> l.contains("_count") || l.contains("_sum") || l.contains("conflicts"))
                    .forEach(l -> System.out.println("strata " + l));
        } catch (IOException | InterruptedException e) {
            System.out.println("strata metrics unavailable: " + e);
        }
    }

    private static void record(RepeatedFigures figures, RepeatedFigures trips, int column, int repeat,
                               KernelRows.Figures values) {
        String server = column == 0 ? "strata " : "ganesha";
        values.rows().forEach((name, v) -> {
            figures.put(name, column, repeat, v);
            System.out.printf(Locale.ROOT, "  %-58s %s %12.1f%n", name, server, v);
        });
        values.roundTrips().forEach((name, v) -> {
            trips.put(name, column, repeat, v);
            System.out.printf(Locale.ROOT, "  %-58s %s %12.3f ms a call%n", name, server, v);
        });
    }

    private static Path linuxNfsClient(Path repo) {
        String env = System.getenv("LINUX_NFS_CLIENT");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        for (Path d = repo; d != null; d = d.getParent()) {
            Path tool = d.resolve("shared/tools/linux-nfs-client/linux-nfs-client");
            if (Files.isExecutable(tool)) {
                return tool;
            }
        }
        throw new IllegalStateException("linux-nfs-client not found: set LINUX_NFS_CLIENT");
    }

    /** Costs (CPU, time); a ratio under 1 means Strata spent less than ganesha. */
    private static void printLowerIsBetter(String title, Map<String, double[]> costs) {
        if (costs.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "| %-58s | %10s | %10s | %6s |%n", title, "strata", "ganesha", "ratio");
        System.out.println("|" + "-".repeat(60) + "|" + "-".repeat(12) + "|" + "-".repeat(12) + "|" + "-".repeat(8) + "|");
        // A kind of call that the client made to one server only shows as "-" for the other: over NFSv4.2 the
        // Linux client sent ganesha an ACCESS per file in every loop, and Strata none.
        costs.forEach((name, v) -> System.out.printf(Locale.ROOT, "| %-58s | %10s | %10s | %6s |%n", name,
                cell(v[0]), cell(v[1]), v[0] == 0 || v[1] == 0 ? "-" : cell(v[0] / v[1])));
    }

    private static String cell(double value) {
        return value == 0 ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static void print(Map<String, double[]> rows, int threads, boolean alive) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "| %-58s | %10s | %10s | %6s |", "row (" + threads + " threads)", "strata",
                "ganesha", "ratio"));
        out.add("|" + "-".repeat(60) + "|" + "-".repeat(12) + "|" + "-".repeat(12) + "|" + "-".repeat(8) + "|");
        rows.forEach((name, v) -> out.add(String.format(Locale.ROOT, "| %-58s | %10.1f | %10.1f | %6.2f |", name,
                v[0], v[1], v[1] == 0 ? 0 : v[0] / v[1])));
        out.add(alive ? "strata alive at the end" : "STRATA DIED during the run");
        out.forEach(System.out::println);
    }
}
