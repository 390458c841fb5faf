package io.strata.tiering.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.meta.TestPorts;
import io.strata.meta.MetaStore;
import io.strata.meta.error.DirectoryNotEmptyException;
import io.strata.meta.error.ExistsException;
import io.strata.meta.error.InvalidMoveException;
import io.strata.meta.error.StaleInodeException;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.Bucket;
import io.strata.meta.model.Inode;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.ns.AttrChange;
import io.strata.meta.ns.BucketCatalog;
import io.strata.meta.ns.DirectoryTable;
import io.strata.meta.ns.FileTree;
import io.strata.meta.ns.NewFileAttrs;
import io.strata.meta.ns.WriteCondition;
import io.strata.tiering.data.ReadLeases;
import io.strata.tiering.data.Reclaimer;
import io.strata.tiering.store.ByteRange;
import io.strata.tiering.store.ObjectStore;
import io.strata.tiering.store.OpenObject;
import io.strata.tiering.volume.LocalVolume;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.VolumeRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-shaped access on a real namespace and volume, checked through the S3 view of the same inodes. */
class FileStoreIT {
    static final NewFileAttrs OWNER = new NewFileAttrs(0644, 1000, 1000);

    @TempDir
    static Path dir;
    static MetaStore meta;
    static ObjectStore objects;
    static FileStore files;
    static FileTree tree;
    static Reclaimer reclaimer;
    static long bucketRoot;

    @BeforeAll
    static void start() throws IOException {
        meta = MetaStore.open(TestPorts.metaConfig(dir.resolve("meta")));
        VolumeRegistry volumes = new VolumeRegistry();
        volumes.add(new LocalVolume("v1", Tier.NVME, dir.resolve("vol")));
        ReadLeases leases = new ReadLeases();
        objects = new ObjectStore(meta, volumes, leases, 0);
        files = new FileStore(objects, volumes, leases);
        tree = files.tree();
        reclaimer = new Reclaimer(meta.ledger(), volumes, leases, Duration.ZERO);
        Bucket b = meta.buckets().create("files", BucketCatalog.BucketDefaults.STANDARD);
        bucketRoot = b.rootInodeId();
    }

    @AfterAll
    static void stop() {
        files.close();
        meta.close();
    }

    @Test
    void sequentialWritesGetAnMd5EtagAndShowInS3OnlyOnceCommitted() throws Exception {
        Inode f = tree.createFile(bucketRoot, "seq.bin", OWNER, FileTree.CreateMode.GUARDED, 0);
        byte[] data = random(300_000, 1);
        // Out of order within the file, as a kernel client with several writes in flight sends them.
        write(f, 100_000, slice(data, 100_000, 200_000), false);
        write(f, 0, slice(data, 0, 100_000), false);
        write(f, 200_000, slice(data, 200_000, 300_000), false);

        assertArrayEquals(data, read(f, 0, data.length), "NFS reads its writes");
        assertEquals(0, s3("seq.bin").inode().size(), "S3 sees nothing before COMMIT");

        files.commit(f.id(), f.generation());
        OpenObject o = s3("seq.bin");
        assertEquals(md5(data), o.inode().object().etag());
        assertArrayEquals(data, s3Bytes("seq.bin"));
        assertEquals(1, o.inode().extents().size(), "one blob, one extent: nothing copied");
        o.close();
    }

    @Test
    void randomWritesLayOverS3ContentWithoutCopyingItAndGetANonMd5Etag() throws Exception {
        byte[] original = random(50_000, 2);
        putS3("edit.bin", original);
        Inode f = meta.objects().find("files", ObjectKey.parse("edit.bin"));
        String before = f.object().etag();

        byte[] patch = "PATCH".getBytes(StandardCharsets.US_ASCII);
        write(f, 1000, patch, true);
        byte[] expected = original.clone();
        System.arraycopy(patch, 0, expected, 1000, patch.length);

        Inode after = s3("edit.bin").inode();
        assertArrayEquals(expected, s3Bytes("edit.bin"));
        assertEquals(f.id(), after.id(), "same inode: NFS handles stay valid");
        assertNotEquals(before, after.object().etag());
        assertTrue(after.object().etag().contains("-"), "not mistakable for an MD5: " + after.object().etag());
        assertEquals(3, after.extents().size(), "the patch sits between two pieces of the S3 blob");
    }

