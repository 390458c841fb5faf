package io.strata.meta.ignite;

import io.micrometer.core.instrument.MeterRegistry;
import io.strata.meta.error.ContentionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.apache.ignite.transactions.TransactionOptimisticException;

/**
 * Runs one namespace operation as one Ignite transaction. OPTIMISTIC SERIALIZABLE: reads take no locks, and a
 * commit fails if anything it read changed meanwhile; such a conflict is retried with jittered backoff, so the
 * body must be free of side effects outside the caches.
 */
public final class Tx {
    private static final int MAX_ATTEMPTS = 64;

    private final Ignite ignite;
    private final java.util.concurrent.atomic.LongAdder conflicts = new java.util.concurrent.atomic.LongAdder();
    private final TxMetrics metrics;

    public Tx(Ignite ignite, MeterRegistry registry) {
        this.ignite = ignite;
        this.metrics = new TxMetrics(registry, conflicts);
    }

    public <T> T run(Supplier<T> body) {
        long start = System.nanoTime();
        TxMetrics.Outcome outcome = TxMetrics.Outcome.ABORTED;
        try {
            for (int attempt = 1; ; attempt++) {
                try (Transaction tx = ignite.transactions().txStart(
                        TransactionConcurrency.OPTIMISTIC, TransactionIsolation.SERIALIZABLE)) {
                    T result = body.get();
                    tx.commit();
                    outcome = attempt == 1 ? TxMetrics.Outcome.COMMITTED : TxMetrics.Outcome.RETRIED;
                    return result;
                } catch (IgniteException e) {
                    if (isConflict(e)) {
                        conflicts.increment();
                    }
                    if (!isConflict(e) || attempt >= MAX_ATTEMPTS) {
                        if (isConflict(e)) {
                            outcome = TxMetrics.Outcome.CONFLICT;
                            throw new ContentionException("gave up after " + attempt + " conflicting attempts");
                        }
                        throw e;
                    }
                    // The first retry goes at once (conflicts are mostly one-off); later ones back off with jitter.
                    if (attempt > 1) {
                        long maxPauseMicros = Math.min(20_000, 50L << Math.min(attempt, 9));
                        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(maxPauseMicros) * 1000);
                    }
                }
            }
        } finally {
            metrics.record(outcome, System.nanoTime() - start);
        }
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
