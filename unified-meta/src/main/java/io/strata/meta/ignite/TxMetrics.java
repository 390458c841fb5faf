package io.strata.meta.ignite;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@link Tx} reports: how long callers wait for a namespace transaction, by how it ended, and how many
 * commits lost a conflict. The timers exist up front so a transaction records without a lookup.
 */
final class TxMetrics {
    /** How {@link Tx#run} ended for its caller. */
    enum Outcome {
        /** Committed at the first attempt. */
        COMMITTED("committed"),
        /** Committed after one or more conflicting attempts. */
        RETRIED("retried"),
        /** Gave up: every attempt conflicted. */
        CONFLICT("conflict"),
        /** Rolled back: the body or the commit failed otherwise (a missing key, a full volume, ...). */
        ABORTED("aborted");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);
    private final io.micrometer.core.instrument.DistributionSummary batches;

    TxMetrics(MeterRegistry registry, LongAdder conflicts) {
        for (Outcome o : Outcome.values()) {
            timers.put(o, Timer.builder("strata.meta.transactions")
                    .description("Namespace operations, from submission (a group-commit batch included) to commit or give-up")
                    .tag("outcome", o.tag)
                    .publishPercentileHistogram()
                    .register(registry));
        }
        batches = io.micrometer.core.instrument.DistributionSummary.builder("strata.meta.batch.operations")
                .description("Operations per committed group-commit batch (count: batches, sum: operations)")
                .register(registry);
        // Read from the counter Tx already keeps, so a conflict is counted once.
        FunctionCounter.builder("strata.meta.transaction.conflicts", conflicts, LongAdder::doubleValue)
                .description("Commits that failed validation because something they read changed")
                .register(registry);
    }

    void batchCommitted(int operations) {
        batches.record(operations);
    }

    void record(Outcome outcome, long nanos) {
        timers.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }
}
