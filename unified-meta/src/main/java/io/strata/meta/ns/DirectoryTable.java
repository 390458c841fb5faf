package io.strata.meta.ns;

import io.strata.meta.ignite.Tx;
import io.strata.meta.ignite.DentryKey;
import io.strata.meta.ignite.DentryRow;
import io.strata.meta.key.Utf8Order;
import io.strata.meta.model.DirEntry;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import javax.cache.Cache;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.IndexQuery;
import org.apache.ignite.cache.query.QueryCursor;

import static org.apache.ignite.cache.query.IndexQueryCriteriaBuilder.eq;
import static org.apache.ignite.cache.query.IndexQueryCriteriaBuilder.gt;
import static org.apache.ignite.cache.query.IndexQueryCriteriaBuilder.gte;

/**
 * Directory entries, each directory's change stamps, and its link count. A directory's nlink is 2 plus its
 * subdirectories (its entry in the parent, its own ".", and each child's ".."), as on a local file system: find(1)
 * and file-system test suites rely on it, so linking or unlinking a directory entry updates the parent's inode in
 * the same transaction.
 *
 * <p>Change stamps: Every change to a directory's entries writes one of its
 * {@value #STAMP_SLOTS} stamp slots; an operation that needs the whole directory to hold still (remove a directory
 * only if it is empty) reads every slot in its transaction, so any change committed meanwhile makes it retry.
 * Ignite's optimistic serializable transactions validate written keys too, so a single stamp would make concurrent
 * creates in one directory conflict. A node's transactions never run concurrently (group commit runs them one at a
 * time), so only nodes can meet on a slot: each writes its own, chosen from its name. Slots were per thread and 64
 * at first; then removing a directory read 64 keys and wrote 64 more, an S3 delete of {@code a/b/c/key} read 64
 * per level, and rmdir ran at a twelfth of create's rate in bench/run-nfs. Slots 8 to 63 of directories stamped
 * back then are no longer read: their mtimes may step back once, which clients take as a change like any other.
 *
 * <p>While this node is the namespace's only writer (the embedded grid finds only itself), no other node writes a
 * slot, so only this node's slot is read, written and removed: reading eight (most of them absent) was an eighth of
 * an rmdir's cost, and eight per level of an S3 delete. A clustered deployment reads all {@value #STAMP_SLOTS}.
 * Slots that versions with per-thread slots wrote are then neither read nor removed: such a directory may show an
 * older mtime once, and those few rows stay behind when it goes.
 */
public final class DirectoryTable {
    static final int STAMP_SLOTS = 8;
    /** Key layout: directory id, then 6 bits of slot (room for the 64 slots of earlier versions). */
    private static final int SLOT_BITS = 6;
    /** Key of the set of directories the running transaction added entries to ({@link Tx#transactionLocal}). */
    private static final Object LINKED = new Object();
    /** Entries {@link #isEmptyExcept} reads from the index at a time. */
    private static final int EMPTINESS_BATCH = 8;

    private final IgniteCache<DentryKey, DentryRow> entries;
    private final IgniteCache<Long, Long> stamps;
    private final InodeIds cookies;
    private final InodeTable inodes;
    /** The slot this node writes. */
    private final int stampSlot;
    /** The slots that any node sharing the namespace may write: the ones a stamp reads. */
    private final int[] writerSlots;
    /**
     * Latest entry change per directory as this node has seen it (written by every change made here, filled from
     * the slots on a miss), so attribute reads need not read all slots. Exact while this process is the only one
     * changing the namespace (embedded mode); a clustered deployment must invalidate it across nodes.
     */
    private final ConcurrentHashMap<Long, Long> latest = new ConcurrentHashMap<>();
    private static final int LATEST_MAX = 1 << 20;
    private final LongAdder indexChecks = new LongAdder();
    /** Entries of the directories made since start; only while this node is the sole writer, else null. */
    private final EntryCounts counts;
    private final DirectoryChanges changes;

    /**
     * @param cookies hands out READDIR cookies: unique and growing, like inode ids (so they share the sequence)
     * @param nodeName this node's name, which picks its stamp slot
     * @param soleWriter whether this node is the only one that changes the namespace (see the class comment)
     * @param changes where each change of a directory's entries counts
     */
    public DirectoryTable(IgniteCache<DentryKey, DentryRow> entries, IgniteCache<Long, Long> stamps, InodeIds cookies,
                          InodeTable inodes, String nodeName, boolean soleWriter, DirectoryChanges changes) {
        this.entries = entries;
        this.stamps = stamps;
        this.cookies = cookies;
        this.inodes = inodes;
        this.stampSlot = Math.floorMod(nodeName.hashCode(), STAMP_SLOTS);
        this.writerSlots = soleWriter ? new int[] {stampSlot} : IntStream.range(0, STAMP_SLOTS).toArray();
        this.counts = soleWriter ? new EntryCounts() : null;
        this.changes = changes;
    }

