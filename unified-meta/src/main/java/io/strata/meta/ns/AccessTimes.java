package io.strata.meta.ns;

import org.apache.ignite.IgniteCache;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each file was last read, in wall-clock milliseconds, for policies on "age since last access". Kept apart from
 * the inode and outside transactions: recording a read must never conflict with, or slow, a write to the file.
 * Callers batch and coarsen updates (as Linux relatime does).
 */
public final class AccessTimes {
    /** Inodes recorded since start that {@link #forgetAll} keeps track of, at most; past it, it asks the cache. */
    private static final int TRACKED_MAX = 1 << 20;

    private final IgniteCache<Long, Long> cache;
    /** Inode ids from here on were made by this process: they have a row only if recorded since start. */
    private final long madeSinceStartFrom;
    /** Inodes made since start that have a row (recorded, not yet forgotten). */
    private final Set<Long> recordedSinceStart = ConcurrentHashMap.newKeySet();
    private volatile boolean tracking = true;

    /** @param madeSinceStartFrom the lowest inode id this process can hand out; every older inode has a lower one */
    public AccessTimes(IgniteCache<Long, Long> cache, long madeSinceStartFrom) {
        this.cache = cache;
        this.madeSinceStartFrom = madeSinceStartFrom;
    }

    public void recordAll(Map<Long, Long> lastAccessByInode) {
        if (tracking) {
            for (Long id : lastAccessByInode.keySet()) {
                if (id >= madeSinceStartFrom) {
                    recordedSinceStart.add(id);
                }
            }
            if (recordedSinceStart.size() > TRACKED_MAX) {
                tracking = false;
                recordedSinceStart.clear();
            }
        }
        cache.putAll(lastAccessByInode);
    }

    public Map<Long, Long> getAll(Collection<Long> inodeIds) {
        return cache.getAll(new HashSet<>(inodeIds));
    }

    /**
     * Removes the rows of these inodes. Most removed files were never read and have none; removing an absent key
     * still costs a write (an entry, a lock, a WAL record), so the rows are looked up first, which costs a read. An
     * inode made since start is looked up only if it was recorded since: a file made and removed unread (a build's
     * or a copy's temporary) costs nothing here.
     */
    public void forgetAll(Set<Long> inodeIds) {
        Set<Long> candidates = new TreeSet<>();
        for (Long id : inodeIds) {
            if (!tracking || id < madeSinceStartFrom || recordedSinceStart.remove(id)) {
                candidates.add(id);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Set<Long> present = new TreeSet<>(cache.getAll(candidates).keySet());
        if (!present.isEmpty()) {
            cache.removeAll(present);
        }
    }
}
