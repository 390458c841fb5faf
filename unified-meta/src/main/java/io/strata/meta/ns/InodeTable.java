package io.strata.meta.ns;

import io.strata.meta.codec.InodeCodec;
import io.strata.meta.ignite.Tx;
import io.strata.meta.error.NotFoundException;
import io.strata.meta.model.Inode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.ignite.IgniteCache;

/** Inodes by id. Reads and writes join the caller's transaction when one is open. */
public final class InodeTable {
    private final IgniteCache<Long, byte[]> cache;
    private final AccessTimes accessTimes;

    /** @param accessTimes where reads of files are recorded: a removed inode's row goes once the removal commits */
    public InodeTable(IgniteCache<Long, byte[]> cache, AccessTimes accessTimes) {
        this.cache = cache;
        this.accessTimes = accessTimes;
    }

    public Inode get(long id) {
        byte[] b = cache.get(id);
        return b == null ? null : InodeCodec.decode(b);
    }

    public Inode require(long id) {
        Inode inode = get(id);
        if (inode == null) {
            throw new NotFoundException("inode " + id + " is gone");
        }
        return inode;
    }

    public Map<Long, Inode> getAll(Collection<Long> ids) {
        Map<Long, Inode> out = new HashMap<>();
        cache.getAll(new java.util.HashSet<>(ids)).forEach((id, b) -> out.put(id, InodeCodec.decode(b)));
        return out;
    }

    public void put(Inode inode) {
        cache.put(inode.id(), InodeCodec.encode(inode));
    }

    public void remove(long id) {
        cache.remove(id);
        // Access times live in a non-transactional cache (recording a read must never conflict with a write), so
        // the row can only go after the commit; before, a retried or refused removal would lose a live file's row.
        Tx.afterCommit(() -> accessTimes.forget(id));
    }
}
