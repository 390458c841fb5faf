package io.strata.meta.ignite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.meta.MetaStore;
import io.strata.meta.TestPorts;
import io.strata.meta.error.DirectoryNotEmptyException;
import io.strata.meta.error.ExistsException;
import io.strata.meta.ns.BucketCatalog;
import io.strata.meta.ns.FileTree;
import io.strata.meta.ns.NewFileAttrs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on a real Ignite node, with batches formed on purpose: one operation holds the leader while the
 * others queue in a known order, so each test knows which operations share a transaction.
 */
class GroupCommitIT {
    @TempDir
    static Path dir;
    static MetaStore meta;
    static final io.micrometer.core.instrument.simple.SimpleMeterRegistry METRICS =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    static final NewFileAttrs ATTRS = new NewFileAttrs(0755, 0, 0);
    final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() {
        meta = MetaStore.open(TestPorts.metaConfig(dir), METRICS);
    }

    /** Closes and opens the namespace: the directories made so far have no entry counts in the new one. */
    private static void restart() {
        meta.close();
        meta = MetaStore.open(TestPorts.metaConfig(dir), METRICS);
    }

    @AfterAll
    static void stop() {
        meta.close();
    }

    /**
     * A create batched before an rmdir of its directory is not committed when the rmdir looks. For a directory made
     * since start the entry count includes the batch's own changes; for one from before a restart, the index query
     * cannot see the create, so that rmdir runs alone, after the batch. Either way it finds the directory not empty
     * and no entry is orphaned.
     */
    @Test
    void rmdirBatchedAfterACreateInTheDirectorySeesTheCreate() throws Exception {
        long bucket = bucketDir("rmdir-race");
        long counted = meta.files().mkdir(bucket, "counted", ATTRS).id();
        long old = meta.files().mkdir(bucket, "old", ATTRS).id();
        restart(); // "old" now has no count; "counted" is made again below
        meta.files().rmdir(bucket, "counted");
        counted = meta.files().mkdir(bucket, "counted", ATTRS).id();

        for (String name : List.of("counted", "old")) {
            long d = name.equals("old") ? old : counted;
            List<Future<?>> queued = behindAHeldBatch(
                    () -> meta.files().createFile(d, "x", ATTRS, FileTree.CreateMode.GUARDED, 0),
                    () -> meta.files().rmdir(bucket, name));

            queued.get(0).get(10, TimeUnit.SECONDS);
            Exception e = assertThrows(Exception.class, () -> queued.get(1).get(10, TimeUnit.SECONDS));
            assertEquals(DirectoryNotEmptyException.class, e.getCause().getClass(), name);
            assertEquals(List.of("x"), meta.files().readdir(d, 0, 10).stream().map(c -> c.entry().name()).toList());
        }
    }

    /**
     * rmdirs in one batch commit together (a directory emptied earlier in the batch counts as empty), instead of
     * rolling the batch back once per rmdir to run each alone. A directory that gained an entry earlier in the
     * batch is still refused.
     */
    @Test
    void rmdirsStayInTheirBatchUnlessTheBatchAddedToTheirDirectory() throws Exception {
        long bucket = bucketDir("rmdir-batch");
        for (String d : List.of("a", "b", "c", "emptied", "target")) {
            meta.files().mkdir(bucket, d, ATTRS);
        }
        long emptied = meta.files().lookup(bucket, "emptied").inodeId();
        long target = meta.files().lookup(bucket, "target").inodeId();
        meta.files().createFile(emptied, "last", ATTRS, FileTree.CreateMode.GUARDED, 0);
        var batches = METRICS.get("strata.meta.batch.operations").summary();
        long batchesBefore = batches.count();
        double operationsBefore = batches.totalAmount();

        List<Future<?>> queued = behindAHeldBatch(
                () -> meta.files().rmdir(bucket, "a"),
                () -> meta.files().rmdir(bucket, "b"),
                () -> meta.files().rename(emptied, "last", target, "moved"),
                () -> meta.files().rmdir(bucket, "emptied"),
                () -> meta.files().rmdir(bucket, "target"),
                () -> meta.files().rmdir(bucket, "c"));

        for (int i : new int[] {0, 1, 2, 3, 5}) {
            queued.get(i).get(10, TimeUnit.SECONDS);
        }
        Exception e = assertThrows(Exception.class, () -> queued.get(4).get(10, TimeUnit.SECONDS));
        assertEquals(DirectoryNotEmptyException.class, e.getCause().getClass(), "target gained 'moved'");
        assertEquals(List.of("target"), meta.files().readdir(bucket, 0, 10).stream().map(c -> c.entry().name())
                .toList());
        assertEquals(List.of("moved"), meta.files().readdir(target, 0, 10).stream().map(c -> c.entry().name())
                .toList());
        // The holder's batch, then one of the other five (the refused rmdir ran alone after it, outside a batch).
        assertEquals(2, batches.count() - batchesBefore);
        assertEquals(6.0, batches.totalAmount() - operationsBefore);
    }

