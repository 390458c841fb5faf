package io.strata.tiering.access;

import io.strata.meta.ns.AccessTimes;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Records when files are read, for policies on "age since last access", the way Linux relatime does: a read is
 * written down only if the recorded time is older than the granularity, and writes go to the namespace in batches,
 * so reading a hot file costs a map lookup. Also tells the mover when a read reached the cloud tier (recall on
 * access).
 */
public final class AccessTracker {
    private static final int MAX_REMEMBERED = 1_000_000;

    private final AccessTimes table;
    private final long granularityMillis;
    private final long flushEveryMillis;
    /** What this node last wrote down (or is about to), per inode. */
    private final ConcurrentHashMap<Long, Long> recorded = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Long> pending = new ConcurrentHashMap<>();
    private volatile long lastFlush = System.currentTimeMillis();
    private volatile LongConsumer coldReadListener = id -> { };

    public AccessTracker(AccessTimes table, Duration granularity, Duration flushEvery) {
        this.table = table;
        this.granularityMillis = granularity.toMillis();
        this.flushEveryMillis = flushEvery.toMillis();
    }

    /** A read (S3 GET, NFS READ) of the inode just happened. */
    public void touched(long inodeId) {
        long now = System.currentTimeMillis();
        Long last = recorded.get(inodeId);
        if (last != null && now - last < granularityMillis) {
            return;
        }
        if (recorded.size() > MAX_REMEMBERED) {
            recorded.clear(); // only costs a few redundant writes
        }
        recorded.put(inodeId, now);
        pending.put(inodeId, now);
        if (now - lastFlush >= flushEveryMillis) {
            flush();
        }
    }

    /** A read of the inode was served from a cloud volume. */
    public void coldRead(long inodeId) {
        coldReadListener.accept(inodeId);
    }

    public void onColdRead(LongConsumer listener) {
        this.coldReadListener = listener;
    }

    /** Writes pending reads down; policy evaluation calls it first so that it sees every read. */
    public synchronized void flush() {
        lastFlush = System.currentTimeMillis();
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, Long> batch = new HashMap<>();
        for (Long id : pending.keySet()) {
            Long t = pending.remove(id);
            if (t != null) {
                batch.put(id, t);
            }
        }
        table.recordAll(batch);
    }

    /** Last recorded read per inode (absent: never read since tracking began). */
    public Map<Long, Long> lastAccess(Collection<Long> inodeIds) {
        return table.getAll(inodeIds);
    }
}
