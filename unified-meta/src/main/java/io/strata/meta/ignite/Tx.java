package io.strata.meta.ignite;

import io.micrometer.core.instrument.MeterRegistry;
import io.strata.meta.error.ContentionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteTransactions;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.apache.ignite.transactions.TransactionOptimisticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one namespace operation in an Ignite transaction. OPTIMISTIC SERIALIZABLE: reads take no locks, and a
 * commit fails if anything it read changed meanwhile; such a conflict is retried with jittered backoff, so the
 * body must be free of side effects outside the caches. Under load, operations share a transaction
 * ({@link GroupCommit}); each still commits or fails on its own terms.
 */
public final class Tx {
    private static final Logger LOG = LoggerFactory.getLogger(Tx.class);
    private static final int MAX_ATTEMPTS = 64;
    private static final int LEADERS = 2;
    /** Actions registered by the attempt running in this thread ({@link #afterCommit}); null outside one. */
    private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();
    /** Actions registered by the attempt running in this thread ({@link #onCommit}); null outside one. */
    private static final ThreadLocal<List<Runnable>> ON_COMMIT = new ThreadLocal<>();
    /** Values of the transaction attempt running in this thread ({@link #transactionLocal}); null outside one. */
    private static final ThreadLocal<Map<Object, Object>> LOCALS = new ThreadLocal<>();

    /** Commits that failed other than by a conflict, since start: whether they took effect is unknown. */
    private static final AtomicLong UNCERTAIN = new AtomicLong();

