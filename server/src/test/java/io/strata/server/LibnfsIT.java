package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * One dataset through both protocols, with Debian's libnfs-utils (nfs-cp, nfs-cat, nfs-ls: a user-space NFSv3
 * client) against S3 through the AWS SDK. Every test writes with one protocol and checks with the other.
 */
class LibnfsIT {
    @RegisterExtension
    static final InJvmServer strata = new InJvmServer();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        Tools.requireLibnfs();
        strata.s3().createBucket(b -> b.bucket("both"));
    }

    String url(String path) {
        return "nfs://127.0.0.1" + path + "?version=3&nfsport=" + strata.nfsPort() + "&mountport=" + strata.nfsPort();
    }

    Proc.Result nfs(String... command) throws Exception {
        Proc.Result r = Proc.run(List.of(command), Map.of("PATH", "/usr/bin:/bin"), null, Duration.ofSeconds(120));
        assertEquals(0, r.exit(), r.describe());
        return r;
    }

    @Test
    void anObjectPutOverS3ReadsOverNfsByteForByte() throws Exception {
        byte[] body = TestData.random(3_000_000, 31);
        strata.s3().putObject(b -> b.bucket("both").key("a/b/data.bin"), RequestBody.fromBytes(body));
        Path local = tmp.resolve("from-nfs.bin");
        nfs(Tools.NFS_CP, url("/both/a/b/data.bin"), local.toString());
        assertArrayEquals(body, Files.readAllBytes(local));
    }

    @Test
    void aFileCopiedInOverNfsIsAnObjectWithItsMd5AsEtag() throws Exception {
        byte[] body = TestData.random(5_000_000, 32);
        Path local = tmp.resolve("to-nfs.bin");
        Files.write(local, body);
        // libnfs mounts the file's directory: it must exist (made here over S3, as an implicit directory).
        strata.s3().putObject(b -> b.bucket("both").key("uploaded/placeholder"), RequestBody.fromString(""));
        nfs(Tools.NFS_CP, local.toString(), url("/both/uploaded/over-nfs.bin"));

        byte[] got = strata.s3().getObjectAsBytes(b -> b.bucket("both").key("uploaded/over-nfs.bin")).asByteArray();
        assertArrayEquals(body, got);
        HeadObjectResponse head = strata.s3().headObject(b -> b.bucket("both").key("uploaded/over-nfs.bin"));
        assertEquals("\"" + TestData.md5(body) + "\"", head.eTag(), "written in order from offset 0: a real MD5");
        assertEquals(body.length, head.contentLength());
    }

    @Test
    void nfsCpRefusesToClobberAnExistingObjectAndLeavesItAlone() throws Exception {
        // nfs-cp creates its target GUARDED: an existing name is EXIST, as on any NFS server.
        strata.s3().putObject(b -> b.bucket("both").key("edit.txt"), RequestBody.fromString("old content"));
        Path local = tmp.resolve("new.txt");
        Files.writeString(local, "new");
        Proc.Result r = Proc.run(List.of(Tools.NFS_CP, local.toString(), url("/both/edit.txt")),
                Map.of("PATH", "/usr/bin:/bin"), null, Duration.ofSeconds(60));
        assertNotEquals(0, r.exit(), r.describe());
        assertTrue(r.err().contains("NFS3ERR_EXIST"), r.describe());
        assertEquals("old content", strata.s3().getObjectAsBytes(b -> b.bucket("both").key("edit.txt")).asUtf8String());
    }

    @Test
    void nfsListsWhatS3PutAndCatsIt() throws Exception {
        for (String key : List.of("list/x.txt", "list/y.txt", "list/sub/z.txt")) {
            strata.s3().putObject(b -> b.bucket("both").key(key), RequestBody.fromString("content of " + key));
        }
        String listing = nfs(Tools.NFS_LS, url("/both/list")).out();
        for (String name : List.of("x.txt", "y.txt", "sub")) {
            assertTrue(listing.contains(" " + name + "\n") || listing.endsWith(" " + name), listing);
        }
        String cat = nfs(Tools.NFS_CAT, url("/both/list/sub/z.txt")).out();
        assertEquals("content of list/sub/z.txt", cat);
    }

    @Test
    void theRootExportListsEveryBucketIncludingOneJustCreatedOverS3() throws Exception {
        strata.s3().createBucket(b -> b.bucket("fresh-bucket"));
        strata.s3().putObject(b -> b.bucket("fresh-bucket").key("hello.txt"), RequestBody.fromString("hi"));
        String root = nfs(Tools.NFS_LS, url("/")).out();
        assertTrue(root.contains("fresh-bucket"), root);
        assertEquals("hi", nfs(Tools.NFS_CAT, url("/fresh-bucket/hello.txt")).out());
    }

    @Test
    void aMissingFileIsAnErrorNotEmptyOutput() throws Exception {
        Proc.Result r = Proc.run(List.of(Tools.NFS_CAT, url("/both/no/such/file")), Map.of("PATH", "/usr/bin:/bin"),
                null, Duration.ofSeconds(60));
        assertNotEquals(0, r.exit(), r.describe());
        assertEquals("", r.out());
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