    @Test
    void writesPastTheEndLeaveHolesThatReadAsZeros() throws Exception {
        Inode f = tree.createFile(bucketRoot, "sparse.bin", OWNER, FileTree.CreateMode.GUARDED, 0);
        write(f, 1 << 20, new byte[] {7}, false);
        byte[] read = read(f, (1 << 20) - 2, 10);
        assertArrayEquals(new byte[] {0, 0, 7}, read);
        files.commit(f.id(), f.generation());
        assertEquals((1 << 20) + 1, s3("sparse.bin").inode().size());
        assertEquals(0, s3Bytes("sparse.bin")[12345]);
    }

    @Test
    void rewritingCommittedBytesNeverChangesWhatAnOpenS3ReaderSees() throws Exception {
        Inode f = tree.createFile(bucketRoot, "rewrite.bin", OWNER, FileTree.CreateMode.GUARDED, 0);
        write(f, 0, "aaaa".getBytes(StandardCharsets.US_ASCII), true);
        OpenObject reader = s3("rewrite.bin");
        write(f, 0, "bbbb".getBytes(StandardCharsets.US_ASCII), true);
        assertEquals("aaaa", new String(readAll(reader), StandardCharsets.US_ASCII), "the open reader keeps its bytes");
        reader.close();
        assertEquals("bbbb", new String(s3Bytes("rewrite.bin"), StandardCharsets.US_ASCII));
    }

    @Test
    void anS3PutOverAFileBeingWrittenReplacesItAndLaterCommitsLandOnTop() throws Exception {
        Inode f = tree.createFile(bucketRoot, "contended.txt", OWNER, FileTree.CreateMode.GUARDED, 0);
        write(f, 0, "nfs-1".getBytes(StandardCharsets.US_ASCII), false); // not committed yet
        putS3("contended.txt", "from-s3-put".getBytes(StandardCharsets.US_ASCII));
        assertEquals("from-s3-put", new String(s3Bytes("contended.txt"), StandardCharsets.US_ASCII),
                "the PUT replaced the object at once");
        files.commit(f.id(), f.generation());
        Inode after = s3("contended.txt").inode();
        assertEquals(f.id(), after.id(), "the PUT kept the inode: the NFS handle is still good");
        assertEquals("nfs-1s3-put", new String(s3Bytes("contended.txt"), StandardCharsets.US_ASCII),
                "the NFS bytes committed after the PUT lie over its content");
        assertTrue(after.object().etag().contains("-"), "mixed content never claims an MD5");
    }

    @Test
    void manySmallCommittedFilesDoNotStayOpen() throws Exception {
        Inode d = tree.mkdir(bucketRoot, "small-files", OWNER);
        for (int i = 0; i < FileStore.KEEP_OPEN + 50; i++) {
            Inode f = tree.createFile(d.id(), "s" + i, OWNER, FileTree.CreateMode.GUARDED, 0);
            write(f, 0, ("file " + i).getBytes(StandardCharsets.US_ASCII), false);
            files.commit(f.id(), f.generation());
        }
        assertTrue(files.openFiles() <= FileStore.KEEP_OPEN + 1, files.openFiles() + " files still open");
        assertEquals("file 300", new String(s3Bytes("small-files/s300"), StandardCharsets.US_ASCII));
    }

    @Test
    void truncateAndExtendChangeSizeEtagAndBytes() throws Exception {
        Inode f = tree.createFile(bucketRoot, "trunc.bin", OWNER, FileTree.CreateMode.GUARDED, 0);
        write(f, 0, "0123456789".getBytes(StandardCharsets.US_ASCII), false);
        files.setattr(f.id(), f.generation(), new AttrChange(null, null, null, 4L, null, null), null);
        assertEquals("0123", new String(s3Bytes("trunc.bin"), StandardCharsets.US_ASCII), "pending writes publish first");
        Inode extended = files.setattr(f.id(), f.generation(), new AttrChange(null, null, null, 6L, null, null), null);
        assertArrayEquals(new byte[] {'0', '1', '2', '3', 0, 0}, s3Bytes("trunc.bin"));
        assertTrue(extended.object().etag().contains("-"));
        Inode empty = files.setattr(f.id(), f.generation(), new AttrChange(null, null, null, 0L, null, null), null);
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", empty.object().etag());
    }

