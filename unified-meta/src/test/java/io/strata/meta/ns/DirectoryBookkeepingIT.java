package io.strata.meta.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.meta.MetaConfig;
import io.strata.meta.MetaStore;
import io.strata.meta.TestPorts;
import io.strata.meta.error.DirectoryNotEmptyException;
import io.strata.meta.error.ExistsException;
import io.strata.meta.ignite.DentryKey;
import io.strata.meta.ignite.DentryRow;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.Bucket;
import io.strata.meta.model.Inode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.Ignition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each directory keeps about itself beside its entries, on a real embedded Ignite node: its link count, the
 * count of its entries (rmdir's emptiness check), its change stamps (its mtime), and how many operations changed it
 * (what NFS tells a client about its own changes). Every way an entry comes and goes must keep them all in step.
 */
class DirectoryBookkeepingIT {
    @TempDir
    static Path dir;
    static MetaConfig config;
    static MetaStore meta;

    @BeforeAll
    static void start() {
        config = TestPorts.metaConfig(dir);
        meta = MetaStore.open(config);
    }

    @AfterAll
    static void stop() {
        meta.close();
    }

    static String newBucket() {
        return NamespaceFixtures.newBucket(meta);
    }

    static Inode put(String bucket, String key, String etag) {
        return NamespaceFixtures.put(meta, bucket, key, etag);
    }

    @Test
    void aDirectorysLinkCountIsTwoPlusItsSubdirectoriesHoweverTheyCameAndWent() {
        String b = newBucket();
        long root = meta.buckets().require(b).rootInodeId();
        put(b, "a/x/file", "e1"); // implicit directories a and a/x
        put(b, "a/y/", "e2"); // an explicit one
        FileTree tree = meta.files();
        long a = meta.objects().resolveDirectory(meta.buckets().require(b), List.of("a"));
        NewFileAttrs attrs = new NewFileAttrs(0755, 0, 0);
        tree.mkdir(a, "z", attrs);
        tree.createFile(a, "plain", attrs, FileTree.CreateMode.GUARDED, 0);
        assertEquals(3, nlink(root), "bucket root: a");
        assertEquals(5, nlink(a), "a: x, y, z (files do not count)");
        tree.rename(a, "z", root, "z"); // moves out of a into the bucket root
        assertEquals(4, nlink(a));
        assertEquals(4, nlink(root));
        tree.rename(root, "z", a, "y"); // over the empty directory a/y: a loses y and gains z
        assertEquals(4, nlink(a));
        assertEquals(3, nlink(root));
        tree.rmdir(a, "y");
        assertTrue(meta.objects().delete(b, ObjectKey.parse("a/x/file"), WriteCondition.NONE)); // a/x goes too
        assertEquals(2, nlink(a));
    }

    /**
     * A directory made since start counts its entries, so removing it asks no index whether it is empty; however an
     * entry came (create, hard link, symlink, S3 put through an implicit directory, rename in) and went (remove,
     * rename out, S3 delete pruning), an rmdir refuses while one remains and succeeds once none does. A directory
     * from before a restart has no count: the index answers, the same.
     */
    @Test
    void emptinessFollowsEveryWayAnEntryComesAndGoesWithCountsAndAfterARestartWithout() {
        String b = newBucket();
        long root = meta.buckets().require(b).rootInodeId();
        FileTree tree = meta.files();
        NewFileAttrs attrs = new NewFileAttrs(0755, 0, 0);
        long indexChecks = meta.directories().indexChecks();
        long d = tree.mkdir(root, "d", attrs).id();
        long f = tree.createFile(d, "f", attrs, FileTree.CreateMode.GUARDED, 0).id();
        tree.link(f, d, "hard");
        tree.symlink(d, "sym", "f", attrs);
        put(b, "d/s3/key", "e1"); // an implicit directory s3 inside d
        tree.createFile(root, "outside", attrs, FileTree.CreateMode.GUARDED, 0);
        tree.rename(root, "outside", d, "in");
        tree.rename(d, "f", root, "f-out");
        tree.rename(d, "in", d, "in-renamed");
        List<Runnable> emptying = List.of(
                () -> tree.remove(d, "hard"),
                () -> tree.remove(d, "sym"),
                () -> tree.rename(d, "in-renamed", root, "back"),
                () -> assertTrue(meta.objects().delete(b, ObjectKey.parse("d/s3/key"), WriteCondition.NONE)));
        for (Runnable step : emptying) {
            assertThrows(DirectoryNotEmptyException.class, () -> tree.rmdir(root, "d"));
            step.run();
        }
        assertNull(tree.lookup(d, "s3"), "the S3 delete pruned the emptied implicit directory");
        tree.rmdir(root, "d");
        assertNull(tree.lookup(root, "d"));
        assertEquals(indexChecks, meta.directories().indexChecks(), "no emptiness check needed the index");

        long e = tree.mkdir(root, "e", attrs).id();
        tree.createFile(e, "g", attrs, FileTree.CreateMode.GUARDED, 0);
        meta.close();
        meta = MetaStore.open(config);
        FileTree after = meta.files();
        long before = meta.directories().indexChecks();
        assertThrows(DirectoryNotEmptyException.class, () -> after.rmdir(root, "e"));
        after.remove(e, "g");
        after.rmdir(root, "e");
        assertEquals(before + 2, meta.directories().indexChecks(),
                "a directory from before the restart asks the index");
        assertEquals(List.of("back", "f-out"), after.readdir(root, 0, 10).stream().map(c -> c.entry().name())
                .sorted().toList());
    }

    @Test
    void removedDirectoriesLeaveNoStampsBehind() {
        String b = newBucket();
        put(b, "s3/deep/key", "e1"); // implicit directories s3 and s3/deep, removed by the delete below
        Bucket bucket = meta.buckets().require(b);
        long s3 = meta.objects().resolveDirectory(bucket, List.of("s3"));
        long deep = meta.objects().resolveDirectory(bucket, List.of("s3", "deep"));
        FileTree tree = meta.files();
        NewFileAttrs attrs = new NewFileAttrs(0755, 0, 0);
        long nfs = tree.mkdir(bucket.rootInodeId(), "nfs", attrs).id();
        tree.createFile(nfs, "f", attrs, FileTree.CreateMode.GUARDED, 0);
        tree.remove(nfs, "f");
        assertTrue(stampsHeld(nfs) > 0 && stampsHeld(s3) > 0 && stampsHeld(deep) > 0, "each was stamped");

        tree.rmdir(bucket.rootInodeId(), "nfs");
        assertTrue(meta.objects().delete(b, ObjectKey.parse("s3/deep/key"), WriteCondition.NONE));
        meta.buckets().delete(b);

        for (long d : new long[] {nfs, s3, deep, bucket.rootInodeId()}) {
            assertEquals(0, stampsHeld(d), "stamp rows of removed directory " + d);
            assertNull(meta.inodes().get(d));
        }
    }

    /**
     * NFSv4 tells a client that a name change was atomic when the directory's change count moved by exactly one
     * across it: so every operation that changes a directory counts exactly once, however many rows of it it
     * writes, and one that turns out to change nothing counts too.
     */
    @Test
    void everyOperationOnADirectoryCountsOnceAsItCommits() throws Exception {
        String b = newBucket();
        long root = meta.buckets().require(b).rootInodeId();
        FileTree tree = meta.files();
        NewFileAttrs attrs = new NewFileAttrs(0755, 0, 0);
        long d = tree.mkdir(root, "d", attrs).id();
        long other = tree.mkdir(root, "other", attrs).id();
        long[] seen = {tree.changeCount(d)};
        java.util.function.BiConsumer<Long, String> movedBy = (expected, what) -> {
            long now = tree.changeCount(d);
            assertEquals(expected, now - seen[0], what);
            seen[0] = now;
        };

        tree.createFile(d, "f", attrs, FileTree.CreateMode.GUARDED, 0);
        movedBy.accept(1L, "a create writes an entry and a stamp");
        tree.createFile(d, "f", attrs, FileTree.CreateMode.UNCHECKED, 0);
        movedBy.accept(1L, "an unchecked create that finds the file");
        long sub = tree.mkdir(d, "sub", attrs).id();
        movedBy.accept(1L, "a mkdir writes an entry and the parent's link count");
        tree.rename(d, "f", d, "g");
        movedBy.accept(1L, "a rename within the directory unlinks and links");
        tree.rename(d, "g", d, "g");
        movedBy.accept(1L, "a rename onto itself");
        tree.rename(d, "g", other, "g");
        movedBy.accept(1L, "a rename out of it");
        put(b, "d/s3-object", "e1");
        movedBy.accept(1L, "an S3 PUT of a new key in it");
        assertTrue(meta.objects().delete(b, ObjectKey.parse("d/s3-object"), WriteCondition.NONE));
        movedBy.accept(1L, "an S3 DELETE");
        tree.createFile(sub, "deeper", attrs, FileTree.CreateMode.GUARDED, 0);
        movedBy.accept(0L, "a change in a subdirectory is not a change of this one");
        assertThrows(ExistsException.class,
                () -> tree.createFile(d, "sub", attrs, FileTree.CreateMode.GUARDED, 0));
        movedBy.accept(0L, "a refused operation");

        // Operations that commit in one transaction (group commit) still count once each.
        List<CompletableFuture<Inode>> creates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            creates.add(tree.submitCreateFile(d, "batch-" + i, attrs, FileTree.CreateMode.GUARDED, 0));
        }
        for (CompletableFuture<Inode> c : creates) {
            c.get(30, TimeUnit.SECONDS);
        }
        movedBy.accept(20L, "twenty creates");
        tree.remove(d, "batch-0");
        movedBy.accept(1L, "a remove");
    }

    @Test
    void aStampReadsEveryWritersSlotUnlessThisNodeIsTheSoleWriter() {
        Ignite ignite = Ignition.allGrids().get(0);
        IgniteCache<DentryKey, DentryRow> entries = ignite.cache("strata-dentries");
        IgniteCache<Long, Long> stamps = ignite.cache("strata-dir-times");
        // Stamps only: no entry is linked, so no READDIR cookies are handed out.
        DirectoryChanges shared = DirectoryChanges.notCounted();
        DirectoryTable here = new DirectoryTable(entries, stamps, null, meta.inodes(), "node-a", false, shared);
        DirectoryTable there = new DirectoryTable(entries, stamps, null, meta.inodes(), "node-b", false, shared);
        DirectoryTable alone = new DirectoryTable(entries, stamps, null, meta.inodes(), "node-a", true,
                DirectoryChanges.counted());
        long dir = (1L << 50) + System.nanoTime() % 1_000_000;

        there.touch(dir, 5_000);
        assertEquals(5_000, here.stamp(dir), "another writer's change holds the directory too");
        assertEquals(0, alone.stamp(dir), "a sole writer reads its own slot only");
        here.touch(dir, 7_000);
        assertEquals(7_000, alone.stamp(dir));
        here.drop(dir);
        assertEquals(0, stampsHeld(dir));
    }

    /** Rows of the directory's change stamps in the grid, in every slot a version ever wrote (64). */
    private static int stampsHeld(long dirId) {
        IgniteCache<Long, Long> stamps = Ignition.allGrids().get(0).cache("strata-dir-times");
        int held = 0;
        for (long slot = 0; slot < 64; slot++) {
            held += stamps.containsKey((dirId << 6) | slot) ? 1 : 0;
        }
        return held;
    }

    private static int nlink(long inodeId) {
        return meta.inodes().require(inodeId).posix().nlink();
    }
}
