package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged server as its own OS process (so a test can {@code kill -9} it), on fixed ports so it can restart. */
final class PackagedServers {
    private PackagedServers() {
    }

    /**
     * Starts {@code java -jar strata.jar serve} and waits until it answers. {@code ports}: S3, Ignite discovery,
     * Ignite communication, and optionally NFS (else NFS takes any free port). Retries while a killed
     * predecessor's sockets still hold the ports.
     */
    static ServerProcess start(Path data, int[] ports, String user, String secret, Path tmp, List<String> extra)
            throws Exception {
        String jar = System.getProperty("strata.jar");
        String flags = System.getProperty("strata.jvm.flags");
        assertTrue(jar != null && flags != null,
                "run by Failsafe (mvn verify), which sets strata.jar and strata.jvm.flags");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(flags.trim().split("\\s+")));
        cmd.addAll(List.of("-Xmx512m", "-jar", jar, "serve", "--data-dir", data.toString(), "--bind", "127.0.0.1",
                "--s3-port", Integer.toString(ports[0]),
                "--nfs-port", ports.length > 3 ? Integer.toString(ports[3]) : "0", "--nfs-portmap=false",
                "--admin-port", ports.length > 4 ? Integer.toString(ports[4]) : "0",
                "--ignite-discovery-port", Integer.toString(ports[1]),
                "--ignite-communication-port", Integer.toString(ports[2]),
                "--wal-segment-size", "4MiB", "--wal-segments", "4", "--meta-memory", "256MiB",
                "--worker-threads", "16", "--reclaim-grace", "1s"));
        cmd.addAll(extra);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            File out = File.createTempFile("server-out", ".txt", tmp.toFile());
            File err = File.createTempFile("server-err", ".txt", tmp.toFile());
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().clear();
            pb.environment().putAll(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                    "LANG", "C.UTF-8", "STRATA_ROOT_USER", user, "STRATA_ROOT_PASSWORD", secret));
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectOutput(out);
            pb.redirectError(err);
            Process p = pb.start();
            ServerProcess s = new ServerProcess(p, "http://127.0.0.1:" + ports[0], out, err);
            while (System.nanoTime() < deadline && p.isAlive()
                    && !(s.stdout().contains("  Stop ") && answers(ports[0]))) {
                Thread.sleep(200);
            }
            if (p.isAlive() && s.stdout().contains("  Stop ") && answers(ports[0])) {
                return s;
            }
            if (!p.isAlive() && p.exitValue() == Launcher.EXIT_START_FAILED && s.stderr().contains("in use")
                    && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                continue;
            }
            String state = p.isAlive() ? "still starting" : "exited " + p.exitValue();
            p.destroyForcibly();
            fail("the server was not answering on port " + ports[0] + " within 120 s (" + state + ")\n"
                    + s.describe());
        }
    }

    static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