    @Test
    void aReadFillsOnlyTheBufferRangeItIsGivenAndZeroesTheHolesInIt() throws Exception {
        byte[] original = random(10_000, 3);
        putS3("window.bin", original);
        Inode f = meta.objects().find("files", ObjectKey.parse("window.bin"));
        files.punchHole(f.id(), f.generation(), 4096, 1000);
        write(f, 12_000, new byte[] {9}, false); // unpublished, past a hole from 10,000

        ByteBuffer into = ByteBuffer.allocateDirect(16_000);
        while (into.hasRemaining()) {
            into.put((byte) 0x5A);
        }
        into.position(100).limit(100 + 13_000);
        FileStore.FileRead r = files.read(f.id(), f.generation(), 0, into);

        assertEquals(12_001, r.length(), "up to the end of the unpublished write");
        assertTrue(r.eof());
        assertEquals(100 + 12_001, into.position());
        byte[] expected = new byte[12_001];
        System.arraycopy(original, 0, expected, 0, original.length);
        java.util.Arrays.fill(expected, 4096, 5096, (byte) 0);
        expected[12_000] = 9;
        byte[] got = new byte[12_001];
        into.get(100, got);
        assertArrayEquals(expected, got, "the punched hole and the gap before the write read as zeros");
        assertEquals(0x5A, into.get(99), "nothing before the buffer's position is written");
        assertEquals(0x5A, into.get(100 + 12_001), "nothing past the bytes read is written");
    }

    /** NFSv4.2 fallocate: a write sent before a punched hole never fills it when it is committed after. */
    @Test
    void aPunchedHoleReadsAsZerosEvenOverAWriteNotYetCommitted() throws Exception {
        Inode f = tree.createFile(bucketRoot, "holes.bin", OWNER, FileTree.CreateMode.GUARDED, 0);
        write(f, 0, "0123456789".getBytes(StandardCharsets.US_ASCII), false); // UNSTABLE, pending
        Inode grown = files.allocate(f.id(), f.generation(), 16);
        assertEquals(16, grown.size());
        files.punchHole(f.id(), f.generation(), 2, 4);
        files.commit(f.id(), f.generation());
        byte[] expected = {'0', '1', 0, 0, 0, 0, '6', '7', '8', '9', 0, 0, 0, 0, 0, 0};
        assertArrayEquals(expected, s3Bytes("holes.bin"));
        assertArrayEquals(expected, read(f, 0, 100));
        Inode after = files.allocate(f.id(), f.generation(), 8);
        assertEquals(16, after.size(), "ALLOCATE within the file changes nothing");
        assertTrue(after.object().etag().contains("-"), "not an MD5 of the old bytes");

        Inode whole = files.punchHole(f.id(), f.generation(), 0, Long.MAX_VALUE);
        assertEquals(List.of(), whole.extents(), "no bytes left: the blob is released");
        assertArrayEquals(new byte[16], s3Bytes("holes.bin"));
        reclaimer.runOnce();
    }

    @Test
    void renameMovesOneEntryAndKeepsTheInode() throws Exception {
        Inode d = tree.mkdir(bucketRoot, "dir-a", OWNER);
        Inode f = tree.createFile(d.id(), "f", OWNER, FileTree.CreateMode.GUARDED, 0);
        write(f, 0, "x".getBytes(StandardCharsets.US_ASCII), true);
        Inode other = tree.mkdir(bucketRoot, "dir-b", OWNER);
        tree.rename(bucketRoot, "dir-a", other.id(), "moved");
        Inode found = meta.objects().find("files", ObjectKey.parse("dir-b/moved/f"));
        assertEquals(f.id(), found.id());
        assertArrayEquals("x".getBytes(StandardCharsets.US_ASCII), s3Bytes("dir-b/moved/f"));
        assertThrows(InvalidMoveException.class, () -> tree.rename(bucketRoot, "dir-b", d.id(), "loop"));
    }

