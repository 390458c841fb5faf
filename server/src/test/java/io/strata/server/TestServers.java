package io.strata.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a {@link StrataServer} in this JVM on ephemeral ports with small metadata settings. */
final class TestServers {
    static final String USER = "strata-test-user";
    static final String SECRET = "strata-test-secret-0123456789";

    private TestServers() {
    }

    static StrataServer start(Path dataDir) throws Exception {
        return start(dataDir, List.of());
    }

    /** As {@link #start(Path)}, with flags that override the test defaults (e.g. fixed ports for a restart). */
    static StrataServer start(Path dataDir, List<String> extraFlags) throws Exception {
        List<String> flags = flags(dataDir, 0);
        flags.addAll(extraFlags);
        StrataServer server = new StrataServer(StrataConfig.parse(flags, Map.of(
                "STRATA_ROOT_USER", USER, "STRATA_ROOT_PASSWORD", SECRET)));
        server.start();
        return server;
    }

    /**
     * Flags for a small test server: loopback, the given S3 port (0: any), any free NFS port without the portmapper,
     * free Ignite ports, small WAL.
     */
    static List<String> flags(Path dataDir, int s3Port) throws IOException {
        int[] ports = freePorts(2);
        return new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--bind", "127.0.0.1",
                "--s3-port", Integer.toString(s3Port), "--nfs-port", "0", "--nfs-portmap=false",
                "--ignite-discovery-port", Integer.toString(ports[0]),
                "--ignite-communication-port", Integer.toString(ports[1]),
                "--wal-segment-size", "4MiB", "--wal-segments", "4", "--meta-memory", "256MiB",
                "--worker-threads", "16", "--reclaim-grace", "1s", "--admin-port", "0",
                // tests apply policies when they mean to; a restart test passes its own interval
                "--mover-interval", "0"));
    }

    /** An SDK v2 S3 client for the test user against a server on {@code port} (path style). */
    static software.amazon.awssdk.services.s3.S3Client s3Client(int port) {
        return s3Client(port, USER, SECRET);
    }

    /** An SDK v2 S3 client with the given credentials against a server on {@code port} (path style). */
    static software.amazon.awssdk.services.s3.S3Client s3Client(int port, String user, String secret) {
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + port))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(user, secret)))
                .forcePathStyle(true)
                .build();
    }

    /** Closes what was opened, last first, skipping what never was (nulls): for @AfterAll. */
    static void closeAll(AutoCloseable... opened) throws Exception {
        for (int i = opened.length - 1; i >= 0; i--) {
            if (opened[i] != null) {
                opened[i].close();
            }
        }
    }

    /** Distinct ports free right now (held together while chosen so they differ). */
    static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
