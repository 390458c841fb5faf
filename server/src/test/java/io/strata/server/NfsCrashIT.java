package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code kill -9} while a kernel NFS client writes files with fsync (each fsync is a COMMIT): after a restart,
 * every file whose fsync returned is intact byte for byte, read through S3.
 */
class NfsCrashIT {
    private static final String USER = "nfs-crash-user";
    private static final String SECRET = "nfs-crash-secret";
    private static final int KILL_AFTER = 6;

    @TempDir
    static Path tmp;

    @RegisterExtension
    final CrashableServers servers = new CrashableServers(USER, SECRET, List.of());

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void everyCommittedFileSurvivesKill9() throws Exception {
        Path data = tmp.resolve("data");
        int[] ports = TestServers.freePorts(4);
        ServerProcess first = servers.start(data, ports, tmp);
        try (S3Client s3 = TestServers.s3Client(ports[0], USER, SECRET)) {
            s3.createBucket(b -> b.bucket("crash"));
        }
        Map<String, String> committed = new LinkedHashMap<>();
        KernelClient.Result r = KernelClient.run(ports[3], "/crash", "soft,timeo=20,retrans=1", 600, """
                for i in $(seq 1 400); do
                  dd if=/dev/urandom of=f$i bs=64k count=4 conv=fsync status=none || exit 7
                  echo "done f$i $(md5sum < f$i | cut -c1-32)"
                done
                """, line -> {
                    if (line.startsWith("done ")) {
                        String[] parts = line.split(" ");
                        committed.put(parts[1], parts[2]);
                        if (committed.size() == KILL_AFTER) {
                            first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
                        }
                    }
                });
        assertTrue(committed.size() >= KILL_AFTER, r.describe());
        assertTrue(committed.size() < 400, "the writer should have failed once the server died\n" + r.describe());

        ServerProcess second = servers.start(data, ports, tmp);
        try (S3Client s3 = TestServers.s3Client(ports[0], USER, SECRET)) {
            for (Map.Entry<String, String> e : committed.entrySet()) {
                byte[] got = s3.getObjectAsBytes(b -> b.bucket("crash").key(e.getKey())).asByteArray();
                assertEquals(4 * 65536, got.length, e.getKey());
                assertEquals(e.getValue(), TestData.md5(got), e.getKey() + " was committed before the kill");
            }
        }
        assertEquals(143, second.stop());
    }
}