    @Test
    void renameReplacesAFileButNotANonEmptyDirectory() throws Exception {
        Inode a = tree.createFile(bucketRoot, "ra", OWNER, FileTree.CreateMode.GUARDED, 0);
        tree.createFile(bucketRoot, "rb", OWNER, FileTree.CreateMode.GUARDED, 0);
        tree.rename(bucketRoot, "ra", bucketRoot, "rb");
        assertEquals(a.id(), tree.lookup(bucketRoot, "rb").inodeId());
        assertEquals(null, tree.lookup(bucketRoot, "ra"));
        Inode d1 = tree.mkdir(bucketRoot, "rd1", OWNER);
        Inode d2 = tree.mkdir(bucketRoot, "rd2", OWNER);
        tree.createFile(d2.id(), "keep", OWNER, FileTree.CreateMode.GUARDED, 0);
        assertThrows(DirectoryNotEmptyException.class, () -> tree.rename(bucketRoot, "rd1", bucketRoot, "rd2"));
        assertEquals(d1.id(), tree.lookup(bucketRoot, "rd1").inodeId(), "nothing changed");
    }

    @Test
    void hardLinksShareContentAndTheLastRemoveFreesIt() throws Exception {
        Inode f = tree.createFile(bucketRoot, "l1", OWNER, FileTree.CreateMode.GUARDED, 0);
        write(f, 0, "shared".getBytes(StandardCharsets.US_ASCII), true);
        assertEquals(2, tree.link(f.id(), bucketRoot, "l2").posix().nlink());
        tree.remove(bucketRoot, "l1");
        assertEquals("shared", new String(s3Bytes("l2"), StandardCharsets.US_ASCII));
        tree.remove(bucketRoot, "l2");
        assertThrows(StaleInodeException.class, () -> tree.require(f.id(), f.generation()));
    }

    @Test
    void exclusiveCreateIsIdempotentForItsVerifierOnly() {
        Inode f = tree.createFile(bucketRoot, "excl", OWNER, FileTree.CreateMode.EXCLUSIVE, 42);
        assertEquals(f.id(), tree.createFile(bucketRoot, "excl", OWNER, FileTree.CreateMode.EXCLUSIVE, 42).id());
        assertThrows(ExistsException.class,
                () -> tree.createFile(bucketRoot, "excl", OWNER, FileTree.CreateMode.EXCLUSIVE, 43));
        assertThrows(ExistsException.class,
                () -> tree.createFile(bucketRoot, "excl", OWNER, FileTree.CreateMode.GUARDED, 0));
    }

