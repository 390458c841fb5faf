package io.strata.meta.ns;

import org.apache.ignite.IgniteCache;

/**
 * Bytes of small objects kept in the namespace. Written only inside the transaction that publishes them, so an
 * inline object needs neither a data file nor a ledger entry while it is written; released like any blob.
 */
public final class InlineTable {
    private final IgniteCache<String, byte[]> cache;

    public InlineTable(IgniteCache<String, byte[]> cache) {
        this.cache = cache;
    }

    /** The bytes, or null if they were reclaimed. */
    public byte[] get(String blobId) {
        return cache.get(blobId);
    }

    void putInTx(String blobId, byte[] bytes) {
        cache.put(blobId, bytes);
    }

    /** Reclaims released inline bytes (outside any transaction). */
    public void remove(String blobId) {
        cache.remove(blobId);
    }
}
