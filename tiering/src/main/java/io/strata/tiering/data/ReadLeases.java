package io.strata.tiering.data;

import io.strata.meta.model.BlobRef;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts readers per blob in this process. A released blob is reclaimed only when no reader holds it, and only
 * after a grace period that covers a reader between reading metadata and taking its lease.
 */
public final class ReadLeases {
    private final ConcurrentHashMap<BlobRef, Integer> holders = new ConcurrentHashMap<>();

    public void acquire(BlobRef blob) {
        holders.merge(blob, 1, Integer::sum);
    }

    public void release(BlobRef blob) {
        holders.computeIfPresent(blob, (b, n) -> n <= 1 ? null : n - 1);
    }

    public boolean held(BlobRef blob) {
        return holders.containsKey(blob);
    }
}
