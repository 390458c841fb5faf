package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A third-party workload over a kernel mount: Debian's dbench replays its NetBench trace (a file server's mix of
 * creates, opens, reads, writes, renames, unlinks, directory listings, stats and fsyncs) from two clients at once in
 * the VM, over NFSv3 and NFSv4.2. dbench checks every call's outcome against the trace's; it must report none that
 * differs. It removes every file it made and leaves its directories ({@code clients/clientN/~dmtmp/...}, as on
 * nfs-ganesha over a local file system); S3 then lists those directories, and only them.
 */
class DbenchKernelIT {
    @RegisterExtension
    static final InJvmServer strata = new InJvmServer();

    @BeforeAll
    static void start() throws Exception {
        Tools.linuxNfsClient();
        Tools.requireDbench();
        strata.s3().createBucket(b -> b.bucket("dbench3"));
        strata.s3().createBucket(b -> b.bucket("dbench42"));
    }

    @Test
    void theNetBenchTraceReplaysWithoutAnUnexpectedResultOverNfsVersion3() throws Exception {
        assertCleanRun("3", "dbench3");
    }

    @Test
    void theNetBenchTraceReplaysWithoutAnUnexpectedResultOverNfsVersion42() throws Exception {
        assertCleanRun("4.2", "dbench42");
    }

    private static void assertCleanRun(String vers, String bucket) throws Exception {
        // The guest has no System V semaphores, so dbench says it cannot make its start barrier (on ganesha too)
        // and starts its clients without one: that line is not a failure of the server.
        String script = """
                cd /mnt
                timeout 300 dbench -t 20 -D /mnt -c /usr/share/dbench/client.txt 2 > /tmp/dbench.out 2>&1
                echo "dbench exit $?"
                grep -i 'error\\|fail' /tmp/dbench.out | grep -v 'barrier semaphore' | head -5 | sed 's/^/unexpected: /'
                grep -o 'Throughput .*' /tmp/dbench.out
                echo "files left $(find /mnt -type f | wc -l)"
                echo "directories left $(find /mnt -mindepth 1 -type d | wc -l)"
                """;
        KernelClient.Result r = KernelClient.run(vers, strata.nfsPort(), strata.nfsPort(), "/" + bucket, "", 600,
                script, line -> { });
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.lines().contains("dbench exit 0"), "dbench ended well: " + r.describe());
        assertEquals(List.of(), r.lines().stream().filter(l -> l.startsWith("unexpected: ")).toList(),
                "over NFSv" + vers + ": " + r.describe());
        assertTrue(r.lines().stream().anyMatch(l -> l.startsWith("Throughput ")), "dbench ran: " + r.describe());
        assertTrue(r.lines().contains("files left 0"), "dbench removed every file it made: " + r.describe());
        String dirs = r.lines().stream().filter(l -> l.startsWith("directories left ")).findFirst().orElseThrow();
        List<String> keys = strata.s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(o -> o.key()).toList();
        assertTrue(keys.stream().allMatch(k -> k.endsWith("/")), "S3 lists directories only: " + keys);
        assertEquals(dirs, "directories left " + keys.size(), "S3 lists each directory the mount shows: " + keys);
    }
}
