package io.strata.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tiering under the real Linux kernel NFS client: a file is read in a loop (page cache dropped each time) while it
 * moves to the cloud tier, keeps its inode number, is edited in place over NFS while its bytes sit in the cloud
 * (the edit lands on the hot tier, the rest stays in the cloud), and moves home again; S3 sees every step. The
 * host signals the VM through the namespace itself: it PUTs a marker object that the script waits for.
 */
class TieringKernelIT {
    private static final int SIZE = 4 << 20;
    private static final int EDIT_AT = 1 << 20;
    private static final byte[] EDIT = "EDITED-OVER-NFS".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static final InJvmServer strata = new InJvmServer("--mover-bandwidth", "2MiB");

    @TempDir
    static Path tmp;
    static CloudEndpoint cloud;

    @BeforeAll
    static void start() throws Exception {
        Tools.linuxNfsClient();
        cloud = CloudEndpoint.start(tmp.resolve("cloud"), "archive");
        strata.s3().createBucket(b -> b.bucket("ktier"));
        strata.admin().expect(201, "POST", "/api/v1/volumes", cloud.volumeJson("cloud-1", "archive", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        TestServers.closeAll(cloud);
    }

    @Test
    void aKernelClientReadsThroughAMoveToTheCloudEditsTheFileThereAndSeesItComeHome() throws Exception {
        byte[] original = TestData.random(SIZE, 77);
        strata.s3().putObject(b -> b.bucket("ktier").key("tier.bin"), RequestBody.fromBytes(original));
        byte[] edited = original.clone();
        System.arraycopy(EDIT, 0, edited, EDIT_AT, EDIT.length);
        AtomicReference<Throwable> hostFailure = new AtomicReference<>();
        List<CompletableFuture<Void>> steps = new ArrayList<>();

        KernelClient.Result r = KernelClient.run(strata.nfsPort(), "/ktier", "", 900, """
                set -euo pipefail
                echo "before $(md5sum < tier.bin | cut -c1-32) $(stat -c %i tier.bin)"
                n=0
                while [ ! -e moved-1 ]; do
                  echo 3 > /proc/sys/vm/drop_caches
                  echo "read $(md5sum < tier.bin | cut -c1-32)"
                  n=$((n+1)); [ $n -lt 2000 ] || exit 9
                done
                echo 3 > /proc/sys/vm/drop_caches
                echo "incloud $(md5sum < tier.bin | cut -c1-32) $(stat -c %i tier.bin)"
                printf 'EDITED-OVER-NFS' | dd of=tier.bin bs=1 seek=1048576 conv=notrunc,fsync status=none
                echo "edited $(md5sum < tier.bin | cut -c1-32) $(stat -c %i tier.bin)"
                while [ ! -e moved-2 ]; do sleep 0.2; done
                echo 3 > /proc/sys/vm/drop_caches
                echo "home $(md5sum < tier.bin | cut -c1-32) $(stat -c %i tier.bin)"
                """, line -> {
                    if (line.startsWith("read ") && steps.isEmpty()) {
                        steps.add(hostStep(hostFailure, () -> {
                            moveTo("cloud");
                            assertEquals(Set.of("cloud-1"), volumesOf("tier.bin"));
                            strata.s3().putObject(b -> b.bucket("ktier").key("moved-1"), RequestBody.fromString(""));
                        }));
                    } else if (line.startsWith("edited ")) {
                        steps.add(hostStep(hostFailure, () -> {
                            assertArrayEquals(edited,
                                    strata.s3().getObjectAsBytes(b -> b.bucket("ktier").key("tier.bin")).asByteArray(),
                                    "S3 sees the NFS edit of a cloud-resident file");
                            Set<String> on = volumesOf("tier.bin");
                            assertEquals(Set.of("cloud-1", "local-1"), on, "the edit went to the hot tier only");
                            assertEquals("GLACIER_IR", strata.s3().headObject(b -> b.bucket("ktier").key("tier.bin"))
                                    .storageClassAsString());
                            moveTo("nvme");
                            assertEquals(Set.of("local-1"), volumesOf("tier.bin"));
                            strata.s3().putObject(b -> b.bucket("ktier").key("moved-2"), RequestBody.fromString(""));
                        }));
                    }
                });
        for (CompletableFuture<Void> s : steps) {
            s.join();
        }
        assertNull(hostFailure.get(), () -> "host side failed: " + hostFailure.get());
        assertEquals(0, r.exit(), r.describe());

        String originalMd5 = TestData.md5(original);
        String editedMd5 = TestData.md5(edited);
        Map<String, String[]> seen = new java.util.HashMap<>();
        int reads = 0;
        for (String l : r.lines()) {
            String[] p = l.split(" ");
            if (p[0].equals("read")) {
                reads++;
                assertEquals(originalMd5, p[1], "every read during the move returned the file's bytes");
            } else {
                seen.put(p[0], p);
            }
        }
        assertTrue(reads > 0, r.describe());
        String inode = seen.get("before")[2];
        assertEquals(originalMd5, seen.get("before")[1]);
        assertEquals(originalMd5, seen.get("incloud")[1], "read from the cloud tier with a cold page cache");
        assertEquals(editedMd5, seen.get("edited")[1]);
        assertEquals(editedMd5, seen.get("home")[1]);
        for (String step : List.of("incloud", "edited", "home")) {
            assertEquals(inode, seen.get(step)[2], "same inode number (and file handle) after " + step);
        }
        assertNotEquals(originalMd5, editedMd5);
    }

    private static CompletableFuture<Void> hostStep(AtomicReference<Throwable> failure, TieringIT.ThrowingRunnable body) {
        return CompletableFuture.runAsync(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    private static void moveTo(String tier) throws Exception {
        strata.admin().expect(201, "PUT", "/api/v1/policies",
                "{\"rules\":[{\"match\":{\"path\":\"tier.bin\"},\"target\":{\"tier\":\"" + tier + "\"}}]}");
        strata.admin().expect(200, "POST", "/api/v1/policies/apply", null);
        strata.admin().awaitMovesFinished();
    }

    private static Set<String> volumesOf(String key) throws Exception {
        Set<String> on = new TreeSet<>();
        strata.admin().get("/api/v1/placement/ktier/" + key).get("ranges")
                .forEach(r -> on.add(r.get("volume").asText()));
        return on;
    }
}
