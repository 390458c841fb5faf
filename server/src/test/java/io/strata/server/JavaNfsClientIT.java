package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.emc.ecs.nfsclient.nfs.io.Nfs3File;
import com.emc.ecs.nfsclient.nfs.io.NfsFileInputStream;
import com.emc.ecs.nfsclient.nfs.io.NfsFileOutputStream;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3;
import com.emc.ecs.nfsclient.rpc.CredentialUnix;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A Java NFSv3 client (com.emc.ecs:nfs-client) against the running server. It finds the NFS and MOUNT ports
 * through the portmapper, so this also checks that Strata's embedded portmapper answers on port 111.
 */
class JavaNfsClientIT {
    @TempDir
    static Path tmp;
    static StrataServer server;
    static S3Client s3;
    static Nfs3 nfs;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(tmp.resolve("data"), List.of("--nfs-portmap=true"));
        s3 = TestServers.s3Client(server.s3Port());
        s3.createBucket(b -> b.bucket("javaclient"));
        nfs = new Nfs3("127.0.0.1", "/javaclient", new CredentialUnix(0, 0, null), 3);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void writeReadRenameAndDeleteShowThroughS3() throws Exception {
        byte[] body = TestData.random(700_000, 51);
        Nfs3File dir = new Nfs3File(nfs, "/reports");
        dir.mkdir();
        Nfs3File file = new Nfs3File(nfs, "/reports/q1.bin");
        assertTrue(file.createNewFile());
        try (NfsFileOutputStream out = new NfsFileOutputStream(file)) {
            out.write(body);
        }
        assertArrayEquals(body, s3.getObjectAsBytes(b -> b.bucket("javaclient").key("reports/q1.bin")).asByteArray());

        assertTrue(file.renameTo(new Nfs3File(nfs, "/reports/q1-final.bin")));
        List<String> keys = s3.listObjectsV2(b -> b.bucket("javaclient").prefix("reports/")).contents().stream()
                .map(S3Object::key).toList();
        assertEquals(List.of("reports/", "reports/q1-final.bin"), keys, "a directory made over NFS lists as reports/");

        new Nfs3File(nfs, "/reports/q1-final.bin").delete();
        assertFalse(new Nfs3File(nfs, "/reports/q1-final.bin").exists());
        assertEquals(List.of("reports/"), s3.listObjectsV2(b -> b.bucket("javaclient").prefix("reports/")).contents()
                .stream().map(S3Object::key).toList());
    }

    @Test
    void anObjectPutOverS3IsReadableAndListedOverNfs() throws Exception {
        byte[] body = TestData.random(300_000, 52);
        s3.putObject(b -> b.bucket("javaclient").key("incoming/data.bin"), RequestBody.fromBytes(body));
        Nfs3File file = new Nfs3File(nfs, "/incoming/data.bin");
        assertEquals(body.length, file.length());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (NfsFileInputStream in = new NfsFileInputStream(file)) {
            in.transferTo(got);
        }
        assertArrayEquals(body, got.toByteArray());
        assertEquals(List.of("data.bin"), new Nfs3File(nfs, "/incoming").list());
    }
}
