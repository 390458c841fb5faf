package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.server.metrics.PrometheusText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * NFSv4.2 through the real Linux kernel client: the same namespace S3 serves (both ways), the extended attributes
 * that say where a file's bytes sit (user.strata.tier, user.strata.volume, user.strata.storage-class) following
 * the file when a policy moves it, and a mounted client that carries on across a server restart (new session,
 * reclaimed opens).
 */
class Nfs4KernelIT {
    /** Prints "xattr <file> <tier>|<volume>|<storage class>" with Python, which the guest has from the host. */
    private static final String XATTRS = """
            xattrs() { python3 -c 'import os,sys
            p=sys.argv[1]; g=lambda n: os.getxattr(p, "user.strata."+n).decode()
            print("xattr", p, g("tier")+"|"+g("volume")+"|"+g("storage-class"), ",".join(sorted(os.listxattr(p))))' "$1"; }
            """;

    @RegisterExtension
    static final InJvmServer strata = new InJvmServer();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        Tools.linuxNfsClient();
        strata.s3().createBucket(b -> b.bucket("kv4"));
    }

    private static KernelClient.Result mount(String script) throws Exception {
        return KernelClient.run("4.2", strata.nfsPort(), strata.nfsPort(), "/kv4", "", 600, script, line -> { });
    }

    @Test
    void aVersion42MountSharesTheNamespaceWithS3BothWays() throws Exception {
        byte[] big = TestData.random(1 << 20, 4);
        strata.s3().putObject(b -> b.bucket("kv4").key("from-s3/big.bin"), RequestBody.fromBytes(big));
        strata.s3().putObject(b -> b.bucket("kv4").key("from-s3/small.txt"), RequestBody.fromString("small\n"));

        KernelClient.Result r = mount(XATTRS + """
                set -euo pipefail
                echo "vers $(grep ' /mnt ' /proc/mounts | grep -o 'vers=[0-9.]*')"
                echo "big $(md5sum < from-s3/big.bin | cut -c1-32) $(stat -c %s from-s3/big.bin)"
                echo "small $(cat from-s3/small.txt)"
                xattrs from-s3/big.bin
                xattrs from-s3/small.txt
                dd if=/dev/urandom of=nfs.bin bs=64k count=48 status=none
                echo "nfs $(md5sum < nfs.bin | cut -c1-32)"
                mkdir -p d/e
                echo moved > d/e/f.txt
                mv d/e/f.txt d/g.txt
                rmdir d/e
                ln -s g.txt d/link
                ln d/g.txt d/hard
                echo "links $(stat -c %h d/g.txt) $(readlink d/link) $(cat d/link)"
                rm d/hard
                chmod 640 d/g.txt
                echo "mode $(stat -c %a d/g.txt) $(stat -c %h d/g.txt)"
                mkdir many
                for i in $(seq 1 300); do echo $i > many/$i; done
                echo "many $(ls many | wc -l)"
                echo "dir $(ls d | tr '\\n' ' ')"
                python3 -c 'import os,errno
                try:
                    os.setxattr("d/g.txt", "user.strata.tier", b"cloud"); print("setxattr allowed")
                except OSError as e:
                    print("setxattr", errno.errorcode[e.errno])'
                echo "truncate $(truncate -s 3 d/g.txt; cat d/g.txt)"
                head -c 65536 nfs.bin > holes.bin
                fallocate -l 1M holes.bin
                fallocate -p -o 4096 -l 8192 holes.bin
                echo "fallocate $(stat -c %s holes.bin) $(md5sum < holes.bin | cut -c1-32)"
                """);
        assertEquals(0, r.exit(), r.describe());
        Map<String, String> seen = KernelNfsIT.seen(r.lines());
        assertEquals("vers=4.2", seen.get("vers"));
        assertEquals(TestData.md5(big) + " " + big.length, seen.get("big"));
        assertEquals("small", seen.get("small"));
        assertTrue(r.lines().contains("xattr from-s3/big.bin nvme|local-1|STANDARD "
                + "user.strata.storage-class,user.strata.tier,user.strata.volume"), r.describe());
        assertTrue(r.lines().contains("xattr from-s3/small.txt metadata|inline|STANDARD "
                + "user.strata.storage-class,user.strata.tier,user.strata.volume"), r.describe());
        assertEquals("2 g.txt moved", seen.get("links"));
        assertEquals("640 1", seen.get("mode"));
        assertEquals("300", seen.get("many"));
        assertEquals("g.txt link ", seen.get("dir"));
        assertEquals("EPERM", seen.get("setxattr"), "the placement attributes are read-only");
        assertEquals("mov", seen.get("truncate"));

        byte[] viaS3 = strata.s3().getObjectAsBytes(b -> b.bucket("kv4").key("nfs.bin")).asByteArray();
        assertEquals(seen.get("nfs"), TestData.md5(viaS3), "S3 GET returns what NFSv4 wrote");
        assertEquals(48 * 65536, viaS3.length);

        // fallocate grew the file (ALLOCATE), then punched a hole (DEALLOCATE): the client and S3 read the same.
        byte[] holes = java.util.Arrays.copyOf(viaS3, 1 << 20);
        java.util.Arrays.fill(holes, 65536, holes.length, (byte) 0);
        java.util.Arrays.fill(holes, 4096, 4096 + 8192, (byte) 0);
        assertEquals((1 << 20) + " " + TestData.md5(holes), seen.get("fallocate"));
        var fallocated = strata.s3().getObjectAsBytes(b -> b.bucket("kv4").key("holes.bin"));
        assertArrayEquals(holes, fallocated.asByteArray(), "S3 GET sees the grown file and the punched hole");
        assertTrue(fallocated.response().eTag().contains("-"), "an NFS-edited file's ETag is not taken for an MD5");
        assertEquals("mov", strata.s3().getObjectAsBytes(b -> b.bucket("kv4").key("d/g.txt")).asUtf8String());
        List<String> many = strata.s3().listObjectsV2Paginator(b -> b.bucket("kv4").prefix("many/")).contents().stream()
                .map(o -> o.key()).toList();
        assertEquals(301, many.size(), "300 files and the directory made over NFS, which lists as many/");
        assertEquals("many/", many.get(0));
    }

    /** fcntl and flock locks work over NFSv4 (no NLM needed): a second process is refused, then served. */
    @Test
    void locksKeepOutAnotherProcessUntilReleased() throws Exception {
        KernelClient.Result r = mount("""
                set -euo pipefail
                python3 - <<'PY'
                import errno, fcntl, os
                def other(path, how):
                    pid = os.fork()
                    if pid == 0:
                        g = open(path, "r+")
                        try:
                            how(g); print("other got it", flush=True)
                        except OSError as e:
                            print("other", errno.errorcode[e.errno], flush=True)
                        os._exit(0)
                    os.waitpid(pid, 0)
                f = open("locked.txt", "w"); f.write("x" * 100); f.flush()
                fcntl.lockf(f, fcntl.LOCK_EX, 10, 20)
                other("locked.txt", lambda g: fcntl.lockf(g, fcntl.LOCK_EX | fcntl.LOCK_NB, 5, 25))
                other("locked.txt", lambda g: fcntl.lockf(g, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 40))
                fcntl.lockf(f, fcntl.LOCK_UN, 10, 20)
                other("locked.txt", lambda g: fcntl.lockf(g, fcntl.LOCK_EX | fcntl.LOCK_NB, 5, 25))
                fcntl.flock(f, fcntl.LOCK_EX)
                other("locked.txt", lambda g: fcntl.flock(g, fcntl.LOCK_EX | fcntl.LOCK_NB))
                fcntl.flock(f, fcntl.LOCK_UN)
                other("locked.txt", lambda g: fcntl.flock(g, fcntl.LOCK_SH | fcntl.LOCK_NB))
                PY
                """);
        assertEquals(0, r.exit(), r.describe());
        assertEquals(List.of("other EAGAIN", "other got it", "other got it", "other EAGAIN", "other got it"),
                r.lines().stream().filter(l -> l.startsWith("other")).toList(), r.describe());
    }

    /**
     * user.NAME over NFS is x-amz-meta-NAME over S3, both ways, and a mounted client that read a file's attributes
     * sees an S3 change of its metadata; values S3 cannot show as text are RFC 2047 words.
     */
    @Test
    void extendedAttributesAreTheObjectsS3Metadata() throws Exception {
        PutObjectResponse put = strata.s3().putObject(
                b -> b.bucket("kv4").key("meta/from-s3.txt").metadata(Map.of("origin", "s3")),
                RequestBody.fromString("hello"));
        HostStepOnSignal replaceMetadata = new HostStepOnSignal("attributes-read", () -> {
            strata.s3().copyObject(b -> b.sourceBucket("kv4").sourceKey("meta/from-s3.txt").destinationBucket("kv4")
                    .destinationKey("meta/from-s3.txt").metadataDirective(MetadataDirective.REPLACE)
                    .metadata(Map.of("origin", "copy", "stage", "2")));
            strata.s3().putObject(b -> b.bucket("kv4").key("meta/replaced"), RequestBody.fromString("yes"));
        });
        KernelClient.Result r = KernelClient.run("4.2", strata.nfsPort(), strata.nfsPort(), "/kv4", "", 600, """
                set -euo pipefail
                python3 - <<'PY'
                import errno, os, time
                def refused(how):
                    try:
                        how(); print("refused none", flush=True)
                    except OSError as e:
                        print("refused", errno.errorcode[e.errno], flush=True)
                s3file = "meta/from-s3.txt"
                print("origin", os.getxattr(s3file, "user.origin").decode(), flush=True)
                print("attributes-read", flush=True)
                for i in range(600):
                    if os.path.exists("meta/replaced"):
                        break
                    time.sleep(0.5)
                print("after S3 copy", os.getxattr(s3file, "user.origin").decode(),
                      os.getxattr(s3file, "user.stage").decode(), flush=True)
                os.setxattr(s3file, "user.color", b"red")
                os.removexattr(s3file, "user.origin")
                os.removexattr(s3file, "user.stage")
                open("meta/nfs.txt", "w").write("x")
                os.setxattr("meta/nfs.txt", "user.label", b"blue")
                os.setxattr("meta/nfs.txt", "user.raw", bytes([0, 1, 255, 10]))
                print("raw", os.getxattr("meta/nfs.txt", "user.raw").hex())
                os.mkdir("meta/dir")
                os.setxattr("meta/dir", "user.k", b"v")
                print("names", ",".join(sorted(n for n in os.listxattr("meta/nfs.txt") if not n.startswith("user.strata."))))
                refused(lambda: os.setxattr("meta/nfs.txt", "user.label", b"x", os.XATTR_CREATE))
                refused(lambda: os.setxattr("meta/nfs.txt", "user.none", b"x", os.XATTR_REPLACE))
                refused(lambda: os.setxattr("meta/nfs.txt", "user.big", b"x" * 5000))
                refused(lambda: os.setxattr("meta/nfs.txt", "user.uid", b"0"))
                refused(lambda: os.setxattr("meta/nfs.txt", "user.strata.tier", b"cloud"))
                refused(lambda: os.getxattr("meta/nfs.txt", "user.none"))
                PY
                """, replaceMetadata.lines());
        replaceMetadata.finish();
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.lines().contains("origin s3"), r.describe());
        assertTrue(r.lines().contains("after S3 copy copy 2"), "the client's cached attributes were revalidated: "
                + r.describe());
        assertTrue(r.lines().contains("raw 0001ff0a"), r.describe());
        assertTrue(r.lines().contains("names user.label,user.raw"), r.describe());
        assertEquals(List.of("refused EEXIST", "refused ENODATA", "refused E2BIG", "refused EINVAL", "refused EPERM",
                "refused ENODATA"), r.lines().stream().filter(l -> l.startsWith("refused")).toList(), r.describe());

        HeadObjectResponse fromS3 = strata.s3().headObject(b -> b.bucket("kv4").key("meta/from-s3.txt"));
        assertEquals(Map.of("color", "red"), fromS3.metadata());
        assertEquals(put.eTag(), fromS3.eTag(), "attributes are not content: the ETag stays");
        assertEquals(Map.of("label", "blue", "raw", "=?ISO-8859-1?B?AAH/Cg==?="),
                strata.s3().headObject(b -> b.bucket("kv4").key("meta/nfs.txt")).metadata());
        assertEquals(Map.of("k", "v"), strata.s3().headObject(b -> b.bucket("kv4").key("meta/dir/")).metadata());
    }

    @Test
    void theTierAttributeFollowsAFileThatAPolicyMoves() throws Exception {
        Path nas = Files.createDirectories(tmp.resolve("nas"));
        strata.admin().expect(201, "POST", "/api/v1/volumes",
                "{\"id\":\"nas-9\",\"tier\":\"nas\",\"path\":\"" + nas + "\"}");
        byte[] data = TestData.random(2 << 20, 9);
        strata.s3().putObject(b -> b.bucket("kv4").key("tiered/t.bin"), RequestBody.fromBytes(data));
        strata.admin().expect(201, "PUT", "/api/v1/policies", "{\"rules\":[{\"name\":\"to-nas\","
                + "\"match\":{\"bucket\":\"kv4\",\"path\":\"tiered/**\"},\"target\":{\"tier\":\"nas\"}}]}");
        strata.admin().expect(200, "POST", "/api/v1/policies/apply", null);
        strata.admin().awaitMovesFinished();

        KernelClient.Result r = mount(XATTRS + """
                set -euo pipefail
                xattrs tiered/t.bin
                echo "md5 $(md5sum < tiered/t.bin | cut -c1-32)"
                """);
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.lines().contains("xattr tiered/t.bin nas|nas-9|STANDARD_IA "
                + "user.strata.storage-class,user.strata.tier,user.strata.volume"), r.describe());
        assertEquals(TestData.md5(data), KernelNfsIT.seen(r.lines()).get("md5"));
    }

    /**
     * The client keeps the names it has cached across its own changes (each REMOVE tells it that it was the
     * directory's only change), so removing files it has listed sends no LOOKUP each; and a change made over S3 in
     * between is still seen, since the next REMOVE's "before" is then not what the client last saw.
     */
    @Test
    void cachedNamesOutliveTheClientsOwnChangesButNotAnotherProtocols() throws Exception {
        double[] lookups = new double[2];
        // The markers the script waits for go beside the directory: a change in it would rightly cost the cache.
        HostStepOnSignal listed = new HostStepOnSignal("listed", () -> {
            lookups[0] = successfulLookups();
            strata.s3().putObject(b -> b.bucket("kv4").key("go-1"), RequestBody.fromString("go"));
        });
        HostStepOnSignal removed = new HostStepOnSignal("removed", () -> {
            lookups[1] = successfulLookups();
            strata.s3().putObject(b -> b.bucket("kv4").key("cached/from-s3"), RequestBody.fromString("s3"));
            strata.s3().putObject(b -> b.bucket("kv4").key("go-2"), RequestBody.fromString("go"));
        });
        KernelClient.Result r = KernelClient.run("4.2", strata.nfsPort(), strata.nfsPort(), "/kv4", "", 600, """
                set -euo pipefail
                await() { for i in $(seq 600); do [ -e "$1" ] && return 0; sleep 0.5; done; echo "no $1"; exit 5; }
                mkdir cached
                for i in $(seq 40); do : > cached/f$i; done
                ls -l cached > /dev/null
                echo listed
                await go-1
                for i in $(seq 39); do rm cached/f$i; done
                echo removed
                await go-2
                rm cached/f40
                echo "left $(ls cached | tr '\n' ' ')"
                echo "s3 $(cat cached/from-s3)"
                """, line -> {
            listed.lines().accept(line);
            removed.lines().accept(line);
        });
        listed.finish();
        removed.finish();
        assertEquals(0, r.exit(), r.describe());
        assertTrue(lookups[1] - lookups[0] < 10, (lookups[1] - lookups[0])
                + " LOOKUPs while removing 39 listed files: the client looked its cached names up again");
        Map<String, String> seen = KernelNfsIT.seen(r.lines());
        assertEquals("from-s3 ", seen.get("left"), "what S3 added meanwhile is listed");
        assertEquals("s3", seen.get("s3"));
    }

    private static double successfulLookups() {
        return PrometheusText.parse(strata.server().metrics().scrape()).value("strata_nfs_operations_seconds_count",
                Map.of("procedure", "V4_LOOKUP", "status", "NFS4_OK")).orElse(0.0);
    }

    @Test
    void aMountedClientCarriesOnAcrossAServerRestart() throws Exception {
        HostStepOnSignal restart = new HostStepOnSignal("phase1", () -> {
            strata.restart();
            strata.s3().putObject(b -> b.bucket("kv4").key("restart/restarted"), RequestBody.fromString("yes"));
        });
        KernelClient.Result r = KernelClient.run("4.2", strata.nfsPort(), strata.nfsPort(), "/kv4", "", 600, """
                set -euo pipefail
                mkdir -p restart/inner; cd restart/inner
                echo before > kept.txt
                exec 3< kept.txt
                exec 4>> appended.txt
                echo one >&4
                echo phase1
                for i in $(seq 600); do [ -e ../restarted ] && break; sleep 0.5; done
                [ -e ../restarted ] || { echo "never saw the restart marker"; exit 5; }
                echo "cwd $(cat kept.txt)"
                echo "fd $(cat <&3)"
                echo two >&4
                exec 4>&-
                echo "appended $(cat appended.txt | tr '\\n' ' ')"
                """, restart.lines());
        restart.finish();
        assertEquals(0, r.exit(), r.describe());
        Map<String, String> seen = KernelNfsIT.seen(r.lines());
        assertEquals("before", seen.get("cwd"), "the working directory's handle survived the restart");
        assertEquals("before", seen.get("fd"), "a file open across the restart reads on");
        assertEquals("one two ", seen.get("appended"), "a file open for writing across the restart writes on");
        assertEquals("one\ntwo\n", strata.s3().getObjectAsBytes(b -> b.bucket("kv4").key("restart/inner/appended.txt"))
                .asUtf8String());
    }

}
