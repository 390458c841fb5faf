package io.strata.meta.ns;

import org.apache.ignite.IgniteCache;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * Removes the rows of these inodes. Most removed files were never read and have none; removing an absent key
     * still costs a write (an entry, a lock, a WAL record), so the rows are looked up first, which costs a read.
     */
    public void forgetAll(Set<Long> inodeIds) {
        Set<Long> present = new TreeSet<>(cache.getAll(inodeIds).keySet());
        if (!present.isEmpty()) {
            cache.removeAll(present);
        }
    }
}
