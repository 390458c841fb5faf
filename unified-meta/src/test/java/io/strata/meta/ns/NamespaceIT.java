package io.strata.meta.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.meta.MetaConfig;
import io.strata.meta.MetaStore;
import io.strata.meta.TestPorts;
import io.strata.meta.error.BucketNotEmptyException;
import io.strata.meta.error.DirectoryNotEmptyException;
import io.strata.meta.error.ExistsException;
import io.strata.meta.error.IsDirectoryException;
import io.strata.meta.error.NoSuchBucketException;
import io.strata.meta.error.NotDirectoryException;
import io.strata.meta.error.NotFoundException;
import io.strata.meta.error.ParentIsFileException;
import io.strata.meta.error.PreconditionFailedException;
import io.strata.meta.error.StaleInodeException;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.model.Part;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The namespace on a real embedded Ignite node with persistence. What each directory keeps about itself (link
 * count, entry count, change stamps and change count) is {@link DirectoryBookkeepingIT}'s.
 */
class NamespaceIT {
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

    static List<String> listAll(String bucket, String prefix, String delimiter, int pageSize) {
        List<String> out = new ArrayList<>();
        ResumePoint after = null;
        do {
            ListPage page = meta.lister().list(bucket, new ListQuery(prefix, delimiter, after, pageSize));
            page.objects().forEach(i -> out.add(i.key()));
            page.commonPrefixes().forEach(p -> out.add("CP:" + p));
            after = page.next();
            assertTrue(page.objects().size() + page.commonPrefixes().size() <= pageSize);
        } while (after != null);
        return out;
    }

    @Test
    void replacingAnObjectKeepsItsInodeAndReleasesOldBytes() {
        String b = newBucket();
        Inode first = put(b, "a/b.csv", "e1");
        Inode second = put(b, "a/b.csv", "e2");
        assertEquals(first.id(), second.id());
        assertEquals(first.generation(), second.generation());
        assertTrue(second.version() > first.version());
        assertEquals("e2", meta.objects().find(b, ObjectKey.parse("a/b.csv")).object().etag());
        BlobRef oldBlob = first.extents().get(0).blob();
        assertTrue(meta.ledger().reclaimable(Long.MAX_VALUE, 0, 10_000).stream()
                .anyMatch(e -> e.blob().equals(oldBlob)), "the replaced blob is queued for reclaim");
    }

    @Test
    void keysThatCollideWithDirectoriesAreRefused() {
        String b = newBucket();
        put(b, "a", "e");
        assertThrows(ParentIsFileException.class, () -> put(b, "a/b", "e"));
        put(b, "x/y", "e");
        assertThrows(IsDirectoryException.class, () -> put(b, "x", "e"));
        assertThrows(NotFoundException.class, () -> meta.objects().find(b, ObjectKey.parse("x")));
        assertThrows(NotFoundException.class, () -> meta.objects().find(b, ObjectKey.parse("x/")),
                "an implicit directory is not an object");
    }

