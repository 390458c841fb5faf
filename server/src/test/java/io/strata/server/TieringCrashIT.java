package io.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code kill -9} in the middle of moves: after a restart every file reads back byte for byte from either its old
 * or its new volume (never half of each, never lost), the interrupted moves finish by themselves, and the partial
 * copies the kill left behind are reclaimed.
 */
class TieringCrashIT {
    private static final String USER = "tier-crash-user";
    private static final String SECRET = "tier-crash-secret";
    private static final int FILES = 4;
    private static final int SIZE = 40 << 20;

    @TempDir
    static Path tmp;

    /** Throttled so that the kill lands mid-copy; a short interval so the restarted mover resumes quickly. */
    @RegisterExtension
    final CrashableServers servers = new CrashableServers(USER, SECRET,
            List.of("--mover-bandwidth", "24MiB", "--mover-interval", "2s"));

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aMoveInterruptedByKill9LeavesOldOrNewPlacementAndFinishesAfterRestart() throws Exception {
        Path data = tmp.resolve("data");
        Path nas = Files.createDirectories(tmp.resolve("nas"));
        int[] ports = TestServers.freePorts(5);
        ServerProcess first = servers.start(data, ports, tmp);
        AdminHttp admin = new AdminHttp(ports[4], USER, SECRET);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (S3Client s3 = TestServers.s3Client(ports[0], USER, SECRET)) {
            s3.createBucket(b -> b.bucket("crash"));
            for (int i = 0; i < FILES; i++) {
                byte[] body = TestData.random(SIZE, 60 + i);
                String key = "f" + i + ".bin";
                s3.putObject(b -> b.bucket("crash").key(key), RequestBody.fromBytes(body));
                files.put(key, body);
            }
        }
        admin.expect(201, "POST", "/api/v1/volumes", "{\"id\":\"nas-1\",\"tier\":\"nas\",\"path\":\"" + nas + "\"}");
        // The packaged server (jar + lib/ as shipped) opens a cloud volume too: its SDK is on the class path.
        try (CloudEndpoint cloud = CloudEndpoint.start(tmp.resolve("cloud"), "spare")) {
            admin.expect(201, "POST", "/api/v1/volumes", cloud.volumeJson("cloud-1", "spare", ""));
        }
        admin.expect(201, "PUT", "/api/v1/policies",
                "{\"rules\":[{\"match\":{\"bucket\":\"crash\"},\"target\":{\"tier\":\"nas\"}}]}");
        admin.expect(200, "POST", "/api/v1/policies/apply", null);
        awaitCopying(admin);
        first.process().destroyForcibly(); // SIGKILL mid-copy: no shutdown hook runs
        first.process().waitFor();

        ServerProcess second = servers.start(data, ports, tmp);
        try (S3Client s3 = TestServers.s3Client(ports[0], USER, SECRET)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                assertArrayEquals(f.getValue(), s3.getObjectAsBytes(b -> b.bucket("crash").key(f.getKey()))
                        .asByteArray(), f.getKey() + " right after the restart");
                Set<String> on = volumesOf(admin, f.getKey());
                assertTrue(on.equals(Set.of("local-1")) || on.equals(Set.of("nas-1")), f.getKey() + " on " + on);
            }
            // The restarted mover evaluates the stored policy on its own and finishes the job.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            for (String key : files.keySet()) {
                while (!volumesOf(admin, key).equals(Set.of("nas-1"))) {
                    if (System.nanoTime() > deadline) {
                        fail(key + " never reached nas-1: " + admin.get("/api/v1/moves"));
                    }
                    Thread.sleep(500);
                }
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                assertArrayEquals(f.getValue(), s3.getObjectAsBytes(b -> b.bucket("crash").key(f.getKey()))
                        .asByteArray(), f.getKey() + " after its move finished");
            }
        }
        // Partial copies and the old copies are reclaimed: each volume ends up holding exactly what is referenced.
        awaitBlobCount(nas, FILES);
        awaitBlobCount(data.resolve("volumes").resolve("local-1"), 0);
        assertEquals(143, second.stop());
    }

    private static void awaitCopying(AdminHttp admin) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (JsonNode m : admin.get("/api/v1/moves").get("moves")) {
                if ("copying".equals(m.get("state").asText()) && m.get("bytesCopied").asLong() > (4 << 20)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        fail("no move got under way");
    }

    private static Set<String> volumesOf(AdminHttp admin, String key) throws Exception {
        Set<String> on = new TreeSet<>();
        admin.get("/api/v1/placement/crash/" + key).get("ranges").forEach(r -> on.add(r.get("volume").asText()));
        return on;
    }

    private static void awaitBlobCount(Path volumeDir, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long count;
        do {
            try (Stream<Path> s = Files.walk(volumeDir.resolve("blobs"))) {
                count = s.filter(Files::isRegularFile).count();
            }
            if (count == expected) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        assertEquals(expected, count, "data files left in " + volumeDir);
    }
}
