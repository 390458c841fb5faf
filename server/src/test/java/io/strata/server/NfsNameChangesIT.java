package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.emc.ecs.nfsclient.nfs.NfsCreateMode;
import com.emc.ecs.nfsclient.nfs.NfsCreateResponse;
import com.emc.ecs.nfsclient.nfs.NfsGetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsPreOpAttributes;
import com.emc.ecs.nfsclient.nfs.NfsResponseBase;
import com.emc.ecs.nfsclient.nfs.NfsSetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsWccData;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3;
import com.emc.ecs.nfsclient.rpc.CredentialUnix;
import io.strata.server.metrics.PrometheusText;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * NFSv3 name changes (CREATE, MKDIR, REMOVE, RMDIR, RENAME) through a Java client, many at once: these answer
 * from the thread that commits their batch, so each caller must still get its own status and attributes, and S3
 * must see every change as soon as it is answered.
 */
class NfsNameChangesIT {
    private static final int NFS3_OK = 0;
    private static final int NOENT = 2;
    private static final int EXIST = 17;
    private static final int ISDIR = 21;
    private static final int INVAL = 22;
    private static final int NOTEMPTY = 66;

    @RegisterExtension
    static final InJvmServer strata = new InJvmServer("--nfs-portmap=true");
    static Nfs3 bucket;
    static Nfs3 root;
    static final ExecutorService clients = Executors.newFixedThreadPool(16);

    @BeforeAll
    static void start() throws Exception {
        strata.s3().createBucket(b -> b.bucket("names"));
        bucket = new Nfs3("127.0.0.1", "/names", new CredentialUnix(0, 0, null), 3);
        root = new Nfs3("127.0.0.1", "/", new CredentialUnix(0, 0, null), 3);
    }

    @AfterAll
    static void stop() {
        clients.shutdownNow();
    }