    @Test
    void listsInUtf8OrderAcrossDirectoriesAndPages() {
        String b = newBucket();
        String emoji = new String(Character.toChars(0x1F600));
        List<String> keys = List.of("a-b", "a/b", "a/c/d", "a0", "\uE000", emoji, "z/z", "é/x", "dir/");
        for (String k : keys) {
            put(b, k, "e");
        }
        List<String> expected = new ArrayList<>(keys);
        expected.sort((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        for (int pageSize : new int[] {1, 2, 3, 1000}) {
            assertEquals(expected, listAll(b, "", null, pageSize), "page size " + pageSize);
        }
    }

    @Test
    void delimiterGroupsCommonPrefixesAndPagesThroughThem() {
        String b = newBucket();
        for (String k : List.of("p/1", "p/2", "q", "r/s/t", "r/u", "s-x", "s-y/z")) {
            put(b, k, "e");
        }
        List<String> expected = List.of("CP:p/", "q", "CP:r/", "s-x", "CP:s-y/");
        for (int pageSize : new int[] {1, 2, 1000}) {
            List<String> got = listAll(b, "", "/", pageSize);
            got.sort((x, y) -> x.replace("CP:", "").compareTo(y.replace("CP:", "")));
            assertEquals(expected, got, "page size " + pageSize);
        }
        assertEquals(List.of("r/u", "CP:r/s/"), listAll(b, "r/", "/", 1000));
        assertEquals(List.of("s-x", "CP:s-y/"), listAll(b, "s-", "/", 1000));
        assertEquals(List.of("CP:s-"), listAll(b, "s", "-", 1000));
        assertEquals(List.of(), listAll(b, "nothing/", "/", 1000));
    }

    @Test
    void explicitDirectoryMarkerListsAsKey() {
        String b = newBucket();
        put(b, "dir/", "d41d8cd98f00b204e9800998ecf8427e");
        put(b, "implicit/file", "e");
        assertEquals(List.of("dir/", "implicit/file"), listAll(b, "", null, 1000));
        assertEquals(List.of("dir/"), listAll(b, "dir/", "/", 1000));
        assertTrue(meta.objects().delete(b, ObjectKey.parse("dir/"), WriteCondition.NONE));
        assertEquals(List.of("implicit/file"), listAll(b, "", null, 1000));
    }

    @Test
    void deletingTheLastObjectRemovesImplicitParents() {
        String b = newBucket();
        put(b, "a/b/c/d", "e");
        put(b, "a/keep", "e");
        assertTrue(meta.objects().delete(b, ObjectKey.parse("a/b/c/d"), WriteCondition.NONE));
        assertEquals(List.of("a/keep"), listAll(b, "", null, 1000));
        assertEquals(List.of("CP:a/"), listAll(b, "", "/", 1000));
        assertFalse(meta.objects().delete(b, ObjectKey.parse("a/b/c/d"), WriteCondition.NONE));
        meta.objects().delete(b, ObjectKey.parse("a/keep"), WriteCondition.NONE);
        meta.buckets().delete(b);
        assertThrows(NoSuchBucketException.class, () -> meta.buckets().require(b));
    }

    @Test
    void conditionalWritesAreCheckedInTheTransaction() {
        String b = newBucket();
        put(b, "k", "etag1");
        ObjectKey k = ObjectKey.parse("k");
        NewContent c = new NewContent(0, List.of(), ObjectAttrs.ofEtag("etag2"));
        assertThrows(PreconditionFailedException.class,
                () -> meta.objects().publish(b, k, c, new WriteCondition(null, "*")));
        assertThrows(PreconditionFailedException.class,
                () -> meta.objects().publish(b, k, c, new WriteCondition("\"other\"", null)));
        meta.objects().publish(b, k, c, new WriteCondition("\"etag1\"", null));
        assertEquals("etag2", meta.objects().find(b, k).object().etag());
        assertThrows(NotFoundException.class,
                () -> meta.objects().publish(b, ObjectKey.parse("missing"), c, new WriteCondition("*", null)));
    }

    @Test
    void concurrentWritersInOneNewDirectoryAllLand() throws Exception {
        String b = newBucket();
        long conflictsBefore = meta.transactionConflicts();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "shared/dir/obj-" + String.format("%03d", i);
            futures.add(pool.submit(() -> put(b, key, "e")));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        List<String> listed = listAll(b, "shared/", null, 1000);
        assertEquals(200, listed.size());
        // Creates of different names in one directory must not conflict as a rule (only the racing creations of
        // shared/ and shared/dir may); a single shared directory stamp made nearly half of them retry.
        long conflicts = meta.transactionConflicts() - conflictsBefore;
        assertTrue(conflicts < 40, conflicts + " of 200 creates conflicted");
        assertEquals("shared/dir/obj-000", listed.get(0));
    }

    @Test
    void concurrentDeletesOfADirectorysLastKeysRemoveTheDirectory() throws Exception {
        for (int round = 0; round < 20; round++) {
            String b = newBucket();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                keys.add("d1/f" + i);
                keys.add("d1/d2/g" + i);
            }
            keys.forEach(k -> put(b, k, "e"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (String k : keys) {
                futures.add(pool.submit(() -> meta.objects().delete(b, ObjectKey.parse(k), WriteCondition.NONE)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertEquals(List.of(), listAll(b, "", "/", 1000), "round " + round + ": no empty prefix is left");
            meta.buckets().delete(b);
        }
    }

    /**
     * Access times (for "age since last read" policies) sit outside transactions; a file's row goes once its last
     * name is removed and that removal has committed, whichever protocol removed it, and stays while a name is left.
     */
    @Test
    void accessTimesOfRemovedFilesAreForgottenAfterTheRemovalCommits() {
        String b = newBucket();
        long s3Object = put(b, "gone-by-s3", "e").id();
        long bucketDir = meta.buckets().require(b).rootInodeId();
        NewFileAttrs attrs = new NewFileAttrs(0644, 0, 0);
        long nfsFile = meta.files().createFile(bucketDir, "gone-by-nfs", attrs, FileTree.CreateMode.GUARDED, 0).id();
        long replaced = meta.files().createFile(bucketDir, "replaced", attrs, FileTree.CreateMode.GUARDED, 0).id();
        long linked = meta.files().createFile(bucketDir, "linked", attrs, FileTree.CreateMode.GUARDED, 0).id();
        meta.files().link(linked, bucketDir, "second-name");
        meta.files().createFile(bucketDir, "source", attrs, FileTree.CreateMode.GUARDED, 0);
        List<Long> all = List.of(s3Object, nfsFile, replaced, linked);
        Map<Long, Long> reads = new HashMap<>();
        all.forEach(id -> reads.put(id, 1_000L));
        meta.accessTimes().recordAll(reads);

        meta.objects().delete(b, ObjectKey.parse("gone-by-s3"), WriteCondition.NONE);
        meta.files().remove(bucketDir, "gone-by-nfs");
        meta.files().rename(bucketDir, "source", bucketDir, "replaced"); // the rename removes the old "replaced"
        meta.files().remove(bucketDir, "linked"); // one name of two: the file stays
        assertThrows(NotFoundException.class, () -> meta.files().remove(bucketDir, "no-such-name"));

        assertEquals(Map.of(linked, 1_000L), meta.accessTimes().getAll(all));
    }

    /**
     * Under load, operations commit in batches (GroupCommit); each must keep its own outcome. Sixteen threads create
     * the same 40 names GUARDED: each name is made once, every other attempt gets ExistsException, and the directory
     * lists exactly the 40.
     */
    @Test
    void racingGuardedCreatesMakeEachNameOnceWhileBatched() throws Exception {
        long bucketDir = meta.buckets().require(newBucket()).rootInodeId();
        NewFileAttrs attrs = new NewFileAttrs(0644, 0, 0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger made = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    try {
                        meta.files().createFile(bucketDir, "n" + i, attrs, FileTree.CreateMode.GUARDED, 0);
                        made.incrementAndGet();
                    } catch (io.strata.meta.error.ExistsException e) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertEquals(40, made.get());
        assertEquals(15 * 40, refused.get());
        assertEquals(40, meta.files().readdir(bucketDir, 0, 1000).size());
    }

    /**
     * A query (here: the emptiness check of rmdir) cannot see the uncommitted writes of operations batched before it,
     * so such an operation runs alone. Creators fill directories while another thread removes each as soon as it can:
     * a directory that rmdir removed must hold no entry afterwards, and every create that succeeded is listed.
     */
    @Test
    void rmdirRacingCreatesNeverOrphansAnEntry() throws Exception {
        long bucketDir = meta.buckets().require(newBucket()).rootInodeId();
        NewFileAttrs attrs = new NewFileAttrs(0755, 0, 0);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            for (int round = 0; round < 30; round++) {
                long d = meta.files().mkdir(bucketDir, "d" + round, attrs).id();
                AtomicBoolean removed = new AtomicBoolean();
                List<Future<Integer>> creators = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    creators.add(pool.submit(() -> {
                        int made = 0;
                        for (int i = 0; i < 10 && !removed.get(); i++) {
                            try {
                                meta.files().createFile(d, "f" + thread + "-" + i, attrs,
                                        FileTree.CreateMode.GUARDED, 0);
                                made++;
                            } catch (io.strata.meta.error.StaleInodeException e) {
                                break; // the directory is gone
                            }
                        }
                        return made;
                    }));
                }
                String name = "d" + round;
                Future<?> remover = pool.submit(() -> {
                    while (!removed.get()) {
                        try {
                            meta.files().rmdir(bucketDir, name);
                            removed.set(true);
                        } catch (io.strata.meta.error.DirectoryNotEmptyException e) {
                            // make it empty again: remove what is there now, then retry
                            for (DirectoryTable.CookieEntry c : meta.files().readdir(d, 0, 1000)) {
                                try {
                                    meta.files().remove(d, c.entry().name());
                                } catch (NotFoundException gone) {
                                    // removed meanwhile by nobody else; harmless
                                }
                            }
                        }
                    }
                });
                int made = 0;
                for (Future<Integer> c : creators) {
                    made += c.get();
                }
                remover.get();
                assertEquals(List.of(), meta.files().readdir(d, 0, 1000),
                        "round " + round + ": " + made + " creates, and the removed directory holds no entry");
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Four deleters empty one directory at once, 200 times. A committing transaction's writes become visible one key
     * at a time, so a deleter could see another's stamp already and its entry still in the index, and both kept the
     * directory (about one round in a hundred before the emptiness check re-read the entries it saw).
     */
    @Test
    void concurrentDeletesOfEveryKeyInADirectoryNeverLeaveItBehind() throws Exception {
        String b = newBucket();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                String dir = "r" + round;
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    put(b, dir + "/f" + i, "e");
                }
                for (int i = 0; i < 4; i++) {
                    String key = dir + "/f" + i;
                    futures.add(pool.submit(() -> meta.objects().delete(b, ObjectKey.parse(key), WriteCondition.NONE)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                assertEquals(-1, meta.objects().resolveDirectory(meta.buckets().require(b), List.of(dir)),
                        "round " + round + ": the emptied directory is gone");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRenameAnswersForAMissingOrNonDirectoryParentBeforeLookingAtNames() {
        String b = newBucket();
        long root = meta.buckets().require(b).rootInodeId();
        FileTree tree = meta.files();
        NewFileAttrs attrs = new NewFileAttrs(0755, 0, 0);
        long gone = tree.mkdir(root, "gone", attrs).id();
        tree.rmdir(root, "gone");
        long file = tree.createFile(root, "file", attrs, FileTree.CreateMode.GUARDED, 0).id();

        // Within one directory and across two, as the source's directory and as the target's.
        assertThrows(StaleInodeException.class, () -> tree.rename(gone, "a", gone, "b"));
        assertThrows(NotDirectoryException.class, () -> tree.rename(file, "a", file, "b"));
        assertThrows(StaleInodeException.class, () -> tree.rename(root, "file", gone, "moved"));
        assertThrows(NotDirectoryException.class, () -> tree.rename(root, "file", file, "moved"));
        assertThrows(StaleInodeException.class, () -> tree.rename(gone, "a", root, "b"));
        assertThrows(NotFoundException.class, () -> tree.rename(root, "absent", root, "b"));

        tree.rename(root, "file", root, "renamed");
        assertNull(tree.lookup(root, "file"));
        assertEquals(file, tree.lookup(root, "renamed").inodeId());
    }

    @Test
    void bucketWithObjectsCannotBeDeleted() {
        String b = newBucket();
        put(b, "x", "e");
        assertThrows(BucketNotEmptyException.class, () -> meta.buckets().delete(b));
    }

    @Test
    void multipartCompletionPublishesPartsWithoutCopying() {
        String b = newBucket();
        var upload = meta.uploads().create(b, ObjectKey.parse("big/file.bin"), ObjectAttrs.ofEtag(null), null);
        BlobRef p1 = new BlobRef("vol", "part1");
        BlobRef p2 = new BlobRef("vol", "part2");
        BlobRef unused = new BlobRef("vol", "part3");
        meta.uploads().putPart(b, upload.uploadId(), new Part(1, 10, "e1", p1, Map.of(), 1));
        meta.uploads().putPart(b, upload.uploadId(), new Part(2, 5, "e2", p2, Map.of(), 1));
        meta.uploads().putPart(b, upload.uploadId(), new Part(3, 5, "e3", unused, Map.of(), 1));
        assertEquals(1, meta.uploads().list(b, "big/", null, null, 10).size());
        assertThrows(BucketNotEmptyException.class, () -> meta.buckets().delete(b));
        Inode inode = meta.uploads().complete(b, upload.uploadId(), in -> {
            List<Extent> extents = List.of(new Extent(0, 10, in.parts().get(0).blob(), 0),
                    new Extent(10, 5, in.parts().get(1).blob(), 0));
            return new NewContent(15, extents, ObjectAttrs.ofEtag("x-2"));
        });
        assertEquals(List.of(p1, p2), inode.extents().stream().map(Extent::blob).toList());
        assertEquals(0, meta.uploads().list(b, "", null, null, 10).size());
        assertTrue(meta.ledger().reclaimable(Long.MAX_VALUE, 0, 10_000).stream().anyMatch(e -> e.blob().equals(unused)));
        assertNotEquals(null, meta.objects().find(b, ObjectKey.parse("big/file.bin")));
    }

    @Test
    void namespaceSurvivesRestart() {
        String b = newBucket();
        Inode inode = put(b, "persist/me", "etag-p");
        meta.close();
        meta = MetaStore.open(config);
        Inode again = meta.objects().find(b, ObjectKey.parse("persist/me"));
        assertEquals(inode, again);
        Inode next = put(b, "persist/other", "e");
        assertNotEquals(inode.id(), next.id(), "ids are not reused after a restart");
        assertNull(meta.buckets().find("no-such-bucket"));
    }
}
