package io.strata.meta.ns;

import io.strata.meta.ignite.Tx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many entries each directory holds, in memory, for directories this process has seen made (it knows they
 * started empty): so that removing a directory need not ask the index whether it is empty. That index query ran on
 * one of Ignite's threads and was a quarter of an rmdir's time. A directory made before this process started, or
 * forgotten to bound the memory, has no count, and its callers ask the index as before.
 *
 * <p>Exact only while this process is the namespace's only writer and its transactions run one at a time (group
 * commit runs them so): a transaction's changes count once it commits, applied before the next transaction starts
 * ({@link Tx#onCommit}), and its own changes count for itself meanwhile.
 */
final class EntryCounts {
    /** Key of the running transaction's changes per directory ({@link Tx#transactionLocal}). */
    private static final Object CHANGES = new Object();
    /** Directories counted at most; past it the counts are dropped and rebuilt from new directories. */
    private static final int MAX = 1 << 20;

    /** Entries per directory as of the last commit. */
    private final ConcurrentHashMap<Long, Long> committed = new ConcurrentHashMap<>();
    /** {@link Tx#uncertainCommits()} when the counts were last known to be in step. */
    private volatile long uncertainSeen = Tx.uncertainCommits();

    /** A directory the running transaction creates: it has no entries. */
    void born(long dirId) {
        if (committed.size() >= MAX) {
            committed.clear();
        }
        committed.put(dirId, 0L);
    }

    /** The running transaction added ({@code delta} 1) or removed (-1) an entry of the directory. */
    void changed(long dirId, int delta) {
        Map<Long, Long> changes = changes();
        boolean first = changes.isEmpty();
        changes.merge(dirId, (long) delta, Long::sum);
        if (first) {
            Tx.onCommit(() -> apply(changes));
        }
    }

    /** The running transaction removes the directory itself. */
    void gone(long dirId) {
        Tx.onCommit(() -> committed.remove(dirId));
    }

    /**
     * Whether the directory is empty, counting the running transaction's own changes; null when it has no count
     * (ask the index).
     */
    Boolean isEmpty(long dirId) {
        long uncertain = Tx.uncertainCommits();
        if (uncertain != uncertainSeen) {
            // A commit failed in a way that leaves unknown whether its changes counted: start over.
            committed.clear();
            uncertainSeen = uncertain;
        }
        Long count = committed.get(dirId);
        if (count == null) {
            return null;
        }
        return count + changes().getOrDefault(dirId, 0L) == 0;
    }

    private void apply(Map<Long, Long> changes) {
        changes.forEach((dir, delta) -> {
            if (delta != 0) {
                // A count below zero would be a bug elsewhere: forget it, and the index answers for the directory.
                committed.computeIfPresent(dir, (d, count) -> count + delta >= 0 ? count + delta : null);
            }
        });
    }

    private static Map<Long, Long> changes() {
        return Tx.transactionLocal(CHANGES, HashMap::new);
    }
}
