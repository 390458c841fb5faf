package io.strata.meta.ignite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Batching rules of {@link GroupCommit} with a recording runner in place of Ignite: who runs together, who runs
 * alone, and that every caller gets its own outcome.
 */
class GroupCommitTest {
    /** Records every attempt; a batch "commits" when no body throws, as {@link Tx} does. */
    static final class RecordingRunner implements GroupCommit.Runner {
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final List<Object> ranAlone = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch holdFirstBatch;

        @Override
        public void runTogether(List<GroupCommit.Pending<?>> batch, GroupCommit.Batch outcome) {
            CountDownLatch hold = holdFirstBatch;
            if (hold != null) {
                holdFirstBatch = null;
                await(hold);
            }
            batchSizes.add(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                GroupCommit.position(i);
                try {
                    outcome.results[i] = batch.get(i).body.get();
                } catch (RuntimeException e) {
                    outcome.failedAt = i;
                    outcome.failure = e;
                    return;
                }
            }
            outcome.committed = true;
        }

        @Override
        public <T> T runAlone(Supplier<T> body, List<Runnable> afterCommit) {
            T result = body.get();
            ranAlone.add(result);
            return result;
        }
    }

    final RecordingRunner runner = new RecordingRunner();
    final ExecutorService leaders = Executors.newCachedThreadPool();
    final GroupCommit group = new GroupCommit(runner, leaders);
    final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        leaders.shutdownNow();
    }

    @Test
    void anIdleCallerRunsAtOnceInABatchOfOne() {
        assertEquals("x", group.run(() -> "x"));
        assertEquals(List.of(1), runner.batchSizes);
    }

    @Test
    void callersThatArriveDuringABatchCommitTogetherAndEachGetsItsOwnResult() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runner.holdFirstBatch = release;
        Future<Integer> first = pool.submit(() -> group.run(() -> -1));
        waitUntil(() -> runner.holdFirstBatch == null); // the first batch is running and held
        List<Future<Integer>> rest = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            rest.add(pool.submit(() -> group.run(() -> n * n)));
        }
        waitUntil(() -> queued() == 10);
        release.countDown();

        assertEquals(-1, first.get(5, TimeUnit.SECONDS));
        for (int i = 0; i < 10; i++) {
            assertEquals(i * i, rest.get(i).get(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of(1, 10), runner.batchSizes, "the ten that waited ran as one batch");
    }

    @Test
    void anOperationThatThrowsLaterInABatchRunsAloneAndTheOthersCommitWithoutIt() throws Exception {
        IllegalStateException refused = new IllegalStateException("exists");
        List<Future<String>> calls = queueBehindABatch(List.of(
                () -> "a", () -> "b", () -> {
                    throw refused;
                }, () -> "d"));

        assertEquals("a", calls.get(0).get(5, TimeUnit.SECONDS));
        assertEquals("b", calls.get(1).get(5, TimeUnit.SECONDS));
        Exception e = assertThrows(Exception.class, () -> calls.get(2).get(5, TimeUnit.SECONDS));
        assertSame(refused, e.getCause(), "the caller gets the operation's own exception");
        assertEquals("d", calls.get(3).get(5, TimeUnit.SECONDS));
        // held batch, the four with the failure, the three again; then the failed one alone (it threw again)
        assertEquals(List.of(1, 4, 3), runner.batchSizes);
    }

    @Test
    void anOperationThatThrowsFirstInItsBatchFailsWithoutRunningAgain() throws Exception {
        IllegalStateException refused = new IllegalStateException("not found");
        List<Future<String>> calls = queueBehindABatch(List.of(() -> {
            throw refused;
        }, () -> "b"));

        Exception e = assertThrows(Exception.class, () -> calls.get(0).get(5, TimeUnit.SECONDS));
        assertSame(refused, e.getCause());
        assertEquals("b", calls.get(1).get(5, TimeUnit.SECONDS));
        assertTrue(runner.ranAlone.isEmpty(), "nothing ran alone: " + runner.ranAlone);
    }

    @Test
    void anOperationThatQueriesAfterOthersRunsAlone() throws Exception {
        List<Future<String>> calls = queueBehindABatch(List.of(() -> "a", () -> {
            Tx.beforeQuery(); // refuses: "a" ran before it in the batch
            return "scanned";
        }));

        assertEquals("a", calls.get(0).get(5, TimeUnit.SECONDS));
        assertEquals("scanned", calls.get(1).get(5, TimeUnit.SECONDS));
        assertEquals(List.of("scanned"), runner.ranAlone);
        Tx.beforeQuery(); // outside a batch a query is always allowed
    }

    @Test
    void anErrorInTheLeaderReachesEveryCallerOfItsBatch() throws Exception {
        AssertionError broken = new AssertionError("runner broke");
        GroupCommit failing = new GroupCommit(new GroupCommit.Runner() {
            @Override
            public void runTogether(List<GroupCommit.Pending<?>> batch, GroupCommit.Batch outcome) {
                throw broken;
            }

            @Override
            public <T> T runAlone(Supplier<T> body, List<Runnable> afterCommit) {
                throw broken;
            }
        }, leaders);
        List<Future<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit(() -> failing.run(() -> "never")));
        }
        for (Future<Object> call : calls) {
            Exception e = assertThrows(Exception.class, () -> call.get(5, TimeUnit.SECONDS));
            assertSame(broken, e.getCause(), "no caller waits forever");
        }
    }

    @Test
    void manyCallersAllComplete() throws Exception {
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int n = i;
            calls.add(pool.submit(() -> group.run(() -> n)));
        }
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(i, calls.get(i).get(10, TimeUnit.SECONDS));
        }
        assertEquals(2_000, runner.batchSizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(runner.batchSizes.stream().allMatch(s -> s <= GroupCommit.MAX_BATCH));
    }

    @Test
    void aSubmittedOperationCompletesWithoutAWaitingThreadAndItsFollowUpRunsInTheLeader() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runner.holdFirstBatch = release;
        Thread[] ranIn = new Thread[1];
        CompletableFuture<Thread> followedIn = group.submit(() -> ranIn[0] = Thread.currentThread())
                .thenApply(x -> Thread.currentThread());
        release.countDown(); // the caller got here while its operation was held: it did not wait
        Thread followUp = followedIn.get(5, TimeUnit.SECONDS);
        assertNotSame(Thread.currentThread(), ranIn[0], "a leaders' thread ran the batch");
        assertSame(ranIn[0], followUp, "what depends on the future ran where the batch ran");
        assertEquals(List.of(1), runner.batchSizes);
    }

    @Test
    void operationsSubmittedWhileALeaderAnswersJoinItsNextBatchInItsThread() throws Exception {
        List<CompletableFuture<Thread>> followers = new ArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        runner.holdFirstBatch = release;
        CompletableFuture<Thread> first = group.submit(Thread::currentThread);
        // Runs in the leader while it answers the first batch: what it submits waits for that leader, not a new one.
        CompletableFuture<Void> answered = first.thenAccept(leader -> {
            followers.add(group.submit(Thread::currentThread));
            followers.add(group.submit(Thread::currentThread));
        });
        release.countDown();
        Thread leader = first.get(5, TimeUnit.SECONDS);
        answered.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<Thread> f : followers) {
            assertSame(leader, f.get(5, TimeUnit.SECONDS), "the leader that answered led the next batch");
        }
        assertEquals(List.of(1, 2), runner.batchSizes);
    }

    @Test
    void submittedAndWaitingOperationsShareABatchAndEachGetsItsOwnOutcome() throws Exception {
        IllegalStateException refused = new IllegalStateException("exists");
        CountDownLatch release = new CountDownLatch(1);
        runner.holdFirstBatch = release;
        Future<Integer> first = pool.submit(() -> group.run(() -> -1));
        waitUntil(() -> runner.holdFirstBatch == null);
        CompletableFuture<String> a = group.submit(() -> "a");
        Future<String> b = pool.submit(() -> group.run(() -> "b"));
        waitUntil(() -> queued() == 2);
        CompletableFuture<String> c = group.submit(() -> {
            throw refused;
        });
        CompletableFuture<String> d = group.submit(() -> "d");
        release.countDown();

        assertEquals(-1, first.get(5, TimeUnit.SECONDS));
        assertEquals("a", a.get(5, TimeUnit.SECONDS));
        assertEquals("b", b.get(5, TimeUnit.SECONDS));
        Exception e = assertThrows(Exception.class, () -> c.get(5, TimeUnit.SECONDS));
        assertSame(refused, e.getCause(), "the submitter gets the operation's own exception");
        assertEquals("d", d.get(5, TimeUnit.SECONDS));
        // held batch; the four with the failure; the three again; the failed one alone (it threw again)
        assertEquals(List.of(1, 4, 3), runner.batchSizes);
    }

    @Test
    void manySubmittedAndWaitingCallersAllComplete() throws Exception {
        List<Future<Integer>> waited = new ArrayList<>();
        List<CompletableFuture<Integer>> submitted = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int n = i;
            if (i % 2 == 0) {
                waited.add(pool.submit(() -> group.run(() -> n)));
            } else {
                submitted.add(group.submit(() -> n));
            }
        }
        for (int i = 0; i < waited.size(); i++) {
            assertEquals(2 * i, waited.get(i).get(10, TimeUnit.SECONDS));
            assertEquals(2 * i + 1, submitted.get(i).get(10, TimeUnit.SECONDS));
        }
        assertEquals(2_000, runner.batchSizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(runner.batchSizes.stream().allMatch(s -> s <= GroupCommit.MAX_BATCH));
    }

    /** Holds a first batch, queues the given operations in order behind it, then lets everything run. */
    private <T> List<Future<T>> queueBehindABatch(List<Supplier<T>> bodies) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runner.holdFirstBatch = release;
        Future<?> first = pool.submit(() -> group.run(() -> null));
        waitUntil(() -> runner.holdFirstBatch == null);
        List<Future<T>> calls = new ArrayList<>();
        for (Supplier<T> body : bodies) {
            int before = queued();
            calls.add(pool.submit(() -> group.run(body)));
            waitUntil(() -> queued() == before + 1); // one at a time, so the queue holds them in this order
        }
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        return calls;
    }

    private int queued() {
        return group.queued();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 5 s");
            }
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
