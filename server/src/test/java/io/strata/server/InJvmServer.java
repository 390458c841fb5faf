package io.strata.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One Strata server in this JVM for all the tests of a class ({@link TestServers}' small settings and test
 * credentials), with an SDK client and an admin API client for it. Started before the class's own
 * {@code @BeforeAll} methods, so they can create buckets; closed, clients first, after the last test, and its data
 * directory deleted. Register as a static field with {@code @RegisterExtension}.
 */
final class InJvmServer implements BeforeAllCallback, AfterAllCallback {
    private final List<String> flags;
    private Path dir;
    private StrataServer server;
    private S3Client s3;
    private AdminHttp admin;

    /** @param flags more {@code serve} flags, over the test defaults (e.g. {@code --mover-bandwidth 8MiB}) */
    InJvmServer(String... flags) {
        this.flags = List.of(flags);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("strata-it-");
        server = TestServers.start(dir.resolve("data"), flags);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            TestServers.closeAll(server, s3);
        } finally {
            server = null;
            s3 = null;
            admin = null;
            deleteTree(dir);
        }
    }

    StrataServer server() {
        return server;
    }

    /** The SDK client for the test user, made on first use; its port is the S3 port, which a restart keeps. */
    S3Client s3() {
        if (s3 == null) {
            s3 = TestServers.s3Client(server.s3Port());
        }
        return s3;
    }

    /** The admin API client for the test user, made on first use; a restart keeps the admin port. */
    AdminHttp admin() {
        if (admin == null) {
            admin = new AdminHttp(server.adminPort(), TestServers.USER, TestServers.SECRET);
        }
        return admin;
    }

    int s3Port() {
        return server.s3Port();
    }

    int adminPort() {
        return server.adminPort();
    }

    int nfsPort() {
        return server.nfsPort();
    }

    /**
     * Stops the server gracefully and starts it again on the same data directory and the same S3, NFS and admin
     * ports, so that a mounted client and the clients above find it where they left it.
     */
    void restart() throws Exception {
        List<String> samePorts = new ArrayList<>(flags);
        samePorts.addAll(List.of("--s3-port", Integer.toString(server.s3Port()),
                "--nfs-port", Integer.toString(server.nfsPort()),
                "--admin-port", Integer.toString(server.adminPort())));
        server.close();
        server = TestServers.start(dir.resolve("data"), samePorts);
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