    /** Two creates of one name in one batch: the second sees the first's uncommitted entry and is refused. */
    @Test
    void theSecondOfTwoBatchedCreatesOfOneNameIsRefused() throws Exception {
        long bucket = bucketDir("same-name");

        List<Future<?>> queued = behindAHeldBatch(
                () -> meta.files().createFile(bucket, "f", ATTRS, FileTree.CreateMode.GUARDED, 0),
                () -> meta.files().createFile(bucket, "f", ATTRS, FileTree.CreateMode.GUARDED, 0),
                () -> meta.files().createFile(bucket, "g", ATTRS, FileTree.CreateMode.GUARDED, 0));

        queued.get(0).get(10, TimeUnit.SECONDS);
        Exception e = assertThrows(Exception.class, () -> queued.get(1).get(10, TimeUnit.SECONDS));
        assertEquals(ExistsException.class, e.getCause().getClass());
        queued.get(2).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("f", "g"),
                meta.files().readdir(bucket, 0, 10).stream().map(c -> c.entry().name()).sorted().toList());
    }

    /**
     * An after-commit action runs once its operation commits, once, even when the first attempt at its batch rolled
     * back because another operation threw; the thrower's action never runs.
     */
    @Test
    void afterCommitActionsRunOnceAndOnlyForCommittedOperations() throws Exception {
        AtomicInteger committedRan = new AtomicInteger();
        AtomicInteger refusedRan = new AtomicInteger();
        Tx tx = meta.transactions();

        List<Future<?>> queued = behindAHeldBatch(
                () -> tx.runVoid(() -> Tx.afterCommit(committedRan::incrementAndGet)),
                () -> tx.runVoid(() -> {
                    Tx.afterCommit(refusedRan::incrementAndGet);
                    throw new IllegalStateException("refused");
                }));

        queued.get(0).get(10, TimeUnit.SECONDS);
        assertThrows(Exception.class, () -> queued.get(1).get(10, TimeUnit.SECONDS));
        assertEquals(1, committedRan.get());
        assertEquals(0, refusedRan.get());
        Tx.afterCommit(committedRan::incrementAndGet); // outside a transaction: at once
        assertEquals(2, committedRan.get());
    }

    private long bucketDir(String name) {
        meta.buckets().create(name, BucketCatalog.BucketDefaults.STANDARD);
        return meta.buckets().require(name).rootInodeId();
    }

    /** Runs {@code ops} from separate threads, queued in this order behind a batch that waits until all are queued. */
    private List<Future<?>> behindAHeldBatch(Runnable... ops) throws Exception {
        Tx tx = meta.transactions();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> tx.runVoid(() -> {
            holding.countDown();
            await(release);
        }));
        holding.await(10, TimeUnit.SECONDS);
        List<Future<?>> queued = new java.util.ArrayList<>();
        for (Runnable op : ops) {
            int before = tx.queued();
            queued.add(pool.submit(op));
            waitUntil(() -> tx.queued() == before + 1);
        }
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        return queued;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not queued in 10 s");
            }
            Thread.sleep(1);
        }
    }
}
