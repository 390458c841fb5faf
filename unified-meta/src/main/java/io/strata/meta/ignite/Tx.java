package io.strata.meta.ignite;

import io.micrometer.core.instrument.MeterRegistry;
import io.strata.meta.error.ContentionException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.apache.ignite.transactions.TransactionOptimisticException;

/**
 * Runs one namespace operation in an Ignite transaction. OPTIMISTIC SERIALIZABLE: reads take no locks, and a
 * commit fails if anything it read changed meanwhile; such a conflict is retried with jittered backoff, so the
 * body must be free of side effects outside the caches. Under load, operations share a transaction
 * ({@link GroupCommit}); each still commits or fails on its own terms.
 */
public final class Tx {
    private static final int MAX_ATTEMPTS = 64;

    private final Ignite ignite;
    private final LongAdder conflicts = new LongAdder();
    private final TxMetrics metrics;
    private final GroupCommit group;

    public Tx(Ignite ignite, MeterRegistry registry) {
        this.ignite = ignite;
        this.metrics = new TxMetrics(registry, conflicts);
        this.group = new GroupCommit(new GroupCommit.Runner() {
            @Override
            public void runTogether(List<GroupCommit.Pending<?>> batch, GroupCommit.Batch outcome) {
                Tx.this.runTogether(batch, outcome);
            }

            @Override
            public <T> T runAlone(Supplier<T> body) {
                return attempts(body);
            }
        });
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
     * Call before a query (scan or index query) made inside a transaction: a query does not see uncommitted writes,
     * so in a batch it must come first ({@link GroupCommit#beforeQuery}). Outside a batch it does nothing.
     */
    public static void beforeQuery() {
        GroupCommit.beforeQuery();
    }

    /** Runs the body in a transaction of its own until it commits without a conflict. */
    private <T> T attempts(Supplier<T> body) {
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = start()) {
                T result = body.get();
                tx.commit();
                return result;
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
            }
        }
    }

    /** One attempt at a batch: every body in order in one transaction, then one commit. */
    private void runTogether(List<GroupCommit.Pending<?>> batch, GroupCommit.Batch outcome) {
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
            tx.commit();
            outcome.committed = true;
            metrics.batchCommitted(batch.size());
        } catch (IgniteException e) {
            if (!isConflict(e)) {
                throw e;
            }
            conflicts.increment();
        }
    }

    private Transaction start() {
        return ignite.transactions().txStart(TransactionConcurrency.OPTIMISTIC, TransactionIsolation.SERIALIZABLE);
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
