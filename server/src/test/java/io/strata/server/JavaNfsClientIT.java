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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A Java NFSv3 client (com.emc.ecs:nfs-client) against the running server. It finds the NFS and MOUNT ports
 * through the portmapper, so this also checks that Strata's embedded portmapper answers on port 111.
 */
class JavaNfsClientIT {
    @RegisterExtension
    static final InJvmServer strata = new InJvmServer("--nfs-portmap=true");
    static Nfs3 nfs;

    @BeforeAll
    static void start() throws Exception {
        strata.s3().createBucket(b -> b.bucket("javaclient"));
        nfs = new Nfs3("127.0.0.1", "/javaclient", new CredentialUnix(0, 0, null), 3);
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
        assertArrayEquals(body,
                strata.s3().getObjectAsBytes(b -> b.bucket("javaclient").key("reports/q1.bin")).asByteArray());

        assertTrue(file.renameTo(new Nfs3File(nfs, "/reports/q1-final.bin")));
        List<String> keys = strata.s3().listObjectsV2(b -> b.bucket("javaclient").prefix("reports/")).contents()
                .stream().map(S3Object::key).toList();
        assertEquals(List.of("reports/", "reports/q1-final.bin"), keys, "a directory made over NFS lists as reports/");

        new Nfs3File(nfs, "/reports/q1-final.bin").delete();
        assertFalse(new Nfs3File(nfs, "/reports/q1-final.bin").exists());
        assertEquals(List.of("reports/"),
                strata.s3().listObjectsV2(b -> b.bucket("javaclient").prefix("reports/")).contents()
                        .stream().map(S3Object::key).toList());
    }

    @Test
    void anObjectPutOverS3IsReadableAndListedOverNfs() throws Exception {
        byte[] body = TestData.random(300_000, 52);
        strata.s3().putObject(b -> b.bucket("javaclient").key("incoming/data.bin"), RequestBody.fromBytes(body));
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
