package io.strata.meta.ns;

import io.strata.meta.ignite.Tx;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many operations have changed each directory (its entries or its own inode) since this process started, so
 * that a name change can tell whether it was the only change between two reads of the directory's attributes. NFSv4
 * says so in its change_info ("atomic"); a Linux client that is told so keeps the names of the directory it has
 * cached, and one that is not looks each of them up again: a LOOKUP per file of an {@code rm -r}.
 *
 * <p>An operation counts once per directory however many rows of it it writes, after it commits and before its
 * caller hears back: after the directory's new attributes show, so that a count never runs ahead of the attributes
 * read with it (a count that lags only makes an answer "not atomic"). The counts sit in a fixed array indexed by a
 * hash of the directory id: two directories that share a slot count each other's changes, which can only make an
 * answer "not atomic", never wrongly "atomic", and the memory stays bounded without forgetting anything. A commit
 * that failed in a way that leaves unknown whether it took effect counts as a change of every directory.
 *
 * <p>Exact only while this process is the namespace's only writer: otherwise nothing is counted ({@link #count}
 * answers -1), and clients are told no change was atomic.
 */
public final class DirectoryChanges {
    private static final int SLOTS = 1 << 16;
    /** Key of the directories the running operation changed ({@link Tx#operationLocal}). */
    private static final Object CHANGED = new Object();

    private final AtomicLongArray counts;
    /** {@link Tx#uncertainCommits()} when every slot last counted them. */
    private volatile long uncertainSeen = Tx.uncertainCommits();

    private DirectoryChanges(AtomicLongArray counts) {
        this.counts = counts;
    }

    /** Counts changes: for the namespace's only writer. */
    public static DirectoryChanges counted() {
        return new DirectoryChanges(new AtomicLongArray(SLOTS));
    }

    /** Counts nothing: for a node that shares the namespace with others. */
    public static DirectoryChanges notCounted() {
        return new DirectoryChanges(null);
    }

    /** The running operation changes the directory; it counts once, after the operation commits. */
    void changed(long dirId) {
        if (counts == null) {
            return;
        }
        Set<Long> dirs = Tx.operationLocal(CHANGED, HashSet::new);
        boolean first = dirs.isEmpty();
        if (dirs.add(dirId) && first) {
            // After the on-commit actions, which show the directory's new mtime (DirectoryTable.touch).
            Tx.afterCommit(() -> {
                for (long d : dirs) {
                    counts.incrementAndGet(slot(d));
                }
            });
        }
    }

    /**
     * Operations committed so far that changed the directory (or a directory sharing its slot); -1 when changes are
     * not counted. Two reads that differ by exactly one bracket exactly one change.
     */
    public long count(long dirId) {
        if (counts == null) {
            return -1;
        }
        if (Tx.uncertainCommits() != uncertainSeen) {
            countUncertainCommits();
        }
        return counts.get(slot(dirId));
    }

    /** Every slot first, the mark after: a reader that sees the mark up to date reads slots that counted it. */
    private synchronized void countUncertainCommits() {
        long uncertain = Tx.uncertainCommits();
        if (uncertain == uncertainSeen) {
            return;
        }
        for (int i = 0; i < SLOTS; i++) {
            counts.incrementAndGet(i);
        }
        uncertainSeen = uncertain;
    }

    private static int slot(long dirId) {
        return (int) ((dirId * 0x9E3779B97F4A7C15L) >>> 48); // Fibonacci hashing: consecutive ids spread out
    }
}