    @Test
    void readdirCookiesNeverSkipOrRepeatWhileTheDirectoryChanges() {
        Inode d = tree.mkdir(bucketRoot, "big", OWNER);
        for (int i = 0; i < 50; i++) {
            tree.createFile(d.id(), "f" + i, OWNER, FileTree.CreateMode.GUARDED, 0);
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        long cookie = 0;
        int round = 0;
        for (;;) {
            List<DirectoryTable.CookieEntry> page = tree.readdir(d.id(), cookie, 7);
            if (page.isEmpty()) {
                break;
            }
            for (DirectoryTable.CookieEntry e : page) {
                assertTrue(seen.add(e.entry().name()), "repeated " + e.entry().name());
                order.add(e.entry().name());
                cookie = e.cookie();
            }
            if (round < 5) {
                // Between pages: remove an entry not yet seen, add a new one.
                tree.remove(d.id(), "f" + (49 - round));
                tree.createFile(d.id(), "new" + round, OWNER, FileTree.CreateMode.GUARDED, 0);
                round++;
            }
        }
        for (int i = 0; i < 50 - round; i++) {
            assertTrue(seen.contains("f" + i), "skipped f" + i + " which existed throughout");
        }
        assertEquals("f0", order.get(0), "creation order");
        assertTrue(seen.containsAll(List.of("new0", "new4")), "entries created during the scan come at the end");
        assertFalse(seen.contains("f49"), "removed before the scan reached it");
    }

    @Test
    void s3ListsDirectoriesMadeOverNfsAndKeepsEmptiedOnesVisible() throws Exception {
        tree.mkdir(bucketRoot, "made-over-nfs", OWNER);
        assertTrue(meta.objects().find("files", ObjectKey.parse("made-over-nfs/")).isDirectory(),
                "S3 finds the directory as the object made-over-nfs/");
        putS3("implicit/only", new byte[] {1});
        long implicitDir = tree.lookup(bucketRoot, "implicit").inodeId();
        assertEquals(null, meta.inodes().get(implicitDir).object(), "implicit before");
        tree.remove(implicitDir, "only");
        assertFalse(meta.inodes().get(implicitDir).object() == null, "an emptied directory lists as implicit/");
    }

    @Test
    void writesToARemovedFileAreStale() throws Exception {
        Inode f = tree.createFile(bucketRoot, "gone", OWNER, FileTree.CreateMode.GUARDED, 0);
        write(f, 0, new byte[] {1, 2, 3}, false);
        tree.remove(bucketRoot, "gone");
        assertThrows(StaleInodeException.class, () -> files.commit(f.id(), f.generation()));
        assertThrows(StaleInodeException.class, () -> write(f, 0, new byte[] {1}, false));
        reclaimer.runOnce();
    }

    // --- helpers ---

    static void write(Inode f, long offset, byte[] data, boolean sync) throws IOException {
        files.write(f.id(), f.generation(), offset, ByteBuffer.wrap(data), sync);
    }

    static void putS3(String key, byte[] data) throws IOException {
        var blob = objects.startWrite("files", Set.of());
        blob.write(ByteBuffer.wrap(data));
        objects.publish("files", ObjectKey.parse(key), blob.finish(), ObjectAttrs.ofEtag(null), WriteCondition.NONE);
    }

    static OpenObject s3(String key) throws IOException {
        return objects.open("files", ObjectKey.parse(key),
                inode -> inode.size() == 0 ? null : new ByteRange(0, inode.size() - 1));
    }

    static byte[] s3Bytes(String key) throws IOException {
        try (OpenObject o = s3(key)) {
            return readAll(o);
        }
    }

    static byte[] readAll(OpenObject o) throws IOException {
        if (o.range() == null) {
            return new byte[0];
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (io.strata.tiering.data.ReadSegment s : o.segments()) {
            if (s instanceof io.strata.tiering.data.ReadSegment.FileBytes fb) {
                ByteBuffer buf = ByteBuffer.allocate((int) fb.length());
                while (buf.hasRemaining() && fb.channel().read(buf, fb.position() + buf.position()) >= 0) {
                    // fill
                }
                out.write(buf.array(), 0, buf.position());
            } else if (s instanceof io.strata.tiering.data.ReadSegment.Bytes b) {
                byte[] bytes = new byte[b.data().remaining()];
                b.data().duplicate().get(bytes);
                out.write(bytes, 0, bytes.length);
            } else {
                out.write(new byte[(int) s.length()], 0, (int) s.length());
            }
        }
        return out.toByteArray();
    }

    /**
     * What an NFS READ of {@code count} bytes at {@code offset} returns. The buffer starts full of other bytes, as a
     * pooled one does, so that a hole the read leaves unwritten shows instead of passing for zeros.
     */
    private static byte[] read(Inode f, long offset, int count) throws IOException {
        ByteBuffer into = ByteBuffer.allocateDirect(count);
        while (into.hasRemaining()) {
            into.put((byte) 0x5A);
        }
        into.clear();
        FileStore.FileRead r = files.read(f.id(), f.generation(), offset, into);
        assertEquals(r.length(), into.position(), "the buffer's position advances past the bytes read");
        byte[] out = new byte[r.length()];
        into.get(0, out);
        return out;
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }
}
