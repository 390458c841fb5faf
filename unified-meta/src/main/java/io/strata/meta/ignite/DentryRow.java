package io.strata.meta.ignite;

import org.apache.ignite.cache.query.annotations.QuerySqlField;

/**
 * Value of a directory entry. The sorted index (parentId, sortKey) pages a directory in S3 key order without
 * loading it whole; sortKey is {@link io.strata.meta.key.Utf8Order#entrySortKey}.
 */
public final class DentryRow {
    public static final String INDEX = "DIR_ORDER";

    @QuerySqlField(orderedGroups = @QuerySqlField.Group(name = INDEX, order = 0))
    private long parentId;
    @QuerySqlField(orderedGroups = @QuerySqlField.Group(name = INDEX, order = 1))
    private String sortKey;
    private long childId;
    private byte type;

    public DentryRow(long parentId, String sortKey, long childId, byte type) {
        this.parentId = parentId;
        this.sortKey = sortKey;
        this.childId = childId;
        this.type = type;
    }

    public long parentId() {
        return parentId;
    }

    public String sortKey() {
        return sortKey;
    }

    public long childId() {
        return childId;
    }

    public byte type() {
        return type;
    }
}
