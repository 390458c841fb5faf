package io.strata.meta.ignite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit: namespace operations that arrive while a transaction is being run wait, then run together in one
 * Ignite transaction, in arrival order, and commit at once. Most of a small transaction's cost is fixed (start,
 * prepare, finish, the WAL commit record), so sixteen creates in one transaction cost little more than one.
 *
 * <p>The thread that finds no batch running leads: it drains the queue, runs the batch and wakes the threads whose
 * operations it completed; the others park. An idle server therefore runs an operation in its caller's thread at
 * once, as before; batches form only under load, by themselves.
 *
 * <p>Each operation keeps its own outcome. One that throws makes the batch roll back: the others run again without
 * it, and it runs alone (through {@link Tx}'s own retry loop) so that its result depends on nothing uncommitted.
 * Queries do not see the writes of the transaction they run in, which, in a batch, include the writes of the
 * operations before; an operation that queries at a later place in a batch therefore runs alone too
 * ({@link #beforeQuery}).
 *
 * <p>An operation may also be submitted without a waiting thread ({@link #submit}): its future completes in the
 * thread that led its batch, once the batch has committed, and the caller's thread goes on at once. A request
 * handler that answers from that future spares two thread switches per operation (its own park, and the leader's
 * unpark of it); with sixteen NFS clients renaming, those were a tenth of the server's CPU. When such an operation
 * finds nobody leading, a thread of {@code leaders} leads for it.
 *
 * <p>A leaders' thread answers its batch (the NFS replies, written to their sockets) before it lets go of the lead,
 * then leads again while operations wait. What arrives while it answers therefore joins its next batch; when it let
 * go first, each such arrival woke another leaders' thread, and batches stayed small: with sixteen NFS clients,
 * 6.5 operations a batch against 9.6, and 149 us of server CPU per rename against 108. A caller that waits in
 * {@link #run} still lets go before it wakes the others: it has its own work to return to.
 */
final class GroupCommit {
    /** Operations per transaction, at most: a batch that conflicts runs again, and a bigger one loses more. */
    static final int MAX_BATCH = 32;
    /** Attempts of a batch that conflicted with a transaction of another node before its operations go alone. */
    private static final int BATCH_ATTEMPTS = 3;

    /** Position of the operation this thread is running in its batch; -1 outside a batch. */
    private static final ThreadLocal<int[]> POSITION = ThreadLocal.withInitial(() -> new int[] {-1});

    interface Runner {
        /** Starts a transaction, runs the bodies in order (each until it throws) and commits. */
        void runTogether(List<Pending<?>> batch, Batch outcome);

        /** Runs one body in a transaction of its own, with the usual retries; its after-commit actions go to the list. */
        <T> T runAlone(Supplier<T> body, List<Runnable> afterCommit);
    }

    private final ReentrantLock lead = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    private final Runner runner;
    /** Leads batches whose operations have no waiting thread that could. */
    private final Executor leaders;

    GroupCommit(Runner runner, Executor leaders) {
        this.runner = runner;
        this.leaders = leaders;
    }

    /**
     * Queues the operation and returns at once; the future completes, in the thread that ran the operation's batch,
     * after the batch has committed and its after-commit actions have run. So whatever depends on it runs in that
     * thread: it must be short and must not wait for the future of another submitted operation, since it runs while
     * its thread holds the lead (see the class comment): that operation would never run.
     */
    <T> CompletableFuture<T> submit(Supplier<T> body) {
        Pending<T> mine = new Pending<>(body, null);
        queue.add(mine);
        // A leader that is running looks at the queue after it lets go of the lock (handOn), so this operation
        // is not forgotten: it was queued before the lock was seen held.
        if (!lead.isLocked()) {
            leaders.execute(this::leadIfIdle);
        }
        return mine.future;
    }

    /** A leaders' task: if nobody leads, leads batch after batch while operations wait. */
    private void leadIfIdle() {
        // Answers before letting go, so that what arrives meanwhile joins its next batch (see the class comment).
        while (!queue.isEmpty() && lead.tryLock()) {
            Led led;
            try {
                led = leadOneBatch();
                led.tell();
            } finally {
                lead.unlock();
            }
            if (led.broke() != null) {
                handOn();
                led.rethrow();
            }
        }
    }

    /**
     * Called by a leader once it has let go of the lock: whoever is first in the queue leads next. A waiting thread
     * is woken to lead; an operation without one gets a leaders' thread.
     */
    private void handOn() {
        Pending<?> next = queue.peek();
        if (next == null) {
            return;
        }
        if (next.thread != null) {
            LockSupport.unpark(next.thread);
        } else {
            leaders.execute(this::leadIfIdle);
        }
    }

    <T> T run(Supplier<T> body) {
        Pending<T> mine = new Pending<>(body, Thread.currentThread());
        queue.add(mine);
        while (!mine.done) {
            if (lead.tryLock()) {
                Led led = Led.NOTHING;
                try {
                    if (!mine.done) {
                        led = leadOneBatch();
                    }
                } finally {
                    lead.unlock();
                }
                // The next batch may start while this thread finishes its own: after-commit actions (cache
                // writes) and waking (a system call per thread) are done after the lock is free; waking alone was a
                // tenth of the leader's time, all of it while the others waited.
                handOn();
                led.finish();
            } else {
                // Woken when its operation completes or when it may lead (a leader wakes the queue's head when it
                // is done). The timeout only bounds a wake-up lost to a bug; short ones cost: every wake-up is a
                // system call, and sixteen threads waking each millisecond took a tenth of the server's CPU.
                LockSupport.parkNanos(this, 50_000_000);
            }
        }
        return mine.outcome();
    }

    /**
     * Called before a query that runs inside a transaction: it refuses when operations of the same batch ran before,
     * since the query could not see their writes.
     */
    static void beforeQuery() {
        if (POSITION.get()[0] > 0) {
            throw new RunAloneException();
        }
    }

    /** Operations waiting for a leader (for tests). */
    int queued() {
        return queue.size();
    }

    /** Sets the position of the operation that this thread runs next in its batch (-1: none). */
    static void position(int index) {
        POSITION.get()[0] = index;
    }

    /** The position of the operation this thread runs in its batch; -1 outside a batch. */
    static int position() {
        return POSITION.get()[0];
    }

    /**
     * What a leader did: operations completed but not yet told, the actions their commits registered, and the
     * error that stopped the leader, if one did.
     */
    private record Led(List<Pending<?>> completed, List<Runnable> afterCommit, Throwable broke) {
        static final Led NOTHING = new Led(List.of(), List.of(), null);

        /**
         * Runs the after-commit actions, then tells each operation (an operation is answered with its effects
         * complete), then rethrows what stopped the leader.
         */
        void finish() {
            tell();
            rethrow();
        }

        /** Runs the after-commit actions, then tells each operation. */
        void tell() {
            Tx.runAfterCommit(afterCommit);
            completed.forEach(Pending::tell);
        }

        /** Rethrows what stopped the leader, if anything did. */
        void rethrow() {
            if (broke instanceof RuntimeException e) {
                throw e;
            }
            if (broke instanceof Error e) {
                throw e;
            }
        }
    }

    /** Runs the operations at the head of the queue. */
    private Led leadOneBatch() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        List<Pending<?>> all = List.copyOf(batch);
        List<Pending<?>> alone = new ArrayList<>();
        List<Runnable> afterCommit = new ArrayList<>();
        try {
            for (int attempt = 1; !batch.isEmpty(); attempt++) {
                Batch outcome = new Batch(batch.size());
                try {
                    runner.runTogether(batch, outcome);
                } finally {
                    position(-1);
                }
                if (outcome.committed) {
                    afterCommit.addAll(outcome.afterCommit);
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).succeed(outcome.results[i]);
                    }
                    batch.clear();
                } else if (outcome.failedAt >= 0) {
                    Pending<?> failed = batch.remove(outcome.failedAt);
                    if (outcome.failedAt == 0 && !(outcome.failure instanceof RunAloneException)) {
                        failed.fail(outcome.failure); // it ran first, alone in effect: its failure stands
                    } else {
                        alone.add(failed);
                    }
                } else if (attempt >= BATCH_ATTEMPTS) {
                    alone.addAll(batch); // conflicts again and again: alone, each retries on its own
                    batch.clear();
                }
            }
            for (Pending<?> p : alone) {
                p.runAlone(runner, afterCommit);
            }
            return new Led(all, afterCommit, null);
        } catch (Throwable t) {
            // Nobody may wait forever for an operation this thread was to run; nothing committed runs after.
            all.forEach(p -> p.fail(t));
            return new Led(all, List.of(), t);
        }
    }

    /** What one attempt at a batch came to: committed with results, or which operation threw, or a conflict. */
    static final class Batch {
        final Object[] results;
        /** Actions the bodies registered with {@link Tx#afterCommit}; run only if the batch committed. */
        final List<Runnable> afterCommit = new ArrayList<>();
        boolean committed;
        int failedAt = -1;
        RuntimeException failure;

        Batch(int size) {
            results = new Object[size];
        }
    }

    /** An operation waiting in the queue, and its outcome once run. */
    static final class Pending<T> {
        final Supplier<T> body;
        /** The thread waiting for the outcome; null for a submitted operation, which has its future instead. */
        final Thread thread;
        final CompletableFuture<T> future;
        private volatile boolean done;
        private T result;
        private Throwable failure;

        Pending(Supplier<T> body, Thread thread) {
            this.body = body;
            this.thread = thread;
            this.future = thread == null ? new CompletableFuture<>() : null;
        }

        @SuppressWarnings("unchecked")
        void succeed(Object value) {
            result = (T) value;
            finish();
        }

        void fail(Throwable t) {
            if (!done) {
                failure = t;
                finish();
            }
        }

        void runAlone(Runner runner, List<Runnable> afterCommit) {
            try {
                succeed(runner.runAlone(body, afterCommit));
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        private void finish() {
            done = true;
        }

        /** Lets the caller know the outcome: wakes its thread, or completes its future in this one. */
        void tell() {
            if (future != null) {
                if (failure == null) {
                    future.complete(result);
                } else {
                    future.completeExceptionally(failure);
                }
            } else if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }

        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }

    /** Thrown by {@link #beforeQuery} to take an operation out of its batch. */
    static final class RunAloneException extends RuntimeException {
        RunAloneException() {
            super("a query after other operations of a batch: runs alone", null, false, false);
        }
    }
}