    public DirEntry lookup(long dirId, String name) {
        DentryRow row = entries.get(new DentryKey(dirId, name));
        return row == null ? null : new DirEntry(dirId, name, row.childId(), InodeType.ofCode(row.type()));
    }

    public void link(long dirId, String name, long childId, InodeType type, long nowNanos) {
        String sortKey = Utf8Order.entrySortKey(name, type == InodeType.DIRECTORY);
        entries.put(new DentryKey(dirId, name), new DentryRow(dirId, sortKey, cookies.next(), childId, type.code()));
        linkedInThisTransaction().add(dirId);
        if (counts != null) {
            counts.changed(dirId, +1);
        }
        touch(dirId, nowNanos);
        if (type == InodeType.DIRECTORY) {
            countSubdirectories(dirId, +1, nowNanos);
        }
    }

    /** @param type the type of the entry being removed (a directory's removal lowers the parent's nlink) */
    public void unlink(long dirId, String name, InodeType type, long nowNanos) {
        entries.remove(new DentryKey(dirId, name));
        if (counts != null) {
            counts.changed(dirId, -1);
        }
        touch(dirId, nowNanos);
        if (type == InodeType.DIRECTORY) {
            countSubdirectories(dirId, -1, nowNanos);
        }
    }

    private void countSubdirectories(long dirId, int delta, long nowNanos) {
        Inode dir = inodes.get(dirId);
        if (dir != null) {
            inodes.put(dir.withNlink(Math.max(2, dir.posix().nlink() + delta), nowNanos));
        }
    }

    /** The directories the running transaction added entries to, which the index does not show yet. */
    private static Set<Long> linkedInThisTransaction() {
        return Tx.transactionLocal(LINKED, HashSet::new);
    }

    /** Records a change of the directory's entries; the value is its new mtime. */
    public void touch(long dirId, long nowNanos) {
        stamps.put(slot(dirId, stampSlot), nowNanos);
        changes.changed(dirId);
        // Shown once committed, not before: attributes read meanwhile would show the new mtime (and NFSv4 change)
        // with the old entries, and a client that cached both would miss the change when it lands.
        Tx.onCommit(() -> remember(dirId, nowNanos));
    }

    /**
     * Counts the running operation as a change of the directory even if it turns out to change nothing (a rename
     * onto itself, a create that finds its file): a client told "this operation alone" must not be wrong either way.
     */
    public void changing(long dirId) {
        changes.changed(dirId);
    }

    /** See {@link DirectoryChanges#count}. */
    public long changeCount(long dirId) {
        return changes.count(dirId);
    }

    /** The directory's last entry change for display (its mtime), without joining a transaction's read set. */
    public long latestChange(long dirId) {
        Long known = latest.get(dirId);
        return known != null ? known : remember(dirId, readSlots(dirId));
    }

    /**
     * A directory the running transaction creates has no stamps: its mtime is its inode's until an entry changes,
     * so reading its attributes (as the reply to the MKDIR that made it does) need not look for stamps. It has no
     * entries either, so they are counted from here on. Safe even if the transaction rolls back: the id is never
     * handed out again.
     */
    public void createdEmpty(long dirId) {
        latest.putIfAbsent(dirId, 0L);
        if (counts != null) {
            counts.born(dirId);
        }
    }

    private long remember(long dirId, long nanos) {
        if (latest.size() > LATEST_MAX) {
            latest.clear();
        }
        return latest.merge(dirId, nanos, Math::max);
    }

    /**
     * The directory's last entry change (0 if none recorded). Read inside a transaction, it holds the directory
     * still: the transaction fails at commit if any entry of it changed.
     */
    public long stamp(long dirId) {
        return readSlots(dirId);
    }

