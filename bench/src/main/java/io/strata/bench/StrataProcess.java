package io.strata.bench;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Strata as users run it ({@code ./strata serve}) in a process of its own, capped at 512 MiB of heap, with its
 * heap use sampled by jstat throughout the run.
 */
public final class StrataProcess implements AutoCloseable {
    static final String ACCESS = "bench";
    static final String SECRET = "bench-secret-key";

    private final Process process;
    private final int port;
    private final int nfsPort;
    private final int adminPort;
    private final AtomicLong peakHeapKb = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

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
                .redirectOutput(dataDir.resolveSibling("strata-bench.log").toFile());
        pb.environment().putAll(Map.of("STRATA_ROOT_USER", ACCESS, "STRATA_ROOT_PASSWORD", SECRET,
                "STRATA_JAVA_OPTS", "-Xmx512m"));
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
            sampler.shutdownNow();
            throw e;
        }
        sampler.scheduleAtFixedRate(this::sampleHeap, 0, 500, TimeUnit.MILLISECONDS);
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

    /** Highest heap in use seen (young + old generations, KiB), as jstat reports it. */
    public long peakHeapMiB() {
        return peakHeapKb.get() / 1024;
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

    private void sampleHeap() {
        try {
            Process p = new ProcessBuilder("jstat", "-gc", String.valueOf(process.pid())).redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
            p.waitFor();
            if (lines.size() < 2) {
                return;
            }
            String[] names = lines.get(0).trim().split("\\s+");
            String[] values = lines.get(1).trim().split("\\s+");
            double used = 0;
            for (int i = 0; i < names.length && i < values.length; i++) {
                if (names[i].equals("S0U") || names[i].equals("S1U") || names[i].equals("EU") || names[i].equals("OU")) {
                    used += Double.parseDouble(values[i]);
                }
            }
            peakHeapKb.accumulateAndGet((long) used, Math::max);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            // A missed sample only lowers the peak's resolution.
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
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
