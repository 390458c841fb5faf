package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A third-party data verifier over kernel mounts: fio writes files in blocks of random sizes at random offsets
 * (through the page cache with a final fsync, and with O_DIRECT) and sequentially in 1 MiB blocks, each block
 * carrying its own header and CRC32C, and reads every block back to check it. Then the server is killed with
 * {@code kill -9} and started again, and fio, in a freshly booted client with a cold cache, checks every block once
 * more ({@code --verify_only}): what the kernel client had fsynced or written with O_DIRECT must be there, byte for
 * byte. S3 then lists exactly fio's files and returns the same bytes the mount read (same MD5s).
 */
class FioVerifyKernelIT {
    private static final String USER = "fio-user";
    private static final String SECRET = "fio-secret";
    /** fio's files: job name, then job number, then file number. */
    private static final List<String> FILES = List.of("buffered.0.0", "buffered.1.0", "direct.0.0", "direct.1.0",
            "sequential.0.0");
    private static final long FILE_SIZE = 16L << 20;

    /**
     * The three jobs: {@code %1$s} is where the write run and the check after the restart differ, {@code %2$s} the
     * files to sum, {@code %3$d} each file's size ({@link #FILE_SIZE}, which the sums are checked against). A fixed
     * seed makes {@code --verify_only} walk the very offsets and block sizes the writing run used. No state file: a
     * state file matters only for a run cut short, and it would land on the mount.
     */
    private static final String JOBS = """
            J="--directory=/mnt --ioengine=psync --size=%3$d --verify=crc32c --verify_fatal=1 --randseed=4242 \\
               --verify_state_save=0 --verify_state_load=0"
            run() { name=$1; shift
              fio --name=$name $J "$@" > /tmp/$name.out 2>&1
              echo "fio $name exit $?"
              grep -i 'verify\\|bad magic\\|bad header\\|error' /tmp/$name.out | grep -v 'err= 0' | head -5 \\
                | sed 's/^/unexpected: /'
            }
            run buffered --numjobs=2 --rw=randwrite --bsrange=1k-96k --end_fsync=1 %1$s
            run direct --numjobs=2 --rw=randwrite --bsrange=4k-64k --direct=1 %1$s
            run sequential --rw=write --bs=1m --end_fsync=1 %1$s
            for f in %2$s; do echo "md5 $f $(md5sum < /mnt/$f | cut -c1-32) $(stat -c %%s /mnt/$f)"; done
            """;

    @TempDir
    static Path tmp;

    @RegisterExtension
    final CrashableServers servers = new CrashableServers(USER, SECRET, List.of());

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyBlockFioWroteOverNfsVersion3SurvivesKill9() throws Exception {
        assertBlocksSurvive("3");
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyBlockFioWroteOverNfsVersion42SurvivesKill9() throws Exception {
        assertBlocksSurvive("4.2");
    }

    private void assertBlocksSurvive(String vers) throws Exception {
        Tools.linuxNfsClient();
        Tools.requireFio();
        Path data = tmp.resolve("data-" + vers);
        int[] ports = TestServers.freePorts(4);
        ServerProcess first = servers.start(data, ports, tmp);
        try (S3Client s3 = TestServers.s3Client(ports[0], USER, SECRET)) {
            s3.createBucket(b -> b.bucket("fio"));
        }
        String files = String.join(" ", FILES);
        KernelClient.Result written = KernelClient.run(vers, ports[3], ports[3], "/fio", "", 900,
                JOBS.formatted("--do_verify=1", files, FILE_SIZE), line -> { });
        Map<String, String> sums = assertCleanRun(written, "writing and reading back over NFSv" + vers);

        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no checkpoint
        first.process().waitFor();
        ServerProcess second = servers.start(data, ports, tmp);
        KernelClient.Result checked = KernelClient.run(vers, ports[3], ports[3], "/fio", "", 900,
                JOBS.formatted("--verify_only", files, FILE_SIZE), line -> { });
        assertEquals(sums, assertCleanRun(checked, "checking after kill -9 and restart over NFSv" + vers),
                "the files read the same after the restart");

        try (S3Client s3 = TestServers.s3Client(ports[0], USER, SECRET)) {
            List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket("fio")).contents().stream()
                    .map(o -> o.key()).toList();
            assertEquals(FILES, keys, "S3 lists fio's files, and only them");
            for (String f : FILES) {
                byte[] got = s3.getObjectAsBytes(b -> b.bucket("fio").key(f)).asByteArray();
                assertEquals(sums.get(f), TestData.md5(got) + " " + got.length, f + " through S3");
            }
        }
        assertEquals(143, second.stop());
    }

    /** Checks that every fio job ended well and reported nothing wrong; returns each file's MD5 and size. */
    private static Map<String, String> assertCleanRun(KernelClient.Result r, String what) {
        assertEquals(0, r.exit(), what + ": " + r.describe());
        for (String job : List.of("buffered", "direct", "sequential")) {
            assertTrue(r.lines().contains("fio " + job + " exit 0"), what + ", job " + job + ": " + r.describe());
        }
        assertEquals(List.of(), r.lines().stream().filter(l -> l.startsWith("unexpected: ")).toList(),
                what + ": " + r.describe());
        Map<String, String> sums = new TreeMap<>();
        for (String line : r.lines()) {
            if (line.startsWith("md5 ")) {
                String[] parts = line.split(" ");
                sums.put(parts[1], parts[2] + " " + parts[3]);
            }
        }
        assertEquals(FILES, List.copyOf(sums.keySet()), what + ": " + r.describe());
        sums.values().forEach(v -> assertTrue(v.endsWith(" " + FILE_SIZE), what + ": sizes " + sums));
        return sums;
    }
}
