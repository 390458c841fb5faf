package io.strata.meta.ns;

import io.strata.meta.codec.InodeCodec;
import io.strata.meta.error.NotFoundException;
import io.strata.meta.model.Inode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.ignite.IgniteCache;

/** Inodes by id. Reads and writes join the caller's transaction when one is open. */
public final class InodeTable {
    private final IgniteCache<Long, byte[]> cache;

    public InodeTable(IgniteCache<Long, byte[]> cache) {
        this.cache = cache;
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
    }
}
