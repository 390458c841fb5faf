package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The real Linux kernel NFSv3 client (in a VM, through linux-nfs-client) on a Strata bucket, checked through S3.
 * Each test is one VM boot running one script; the script prints what it saw, and the test compares that, and
 * what S3 returns, with what was written.
 */
class KernelNfsIT {
    @RegisterExtension
    static final InJvmServer strata = new InJvmServer();

    @BeforeAll
    static void start() throws Exception {
        Tools.linuxNfsClient();
        strata.s3().createBucket(b -> b.bucket("kern"));
    }

    @Test
    void posixOperationsOverTheKernelClientShowThroughS3() throws Exception {
        byte[] big = TestData.random(3_000_000, 41);
        strata.s3().putObject(b -> b.bucket("kern").key("from-s3/hello.txt"),
                RequestBody.fromString("hello from s3\n"));
        strata.s3().putObject(b -> b.bucket("kern").key("from-s3/big.bin"), RequestBody.fromBytes(big));

        KernelClient.Result r = KernelClient.run(strata.nfsPort(), "/kern", """
                set -euo pipefail
                echo "hello $(cat from-s3/hello.txt)"
                echo "s3md5 $(md5sum < from-s3/big.bin | cut -c1-32)"
                printf 'written over nfs\\n' > made.txt
                dd if=/dev/urandom of=blob.bin bs=1M count=8 status=none
                echo "blobmd5 $(md5sum < blob.bin | cut -c1-32)"
                mkdir -p dir1/sub dir2
                echo one > dir1/sub/one.txt
                mv blob.bin dir2/blob-renamed.bin
                echo loser > victim.txt; echo winner > winner.txt; mv winner.txt victim.txt
                mv dir1 dir2/dir1-moved
                ln made.txt made-link.txt
                ln -s made.txt made-sym
                echo "nlink $(stat -c %h made.txt)"
                echo "readlink $(readlink made-sym)"
                chmod 640 made.txt
                chown 1234:5678 made.txt
                echo "stat $(stat -c '%a %u:%g %s' made.txt)"
                printf '0123456789' > trunc.txt; truncate -s 4 trunc.txt
                echo "trunc $(cat trunc.txt)"
                truncate -s 1M sparse.bin
                printf 'X' | dd of=sparse.bin bs=1 seek=524288 conv=notrunc status=none
                echo "sparse $(stat -c %s sparse.bin) $(od -An -tx1 -j524287 -N3 sparse.bin | tr -d ' ')"
                printf 'HELLO' | dd of=from-s3/hello.txt bs=1 seek=0 conv=notrunc status=none
                for i in 1 2 3 4; do dd if=/dev/urandom of=conc-$i.bin bs=256k count=8 status=none & done; wait
                for i in 1 2 3 4; do echo "conc $i $(md5sum < conc-$i.bin | cut -c1-32)"; done
                rm made-link.txt
                mkdir emptydir; rmdir emptydir
                if rmdir dir2 2>/dev/null; then echo "rmdir of a non-empty directory succeeded"; exit 3; fi
                if mkdir made.txt 2>/dev/null; then echo "mkdir over a file succeeded"; exit 4; fi
                ls -l
                echo done
                """);
        assertEquals(0, r.exit(), r.describe());
        Map<String, String> seen = seen(r.lines());
        assertEquals("hello from s3", seen.get("hello"));
        assertEquals(TestData.md5(big), seen.get("s3md5"), "the kernel reads the S3 object's bytes");
        assertEquals("2", seen.get("nlink"));
        assertEquals("made.txt", seen.get("readlink"));
        assertEquals("640 1234:5678 17", seen.get("stat"));
        assertEquals("0123", seen.get("trunc"));
        assertEquals("1048576 005800", seen.get("sparse"));

        assertEquals("written over nfs\n", get("made.txt"));
        HeadObjectResponse made = strata.s3().headObject(b -> b.bucket("kern").key("made.txt"));
        assertEquals("\"" + TestData.md5("written over nfs\n".getBytes(StandardCharsets.UTF_8)) + "\"", made.eTag());
        assertEquals(Map.of("uid", "1234", "gid", "5678", "mode", Integer.toString(0100640)), made.metadata(),
                "owner and mode set over NFS show to S3 as s3fs-style metadata");
        HeadObjectResponse renamed = strata.s3().headObject(b -> b.bucket("kern").key("dir2/blob-renamed.bin"));
        assertEquals("\"" + seen.get("blobmd5") + "\"", renamed.eTag(), "a rename keeps the ETag");
        assertEquals(seen.get("blobmd5"), TestData.md5(bytes("dir2/blob-renamed.bin")));
        assertEquals("winner\n", get("victim.txt"));
        assertEquals("one\n", get("dir2/dir1-moved/sub/one.txt"));
        assertEquals("0123", get("trunc.txt"));
        byte[] sparse = bytes("sparse.bin");
        assertEquals(1 << 20, sparse.length);
        assertEquals('X', sparse[524288]);
        assertEquals(0, sparse[524287]);
        assertEquals("HELLO from s3\n", get("from-s3/hello.txt"), "an S3 object edited in place over NFS");
        for (int i = 1; i <= 4; i++) {
            String key = "conc-" + i + ".bin";
            assertEquals(seen.get("conc " + i), TestData.md5(bytes(key)), key);
        }

        List<String> keys = strata.s3().listObjectsV2Paginator(b -> b.bucket("kern")).contents().stream()
                .map(S3Object::key).toList();
        assertFalse(keys.contains("made-link.txt"), keys.toString());
        assertFalse(keys.contains("made-sym"), "symlinks are not objects: " + keys);
        assertFalse(keys.stream().anyMatch(k -> k.startsWith("dir1/") || k.startsWith("emptydir")), keys.toString());
        assertTrue(keys.contains("dir2/"), "a directory made over NFS lists as dir2/: " + keys);
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort((a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sorted, keys, "S3 lists NFS-made files in UTF-8 key order");
    }

    @Test
    void aGibibyteFileWrittenWithDdReadsBackIdenticallyThroughBothProtocols() throws Exception {
        KernelClient.Result r = KernelClient.run(strata.nfsPort(), "/kern", """
                set -euo pipefail
                dd if=/dev/urandom of=/tmp/src bs=1M count=64 status=none
                for i in $(seq 16); do cat /tmp/src; done > gib.bin
                sync
                echo "size $(stat -c %s gib.bin)"
                echo 3 > /proc/sys/vm/drop_caches
                echo "md5 $(md5sum < gib.bin | cut -c1-32)"
                echo "srcmd5 $(for i in $(seq 16); do cat /tmp/src; done | md5sum | cut -c1-32)"
                """);
        assertEquals(0, r.exit(), r.describe());
        Map<String, String> seen = seen(r.lines());
        assertEquals(Long.toString(1L << 30), seen.get("size"));
        assertEquals(seen.get("srcmd5"), seen.get("md5"), "read back over NFS after dropping the page cache");
        MessageDigest md = MessageDigest.getInstance("MD5");
        try (InputStream in = strata.s3().getObject(b -> b.bucket("kern").key("gib.bin"))) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        assertEquals(seen.get("srcmd5"), HexFormat.of().formatHex(md.digest()), "S3 GET of the NFS-written GiB");
    }

    @Test
    void aTenThousandEntryDirectoryListsCompletelyOverBothProtocols() throws Exception {
        KernelClient.Result r = KernelClient.run(strata.nfsPort(), "/kern", """
                set -euo pipefail
                mkdir many; cd many
                for i in $(seq 10000); do : > "f$i"; done
                cd ..
                echo "count $(ls many | wc -l)"
                echo "unique $(ls many | sort -u | wc -l)"
                """);
        assertEquals(0, r.exit(), r.describe());
        Map<String, String> seen = seen(r.lines());
        assertEquals("10000", seen.get("count"));
        assertEquals("10000", seen.get("unique"));
        long listed = strata.s3().listObjectsV2Paginator(b -> b.bucket("kern").prefix("many/")).contents().stream()
                .filter(o -> !o.key().equals("many/")).count();
        assertEquals(10000, listed);
    }

    @Test
    void aMountedClientCarriesOnAcrossAServerRestartWithoutEstale() throws Exception {
        HostStepOnSignal restart = new HostStepOnSignal("phase1", () -> {
            strata.restart();
            strata.s3().putObject(b -> b.bucket("kern").key("restart/restarted"), RequestBody.fromString("yes"));
        });
        KernelClient.Result r = KernelClient.run(strata.nfsPort(), "/kern", "lookupcache=none", 600, """
                set -euo pipefail
                mkdir -p restart/inner; cd restart/inner
                echo before > kept.txt
                exec 3< kept.txt
                echo phase1
                for i in $(seq 600); do [ -e ../restarted ] && break; sleep 0.5; done
                [ -e ../restarted ] || { echo "never saw the restart marker"; exit 5; }
                echo "cwd $(cat kept.txt)"
                echo "fd $(cat <&3)"
                echo after > after.txt
                echo "after $(cat after.txt)"
                """, restart.lines());
        restart.finish();
        assertEquals(0, r.exit(), r.describe());
        Map<String, String> seen = seen(r.lines());
        assertEquals("before", seen.get("cwd"), "the working directory's handle survived the restart");
        assertEquals("before", seen.get("fd"), "an open file's handle survived the restart");
        assertEquals("after", seen.get("after"));
        assertEquals("after\n", get("restart/inner/after.txt"));
    }

    /** "word rest of line" output lines as a map from word to rest. */
    static Map<String, String> seen(List<String> lines) {
        Map<String, String> out = new HashMap<>();
        for (String line : lines) {
            int sp = line.indexOf(' ');
            if (sp > 0) {
                String head = line.substring(0, sp);
                String rest = line.substring(sp + 1);
                if (head.equals("conc")) {
                    int sp2 = rest.indexOf(' ');
                    out.put("conc " + rest.substring(0, sp2), rest.substring(sp2 + 1));
                } else {
                    out.put(head, rest);
                }
            }
        }
        return out;
    }

    static String get(String key) {
        return strata.s3().getObjectAsBytes(b -> b.bucket("kern").key(key)).asUtf8String();
    }

    static byte[] bytes(String key) {
        return strata.s3().getObjectAsBytes(b -> b.bucket("kern").key(key)).asByteArray();
    }
}
