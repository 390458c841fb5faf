package io.strata.meta.ns;

import io.strata.meta.codec.InodeCodec;
import io.strata.meta.ignite.Tx;
import io.strata.meta.error.NotFoundException;
import io.strata.meta.model.Inode;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.ignite.IgniteCache;

/** Inodes by id. Reads and writes join the caller's transaction when one is open. */
public final class InodeTable {
    /** Key of the inodes the running transaction removed ({@link Tx#transactionLocal}). */
    private static final Object REMOVED = new Object();

    private final IgniteCache<Long, byte[]> cache;
    private final AccessTimes accessTimes;
    private final DirectoryChanges changes;

    /**
     * @param accessTimes where reads of files are recorded: a removed inode's row goes once the removal commits
     * @param changes     where writes of a directory's inode count as changes of it
     */
    public InodeTable(IgniteCache<Long, byte[]> cache, AccessTimes accessTimes, DirectoryChanges changes) {
        this.cache = cache;
        this.accessTimes = accessTimes;
        this.changes = changes;
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
        cache.getAll(new HashSet<>(ids)).forEach((id, b) -> out.put(id, InodeCodec.decode(b)));
        return out;
    }

    public void put(Inode inode) {
        cache.put(inode.id(), InodeCodec.encode(inode));
        if (inode.isDirectory()) {
            changes.changed(inode.id());
        }
    }

    /** Removes a directory's inode: directories are never read as content, so they have no access-time row. */
    public void removeDirectory(long id) {
        cache.remove(id);
        changes.changed(id);
    }

    /** Removes a file's, symlink's or special file's inode, and its access-time row once committed. */
    public void remove(long id) {
        cache.remove(id);
        // Access times live in a non-transactional cache (recording a read must never conflict with a write), so
        // the row can only go after the commit; before, a retried or refused removal would lose a live file's row.
        // The removals of one transaction (a batch of operations) go in one call, which looks the rows up before
        // removing any (see AccessTimes.forgetAll): a removal per file was a tenth of the CPU of an NFS REMOVE.
        Set<Long> removed = Tx.transactionLocal(REMOVED, HashSet::new);
        boolean first = removed.isEmpty();
        removed.add(id);
        if (first) { // one action per transaction; outside one, it runs at once with this id
            Tx.afterCommit(() -> accessTimes.forgetAll(new TreeSet<>(removed))); // sorted, as Ignite wants
        }
    }
}
