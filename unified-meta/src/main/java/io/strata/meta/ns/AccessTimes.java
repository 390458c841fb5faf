package io.strata.meta.ns;

import org.apache.ignite.IgniteCache;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;

/**
 * When each file was last read, in wall-clock milliseconds, for policies on "age since last access". Kept apart from
 * the inode and outside transactions: recording a read must never conflict with, or slow, a write to the file.
 * Callers batch and coarsen updates (as Linux relatime does).
 */
public final class AccessTimes {
    private final IgniteCache<Long, Long> cache;

    public AccessTimes(IgniteCache<Long, Long> cache) {
        this.cache = cache;
    }

    public void recordAll(Map<Long, Long> lastAccessByInode) {
        cache.putAll(lastAccessByInode);
    }

    public Map<Long, Long> getAll(Collection<Long> inodeIds) {
        return cache.getAll(new HashSet<>(inodeIds));
    }

    public void forget(long inodeId) {
        cache.remove(inodeId);
    }
}
