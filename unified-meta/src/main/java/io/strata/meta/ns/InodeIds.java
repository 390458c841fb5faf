package io.strata.meta.ns;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteAtomicSequence;

/**
 * Hands out inode ids and generations. Ids come in blocks from a persistent Ignite sequence; refilling a block is
 * done on a thread of its own, because a caller may be inside a namespace transaction where Ignite's data
 * structures must not be touched. A crash skips the rest of a block: ids are never reused.
 */
public final class InodeIds {
    private static final int BLOCK = 1024;

    private final Ignite ignite;
    private final IgniteAtomicSequence sequence;
    private final ExecutorService refiller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "strata-inode-ids");
        t.setDaemon(true);
        return t;
    });
    private long next;
    private long limit;

    public InodeIds(Ignite ignite, IgniteAtomicSequence sequence) {
        this.ignite = ignite;
        this.sequence = sequence;
    }

    public synchronized long next() {
        if (next >= limit) {
            long start = ignite.transactions().tx() == null
                    ? reserve()
                    : joinReserve();
            next = start;
            limit = start + BLOCK;
        }
        return next++;
    }

    /** A generation for a new inode: with the id it makes an NFS handle that no later inode can match. */
    public int generation() {
        return ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    }

    private long joinReserve() {
        try {
            return refiller.submit(this::reserve).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reserving inode ids", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not reserve inode ids", e.getCause());
        }
    }

    private long reserve() {
        return sequence.getAndAdd(BLOCK);
    }

    public void close() {
        refiller.shutdownNow();
    }
}