    @Test
    void sixteenClientsCreateRenameAndRemoveAndEachGetsItsOwnAnswer() throws Exception {
        byte[] dir = ok(bucket.sendMkdir(bucket.makeMkdirRequest(bucket.getRootFileHandle(), "busy",
                new NfsSetAttributes()))).getFileHandle();
        PrometheusText before = PrometheusText.parse(strata.server().metrics().scrape());
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int worker = t;
            workers.add(clients.submit(() -> {
                for (int i = 0; i < 60; i++) {
                    String name = "w" + worker + "-" + i;
                    assertEquals(NFS3_OK, create(dir, name).getState(), name);
                    assertEquals(EXIST, create(dir, name).getState(), "a second GUARDED create of " + name);
                    assertEquals(NFS3_OK, bucket.sendRename(bucket.makeRenameRequest(dir, name, dir,
                            name + ".done")).getState(), name);
                    if (i % 2 == 0) {
                        assertEquals(NFS3_OK, bucket.sendRemove(bucket.makeRemoveRequest(dir, name + ".done"))
                                .getState(), name);
                        assertEquals(NOENT, bucket.sendRemove(bucket.makeRemoveRequest(dir, name + ".done"))
                                .getState(), "a second remove of " + name);
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get(120, TimeUnit.SECONDS);
        }

        TreeSet<String> expected = new TreeSet<>(); // S3 lists in byte order, which is String order for ASCII
        for (int t = 0; t < 16; t++) {
            for (int i = 1; i < 60; i += 2) {
                expected.add("busy/w" + t + "-" + i + ".done");
            }
        }
        expected.add("busy/");
        List<String> listed = strata.s3().listObjectsV2Paginator(b -> b.bucket("names").prefix("busy/")).contents()
                .stream().map(S3Object::key).toList();
        assertEquals(List.copyOf(expected), listed, "every answered change, and nothing else, shows over S3");

        PrometheusText after = PrometheusText.parse(strata.server().metrics().scrape());
        double batches = grew(before, after, "strata_meta_batch_operations_count");
        double operations = grew(before, after, "strata_meta_batch_operations_sum");
        assertTrue(operations > batches, "changes shared transactions (" + operations + " in " + batches
                + " batches), so answers had to be told apart");
    }

    @Test
    void refusalsComeBackAsTheirStatusWithTheDirectorysAttributes() throws Exception {
        byte[] top = bucket.getRootFileHandle();
        byte[] full = ok(bucket.sendMkdir(bucket.makeMkdirRequest(top, "full", new NfsSetAttributes())))
                .getFileHandle();
        byte[] inner = ok(bucket.sendMkdir(bucket.makeMkdirRequest(full, "inner", new NfsSetAttributes())))
                .getFileHandle();
        ok(create(full, "kept.txt"));

        var notEmpty = bucket.sendRmdir(bucket.makeRmdirRequest(top, "full"));
        assertEquals(NOTEMPTY, notEmpty.getState());
        assertLoaded(notEmpty.getDirectoryWccData());
        var missing = bucket.sendRemove(bucket.makeRemoveRequest(full, "absent.txt"));
        assertEquals(NOENT, missing.getState());
        assertLoaded(missing.getDirectoryWccData());
        assertEquals(ISDIR, bucket.sendRemove(bucket.makeRemoveRequest(full, "inner")).getState());
        var intoItself = bucket.sendRename(bucket.makeRenameRequest(top, "full", inner, "loop"));
        assertEquals(INVAL, intoItself.getState(), "a directory cannot move into itself");
        assertLoaded(intoItself.getFromDirectoryWccData());
        assertLoaded(intoItself.getToDirectoryWccData());
        var taken = create(full, "kept.txt");
        assertEquals(EXIST, taken.getState());
        assertLoaded(taken.getDirectoryWccData());

        List<String> listed = strata.s3().listObjectsV2(b -> b.bucket("names").prefix("full/")).contents()
                .stream().map(S3Object::key).toList();
        assertEquals(List.of("full/", "full/inner/", "full/kept.txt"), listed, "the refused changes changed nothing");
    }

    /**
     * A client whose cached attributes of a directory match a change's wcc_data "before" keeps its cached names: so
     * a lone change reports the directory exactly as the client last saw it, and "after" as it is now.
     */
    @Test
    void aLoneChangeReportsTheDirectoryAsTheClientLastSawIt() throws Exception {
        byte[] dir = ok(bucket.sendMkdir(bucket.makeMkdirRequest(bucket.getRootFileHandle(), "wcc",
                new NfsSetAttributes()))).getFileHandle();
        ok(create(dir, "a"));
        ok(create(dir, "b"));
        NfsGetAttributes seen = bucket.getAttr(bucket.makeGetAttrRequest(dir)).getAttributes();
        var removed = bucket.sendRemove(bucket.makeRemoveRequest(dir, "a"));
        assertEquals(NFS3_OK, removed.getState());
        NfsPreOpAttributes before = removed.getDirectoryWccData().getPreOpAttributes();
        assertNotNull(before, "a lone change says what the directory was just before it");
        assertEquals(seen.getMtime().toString(), before.getMTime().toString());
        assertEquals(seen.getCtime().toString(), before.getCTime().toString());
        NfsGetAttributes now = bucket.getAttr(bucket.makeGetAttrRequest(dir)).getAttributes();
        assertEquals(now.getMtime().toString(),
                removed.getDirectoryWccData().getAttributes().getMtime().toString());
    }

    @Test
    void anUncheckedCreateWithSizeZeroTruncatesAnExistingFile() throws Exception {
        strata.s3().putObject(b -> b.bucket("names").key("log.txt"), RequestBody.fromString("old contents"));
        NfsSetAttributes empty = new NfsSetAttributes();
        empty.setSize(0L);
        var created = bucket.sendCreate(bucket.makeCreateRequest(NfsCreateMode.UNCHECKED, bucket.getRootFileHandle(),
                "log.txt", empty, null));
        assertEquals(NFS3_OK, created.getState());
        assertEquals(0, created.getAttributes().getSize(), "open(O_CREAT | O_TRUNC) of an existing file");
        assertEquals(0, strata.s3().headObject(b -> b.bucket("names").key("log.txt")).contentLength());
    }

    @Test
    void aDirectoryMadeOrRemovedAtTheRootIsABucket() throws Exception {
        byte[] top = root.getRootFileHandle();
        ok(root.sendMkdir(root.makeMkdirRequest(top, "made-over-nfs", new NfsSetAttributes())));
        strata.s3().headBucket(b -> b.bucket("made-over-nfs"));
        assertEquals(EXIST, root.sendMkdir(root.makeMkdirRequest(top, "made-over-nfs", new NfsSetAttributes()))
                .getState());

        strata.s3().createBucket(b -> b.bucket("holds-one"));
        strata.s3().putObject(b -> b.bucket("holds-one").key("one.txt"), RequestBody.fromString("1"));
        assertEquals(NOTEMPTY, root.sendRmdir(root.makeRmdirRequest(top, "holds-one")).getState(),
                "a bucket with an object stays");
        strata.s3().headBucket(b -> b.bucket("holds-one"));
        ok(root.sendRmdir(root.makeRmdirRequest(top, "made-over-nfs")));
        assertThrows(NoSuchBucketException.class, () -> strata.s3().headBucket(b -> b.bucket("made-over-nfs")));
        assertEquals(NOENT, root.sendRmdir(root.makeRmdirRequest(top, "made-over-nfs")).getState());
    }

    private static double grew(PrometheusText before, PrometheusText after, String name) {
        return after.value(name).orElse(0.0) - before.value(name).orElse(0.0);
    }

    private static NfsCreateResponse create(byte[] dir, String name) throws Exception {
        return bucket.sendCreate(bucket.makeCreateRequest(NfsCreateMode.GUARDED, dir, name, new NfsSetAttributes(),
                null));
    }

    private static <R extends NfsResponseBase> R ok(R response) {
        assertEquals(NFS3_OK, response.getState(), response.toString());
        return response;
    }

    /** A failed change still reports the directory's attributes after it (RFC 1813's wcc_data). */
    private static void assertLoaded(NfsWccData wcc) {
        assertNotNull(wcc);
        assertNotNull(wcc.getAttributes());
        assertTrue(wcc.getAttributes().isLoaded(), "post-operation attributes of the directory");
    }
}
