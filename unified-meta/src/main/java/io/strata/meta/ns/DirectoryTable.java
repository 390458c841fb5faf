package io.strata.meta.ns;

import io.strata.meta.ignite.DentryKey;
import io.strata.meta.ignite.DentryRow;
import io.strata.meta.key.Utf8Order;
import io.strata.meta.model.DirEntry;
import io.strata.meta.model.InodeType;
import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.IndexQuery;
import org.apache.ignite.cache.query.QueryCursor;

import static org.apache.ignite.cache.query.IndexQueryCriteriaBuilder.eq;
import static org.apache.ignite.cache.query.IndexQueryCriteriaBuilder.gt;
import static org.apache.ignite.cache.query.IndexQueryCriteriaBuilder.gte;

/**
 * Directory entries, and each directory's change stamp. Every change to a directory's entries writes its stamp
 * blindly (no read, so concurrent creates in one directory do not conflict); an operation that needs the whole
 * directory to hold still (remove a directory only if empty) reads the stamp in its transaction, so any create
 * committed meanwhile makes it retry.
 */
public final class DirectoryTable {
    private final IgniteCache<DentryKey, DentryRow> entries;
    private final IgniteCache<Long, Long> stamps;

    public DirectoryTable(IgniteCache<DentryKey, DentryRow> entries, IgniteCache<Long, Long> stamps) {
        this.entries = entries;
        this.stamps = stamps;
    }

    public DirEntry lookup(long dirId, String name) {
        DentryRow row = entries.get(new DentryKey(dirId, name));
        return row == null ? null : new DirEntry(dirId, name, row.childId(), InodeType.ofCode(row.type()));
    }

    public void link(long dirId, String name, long childId, InodeType type, long nowNanos) {
        String sortKey = Utf8Order.entrySortKey(name, type == InodeType.DIRECTORY);
        entries.put(new DentryKey(dirId, name), new DentryRow(dirId, sortKey, childId, type.code()));
        touch(dirId, nowNanos);
    }

    public void unlink(long dirId, String name, long nowNanos) {
        entries.remove(new DentryKey(dirId, name));
        touch(dirId, nowNanos);
    }

    /** Records a change of the directory's entries; the value is its new mtime. */
    public void touch(long dirId, long nowNanos) {
        stamps.put(dirId, nowNanos);
    }

    /** The directory's last entry change (0 if none recorded), read inside a transaction to hold it still. */
    public long stamp(long dirId) {
        Long v = stamps.get(dirId);
        return v == null ? 0 : v;
    }

    public void forget(long dirId) {
        stamps.remove(dirId);
    }

    /**
     * Up to {@code limit} entries in S3 key order starting at {@code fromSortKey}. Reads committed state only
     * (index queries do not join transactions).
     */
    public List<Entry> page(long dirId, String fromSortKey, boolean inclusive, int limit) {
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

    /** True if the directory has no entries other than {@code exceptName} (which the caller is removing). */
    public boolean isEmptyExcept(long dirId, String exceptName) {
        for (Entry e : page(dirId, "", true, 2)) {
            if (!e.entry().name().equals(exceptName)) {
                return false;
            }
        }
        return true;
    }

    /** A directory entry with its index sort key. */
    public record Entry(DirEntry entry, String sortKey) {
    }
}
