package io.strata.bench;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Strata as users run it ({@code ./strata serve}) in a process of its own, capped at 512 MiB of heap. Its peak heap
 * comes from its own GC log (the heap in use before each collection), which costs the measured run nothing; sampling
 * with jstat started a JVM twice a second and took a third of a core from the server it measured.
 */
public final class StrataProcess implements AutoCloseable {
    static final String ACCESS = "bench";
    static final String SECRET = "bench-secret-key";

    private final Process process;
    private final int port;
    private final int nfsPort;
    private final int adminPort;
    private final Path gcLog;

    public StrataProcess(Path repo, Path dataDir, int port, int nfsPort, int discovery, int communication, boolean walFsync)
            throws IOException, InterruptedException {
        this(repo, dataDir, port, nfsPort, discovery, communication, walFsync, 0, List.of());
    }

    /**
     * @param adminPort  0 leaves the admin API on a port of the server's choosing; a benchmark that calls the API
     *                   passes a free port, so that it knows where to call without reading the banner
     * @param extraFlags more {@code serve} flags, after the ones above
     */
    public StrataProcess(Path repo, Path dataDir, int port, int nfsPort, int discovery, int communication, boolean walFsync,
                         int adminPort, List<String> extraFlags) throws IOException, InterruptedException {
        this.port = port;
        this.nfsPort = nfsPort;
        this.adminPort = adminPort;
        this.gcLog = dataDir.resolveSibling("strata-gc.log");
        List<String> cmd = new java.util.ArrayList<>(List.of(repo.resolve("strata").toString(), "serve",
                "--data-dir", dataDir.toString(), "--bind", "127.0.0.1", "--s3-port", String.valueOf(port),
                "--nfs-port", String.valueOf(nfsPort), "--nfs-portmap=false", "--admin-port", String.valueOf(adminPort),
                "--ignite-discovery-port", String.valueOf(discovery),
                "--ignite-communication-port", String.valueOf(communication)));
        if (walFsync) {
            cmd.add("--wal-fsync");
        }
        cmd.addAll(extraFlags);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(WorkDirectory.STRATA_LOG).toFile());
        pb.environment().putAll(Map.of("STRATA_ROOT_USER", ACCESS, "STRATA_ROOT_PASSWORD", SECRET,
                // STRATA_BENCH_JAVA_OPTS adds options to the measured server (a profiler, GC logging).
                "STRATA_JAVA_OPTS", ("-Xmx512m -Xlog:gc:file=" + gcLog + " " + System.getenv().getOrDefault("STRATA_BENCH_JAVA_OPTS", "")).trim()));
        Files.createDirectories(dataDir);
        process = pb.start();
        try {
            waitForPort(port);
            if (adminPort != 0) {
                waitForPort(adminPort);
            }
        } catch (IOException | InterruptedException e) {
            // The caller gets no object to close: a server that came up late must not outlive the benchmark.
            process.destroyForcibly();
            throw e;
        }
    }

    /** The server JVM's process id ({@code ./strata} execs java). */
    public long pid() {
        return process.pid();
    }

    /** The admin API's port, as passed to the constructor (0 when the server chose it). */
    public int adminPort() {
        return adminPort;
    }

    public int nfsPort() {
        return nfsPort;
    }

    Endpoint endpoint() {
        return new Endpoint("strata", URI.create("http://127.0.0.1:" + port), ACCESS, SECRET);
    }

    /** The heap's high marks so far, from the GC log; zeros if no collection ran yet. */
    public GcLog.Peaks heapPeaks() {
        try {
            return GcLog.peaks(Files.exists(gcLog) ? Files.readString(gcLog) : "");
        } catch (IOException e) {
            return new GcLog.Peaks(0, 0);
        }
    }

    /**
     * CPU seconds (user and system) the server process has used so far, from {@code /proc}; NaN where there is none.
     * On a machine shared with other work, CPU per operation varies far less between runs than throughput does,
     * so it is the figure to compare when trying a change.
     */
    public double cpuSeconds() {
        return ProcStat.cpuSeconds(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    }

    public boolean alive() {
        return process.isAlive();
    }

    private void waitForPort(int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("strata exited with " + process.exitValue() + " before listening; see strata-bench.log");
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new IOException("strata did not listen on " + port + " within 120 s");
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            // Else a dead server shows only as connection errors in whatever request came next.
            System.err.println("strata had exited on its own (status " + process.exitValue() + ", 143: SIGTERM, "
                    + "137: SIGKILL) before the benchmark stopped it; see strata-bench.log");
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
