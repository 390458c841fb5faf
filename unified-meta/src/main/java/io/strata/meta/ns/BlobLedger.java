package io.strata.meta.ns;

import io.strata.meta.ignite.Tx;
import io.strata.meta.codec.LedgerCodec;
import io.strata.meta.codec.LedgerCodec.Entry;
import io.strata.meta.codec.LedgerCodec.State;
import io.strata.meta.model.BlobRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.cache.Cache;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

/**
 * Tracks every data file the namespace does not reference: files being written (INFLIGHT, recorded before the
 * first byte) and files no longer referenced (RELEASED, recorded in the same transaction that dropped the last
 * reference). A crash at any point therefore leaves each data file either referenced or in the ledger, and the
 * reclaimer deletes ledger files once no reader can still be using them.
 */
public final class BlobLedger {
    private final IgniteCache<String, byte[]> cache;
    private final String node;

    public BlobLedger(IgniteCache<String, byte[]> cache, String node) {
        this.cache = cache;
        this.node = node;
    }

    /** Before writing a new data file (in a transaction of its own or the caller's). */
    public void inflight(BlobRef blob) {
        cache.put(blob.token(), LedgerCodec.encode(new Entry(blob, State.INFLIGHT, System.currentTimeMillis(), node)));
    }

    /** Inside the transaction that makes the namespace reference the blob. */
    public void referenced(Collection<BlobRef> blobs) {
        for (BlobRef b : blobs) {
            // Inline bytes are written by the publishing transaction itself and never enter the ledger INFLIGHT.
            if (!b.isInline()) {
                cache.remove(b.token());
            }
        }
    }

    /** Inside the transaction that drops the namespace's last reference to the blob. */
    public void released(Collection<BlobRef> blobs) {
        long now = System.currentTimeMillis();
        for (BlobRef b : blobs) {
            cache.put(b.token(), LedgerCodec.encode(new Entry(b, State.RELEASED, now, node)));
        }
    }

    /** After the reclaimer deleted the data file. */
    public void forget(BlobRef blob) {
        cache.remove(blob.token());
    }

    /**
     * Blobs released at or before {@code releasedUpToMillis}, and this node's inflight blobs older than
     * {@code inflightBeforeMillis}, up to {@code limit}. At-or-before, so that a grace of zero means every committed
     * release: with a strict bound, a release in the same millisecond as the pass waited for the next one.
     */
    public List<Entry> reclaimable(long releasedUpToMillis, long inflightBeforeMillis, int limit) {
        List<Entry> out = new ArrayList<>();
        Tx.beforeQuery(); // a query sees no uncommitted write: see GroupCommit
        try (QueryCursor<Cache.Entry<String, byte[]>> cursor = cache.query(new ScanQuery<String, byte[]>())) {
            for (Cache.Entry<String, byte[]> e : cursor) {
                Entry entry = LedgerCodec.decode(e.getValue());
                boolean due = entry.state() == State.RELEASED
                        ? entry.sinceMillis() <= releasedUpToMillis
                        : entry.node().equals(node) && entry.sinceMillis() < inflightBeforeMillis;
                if (due) {
                    out.add(entry);
                    if (out.size() >= limit) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Ledger entries (being written or awaiting reclaim) on one volume: a volume is removable only at zero. */
    public List<Entry> pendingOn(String volumeId) {
        List<Entry> out = new ArrayList<>();
        Tx.beforeQuery(); // a query sees no uncommitted write: see GroupCommit
        try (QueryCursor<Cache.Entry<String, byte[]>> cursor = cache.query(new ScanQuery<String, byte[]>())) {
            for (Cache.Entry<String, byte[]> e : cursor) {
                Entry entry = LedgerCodec.decode(e.getValue());
                if (entry.blob().volumeId().equals(volumeId)) {
                    out.add(entry);
                }
            }
        }
        return out;
    }

    /** At start-up, before serving: whatever this node was writing when it stopped will never be published. */
    public int releaseAbandonedInflight() {
        List<BlobRef> abandoned = new ArrayList<>();
        Tx.beforeQuery(); // a query sees no uncommitted write: see GroupCommit
        try (QueryCursor<Cache.Entry<String, byte[]>> cursor = cache.query(new ScanQuery<String, byte[]>())) {
            for (Cache.Entry<String, byte[]> e : cursor) {
                Entry entry = LedgerCodec.decode(e.getValue());
                if (entry.state() == State.INFLIGHT && entry.node().equals(node)) {
                    abandoned.add(entry.blob());
                }
            }
        }
        released(abandoned);
        return abandoned.size();
    }
}