    /** Ignite makes a new facade on each {@code ignite.transactions()}: one is kept. */
    private final IgniteTransactions transactions;
    private final LongAdder conflicts = new LongAdder();
    private final TxMetrics metrics;
    private final GroupCommit group;
    /**
     * Lead batches of submitted operations ({@link #submit}): two, so that one can answer a batch's operations while
     * the other commits the next. A queue they park on: a cached pool's hand-off queue spins before it parks, and
     * its idle threads spinning were a tenth of the CPU of an NFS remove.
     */
    private final ExecutorService leaders = new ThreadPoolExecutor(LEADERS, LEADERS, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "strata-namespace-commit");
                t.setDaemon(true);
                return t;
            });

    public Tx(Ignite ignite, MeterRegistry registry) {
        this.transactions = ignite.transactions();
        this.metrics = new TxMetrics(registry, conflicts);
        this.group = new GroupCommit(new GroupCommit.Runner() {
            @Override
            public void runTogether(List<GroupCommit.Pending<?>> batch, GroupCommit.Batch outcome) {
                Tx.this.runTogether(batch, outcome);
            }

            @Override
            public <T> T runAlone(Supplier<T> body, List<Runnable> afterCommit) {
                return attempts(body, afterCommit);
            }
        }, leaders);
    }

    public <T> T run(Supplier<T> body) {
        long start = System.nanoTime();
        TxMetrics.Outcome outcome = TxMetrics.Outcome.ABORTED;
        try {
            T result = group.run(body);
            outcome = TxMetrics.Outcome.COMMITTED;
            return result;
        } catch (ContentionException e) {
            outcome = TxMetrics.Outcome.CONFLICT;
            throw e;
        } finally {
            metrics.record(outcome, System.nanoTime() - start);
        }
    }

    /**
     * Runs the body as {@link #run} does, without waiting: the future completes once it has committed (or failed
     * with the body's exception, or {@link ContentionException}), in the thread that ran its transaction. What
     * depends on the future runs in that thread, so it must be short and must not wait for another transaction:
     * hand such a follow-up to another executor. For request handlers that answer when the change is done instead
     * of parking a thread until then.
     */
    public <T> CompletableFuture<T> submit(Supplier<T> body) {
        long start = System.nanoTime();
        CompletableFuture<T> done = group.submit(body);
        done.whenComplete((result, failure) -> metrics.record(failure == null ? TxMetrics.Outcome.COMMITTED
                : failure instanceof ContentionException ? TxMetrics.Outcome.CONFLICT : TxMetrics.Outcome.ABORTED,
                System.nanoTime() - start));
        return done;
    }

    /** {@link #submit} for a body without a result. */
    public CompletableFuture<Void> submitVoid(Runnable body) {
        return submit(() -> {
            body.run();
            return null;
        });
    }

    /** Stops the threads that lead submitted operations; the transactions in progress finish. */
    public void close() {
        leaders.shutdown();
    }

    /**
     * Runs {@code action} once the transaction the caller's body runs in has committed; dropped if it rolls back or
     * is retried (a retry registers it again). For effects outside the transactional caches that must follow only a
     * committed change, such as forgetting a deleted file's access time. Outside a transaction it runs at once. A
     * failing action is logged: the operation it follows has committed and stays committed.
     */
    public static void afterCommit(Runnable action) {
        List<Runnable> pending = AFTER_COMMIT.get();
        if (pending == null) {
            runLogged(action);
        } else {
            pending.add(action);
        }
    }

    /**
     * Runs {@code action} in the committing thread as soon as the transaction the caller's body runs in has committed,
     * before this node starts another transaction; dropped if it rolls back or is retried. For state in memory that
     * must move in step with the committed namespace (the next transaction may rely on it), so the action must be
     * short and must not fail. Outside a transaction it runs at once.
     */
    public static void onCommit(Runnable action) {
        List<Runnable> pending = ON_COMMIT.get();
        if (pending == null) {
            action.run();
        } else {
            pending.add(action);
        }
    }

    /**
     * A value that lives as long as the transaction attempt the caller runs in, shared by all operations of a batch:
     * for what a transaction wrote that queries cannot see yet. Outside a transaction, a fresh value on each call.
     */
    @SuppressWarnings("unchecked")
    public static <T> T transactionLocal(Object key, Supplier<T> initial) {
        Map<Object, Object> locals = LOCALS.get();
        return locals == null ? initial.get() : (T) locals.computeIfAbsent(key, k -> initial.get());
    }

    /**
     * As {@link #transactionLocal}, but one value per operation of a batch: for what must count once per operation
     * however many of its writes call it.
     */
    public static <T> T operationLocal(Object key, Supplier<T> initial) {
        return transactionLocal(new OperationKey(key, GroupCommit.position()), initial);
    }

    private record OperationKey(Object key, int position) {
    }

    private static void runLogged(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("an action after a commit failed", e);
        }
    }

    /** Runs the actions that committed operations registered; {@link GroupCommit} calls it with no lock held. */
    static void runAfterCommit(List<Runnable> actions) {
        for (Runnable a : actions) {
            runLogged(a);
        }
    }

    /**
     * Call before a query (scan or index query) made inside a transaction: a query does not see uncommitted writes,
     * so in a batch it must come first ({@link GroupCommit#beforeQuery}). Outside a batch it does nothing.
     */
    public static void beforeQuery() {
        GroupCommit.beforeQuery();
    }

    /**
     * Runs the body in a transaction of its own until it commits without a conflict; the committed attempt's
     * after-commit actions go to {@code afterCommit}, for the caller to run.
     */
    private <T> T attempts(Supplier<T> body, List<Runnable> afterCommit) {
        for (int attempt = 1; ; attempt++) {
            List<Runnable> after = new ArrayList<>();
            List<Runnable> onCommit = new ArrayList<>();
            AFTER_COMMIT.set(after);
            ON_COMMIT.set(onCommit);
            LOCALS.set(new HashMap<>());
            T result;
            try (Transaction tx = start()) {
                result = body.get();
                commit(tx);
                committed(onCommit);
            } catch (IgniteException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                conflicts.increment();
                if (attempt >= MAX_ATTEMPTS) {
                    throw new ContentionException("gave up after " + attempt + " conflicting attempts");
                }
                // The first retry goes at once (conflicts are mostly one-off); later ones back off with jitter.
                if (attempt > 1) {
                    long maxPauseMicros = Math.min(20_000, 50L << Math.min(attempt, 9));
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(maxPauseMicros) * 1000);
                }
                continue;
            } finally {
                AFTER_COMMIT.remove();
                ON_COMMIT.remove();
                LOCALS.remove();
            }
            afterCommit.addAll(after);
            return result;
        }
    }

    /**
     * One attempt at a batch: every body in order in one transaction, then one commit. The bodies' after-commit
     * actions collect in the outcome, for {@link GroupCommit} to run if it committed.
     */
    private void runTogether(List<GroupCommit.Pending<?>> batch, GroupCommit.Batch outcome) {
        List<Runnable> onCommit = new ArrayList<>();
        AFTER_COMMIT.set(outcome.afterCommit);
        ON_COMMIT.set(onCommit);
        LOCALS.set(new HashMap<>());
        try (Transaction tx = start()) {
            for (int i = 0; i < batch.size(); i++) {
                GroupCommit.position(i);
                try {
                    outcome.results[i] = batch.get(i).body.get();
                } catch (RuntimeException e) {
                    outcome.failedAt = i; // leaving the block rolls back the others' writes too
                    outcome.failure = e;
                    return;
                }
            }
            GroupCommit.position(-1);
            commit(tx);
            outcome.committed = true;
            committed(onCommit);
            metrics.batchCommitted(batch.size());
        } catch (IgniteException e) {
            if (!isConflict(e)) {
                throw e;
            }
            conflicts.increment();
        } finally {
            AFTER_COMMIT.remove();
            ON_COMMIT.remove();
            LOCALS.remove();
        }
    }

    /**
     * How many commits so far failed other than by a conflict, so that their changes may or may not have taken
     * effect: state kept in step by {@link #onCommit} must be rebuilt when this changes.
     */
    public static long uncertainCommits() {
        return UNCERTAIN.get();
    }

    private static void commit(Transaction tx) {
        try {
            tx.commit();
        } catch (RuntimeException | Error e) {
            if (!isConflict(e)) {
                UNCERTAIN.incrementAndGet();
            }
            throw e;
        }
    }

    /** Runs the on-commit actions of a transaction that has just committed (with the group commit lock held). */
    private static void committed(List<Runnable> onCommit) {
        ON_COMMIT.remove(); // an action that starts a transaction of its own would otherwise add to this list
        for (Runnable a : onCommit) {
            a.run();
        }
    }

    private Transaction start() {
        return transactions.txStart(TransactionConcurrency.OPTIMISTIC, TransactionIsolation.SERIALIZABLE);
    }

    /** Operations waiting for the batch in progress to finish (for tests). */
    int queued() {
        return group.queued();
    }

    /** Commits that failed validation and were retried, since start (for metrics and tests). */
    public long conflicts() {
        return conflicts.sum();
    }

    public void runVoid(Runnable body) {
        run(() -> {
            body.run();
            return null;
        });
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransactionOptimisticException) {
                return true;
            }
        }
        return false;
    }
}