    private long readSlots(long dirId) {
        long max = 0;
        for (Long v : stamps.getAll(slots(dirId)).values()) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Removes a directory that is going away: its stamps and its inode (the caller unlinks its entry). */
    public void drop(long dirId) {
        stamps.removeAll(slots(dirId));
        latest.remove(dirId);
        if (counts != null) {
            counts.gone(dirId);
        }
        inodes.removeDirectory(dirId);
    }

    private static long slot(long dirId, int slot) {
        return (dirId << SLOT_BITS) | slot;
    }

    private Set<Long> slots(long dirId) {
        Set<Long> keys = new TreeSet<>();
        for (int i : writerSlots) {
            keys.add(slot(dirId, i));
        }
        return keys;
    }

    /**
     * Up to {@code limit} entries in S3 key order starting at {@code fromSortKey}. Reads committed state only
     * (index queries do not join transactions).
     */
    public List<Entry> page(long dirId, String fromSortKey, boolean inclusive, int limit) {
        Tx.beforeQuery(); // a query sees no uncommitted write: see GroupCommit
        return indexPage(dirId, fromSortKey, inclusive, limit);
    }

    private List<Entry> indexPage(long dirId, String fromSortKey, boolean inclusive, int limit) {
        IndexQuery<DentryKey, DentryRow> query = new IndexQuery<DentryKey, DentryRow>(DentryRow.class, DentryRow.INDEX)
                .setCriteria(eq("parentId", dirId),
                        inclusive ? gte("sortKey", fromSortKey) : gt("sortKey", fromSortKey));
        query.setPageSize(Math.min(Math.max(limit, 1), 1024));
        List<Entry> out = new ArrayList<>(Math.min(limit, 1024));
        try (QueryCursor<Cache.Entry<DentryKey, DentryRow>> cursor = entries.query(query)) {
            for (Cache.Entry<DentryKey, DentryRow> e : cursor) {
                DentryRow row = e.getValue();
                out.add(new Entry(new DirEntry(dirId, e.getKey().name(), row.childId(), InodeType.ofCode(row.type())),
                        row.sortKey()));
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Up to {@code limit} entries with a cookie above {@code afterCookie}, in cookie order (NFS READDIR). Reads
     * committed state only.
     */
    public List<CookieEntry> pageByCookie(long dirId, long afterCookie, int limit) {
        IndexQuery<DentryKey, DentryRow> query =
                new IndexQuery<DentryKey, DentryRow>(DentryRow.class, DentryRow.COOKIE_INDEX)
                        .setCriteria(eq("parentId", dirId), gt("cookie", afterCookie));
        query.setPageSize(Math.min(Math.max(limit, 1), 1024));
        List<CookieEntry> out = new ArrayList<>(Math.min(limit, 1024));
        Tx.beforeQuery(); // a query sees no uncommitted write: see GroupCommit
        try (QueryCursor<Cache.Entry<DentryKey, DentryRow>> cursor = entries.query(query)) {
            for (Cache.Entry<DentryKey, DentryRow> e : cursor) {
                DentryRow row = e.getValue();
                out.add(new CookieEntry(new DirEntry(dirId, e.getKey().name(), row.childId(),
                        InodeType.ofCode(row.type())), row.cookie()));
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * True if the directory has no entries other than {@code exceptName}, which the caller has unlinked earlier in its
     * transaction. A directory made since this process started has its entries counted ({@link EntryCounts}), and
     * the count answers. Otherwise the index does. It shows committed state, and a committing transaction's writes
     * become visible one key at a time: an entry another transaction is removing may still be listed after that
     * transaction's other writes (its stamp) are visible. So each entry the index shows is read again in the
     * caller's transaction: if it is being removed, the caller's commit fails and retries instead of deciding on a
     * stale view, and one already gone is skipped. Entries that earlier operations of the caller's transaction
     * removed are skipped the same way; if one of them added an entry to this directory, which the index cannot show
     * yet, the caller must run alone ({@link Tx#beforeQuery}). Otherwise a batch of directory removals stays one
     * batch.
     */
    public boolean isEmptyExcept(long dirId, String exceptName) {
        Boolean counted = counts == null ? null : counts.isEmpty(dirId);
        if (counted != null) {
            return counted;
        }
        indexChecks.increment();
        if (linkedInThisTransaction().contains(dirId)) {
            Tx.beforeQuery();
        }
        String from = "";
        boolean inclusive = true;
        while (true) {
            List<Entry> batch = indexPage(dirId, from, inclusive, EMPTINESS_BATCH);
            for (Entry e : batch) {
                String name = e.entry().name();
                if (!name.equals(exceptName) && entries.get(new DentryKey(dirId, name)) != null) {
                    return false;
                }
            }
            if (batch.size() < EMPTINESS_BATCH) {
                return true;
            }
            from = batch.get(batch.size() - 1).sortKey();
            inclusive = false;
        }
    }

    /**
     * True if the directory's entries are counted and it has one at least, counting the running transaction's own
     * changes: callers skip what they would do for an emptied directory without reading anything. False when it is
     * empty or not counted.
     */
    public boolean knownNotEmpty(long dirId) {
        return counts != null && Boolean.FALSE.equals(counts.isEmpty(dirId));
    }

    /** Emptiness checks the index answered, since start (for tests: counted directories need none). */
    long indexChecks() {
        return indexChecks.sum();
    }

    /** A directory entry with its index sort key. */
    public record Entry(DirEntry entry, String sortKey) {
    }

    /** A directory entry with its READDIR cookie. */
    public record CookieEntry(DirEntry entry, long cookie) {
    }
}
