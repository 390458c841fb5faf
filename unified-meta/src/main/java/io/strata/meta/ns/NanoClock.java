package io.strata.meta.ns;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall-clock nanoseconds that never repeat or go back within this process: two changes of one file always get
 * different ctimes, which NFS clients use to notice a change.
 */
public final class NanoClock {
    private final AtomicLong last = new AtomicLong();

    public long now() {
        Instant i = Instant.now();
        long candidate = i.getEpochSecond() * 1_000_000_000L + i.getNano();
        return last.updateAndGet(prev -> Math.max(prev + 1, candidate));
    }
}
