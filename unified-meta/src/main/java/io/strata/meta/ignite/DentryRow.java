package io.strata.meta.ignite;

import org.apache.ignite.cache.query.annotations.QuerySqlField;

/**
 * Value of a directory entry. The sorted index (parentId, sortKey) pages a directory in S3 key order without
 * loading it whole; sortKey is {@link io.strata.meta.key.Utf8Order#entrySortKey}. The second index
 * (parentId, cookie) pages it in creation order for NFS READDIR: an entry's cookie never changes while it exists
 * and later entries get larger ones, so a client paging by cookie never skips or repeats an entry.
 */
public final class DentryRow {
    public static final String INDEX = "DIR_ORDER";
    public static final String COOKIE_INDEX = "DIR_COOKIES";

    @QuerySqlField(orderedGroups = {@QuerySqlField.Group(name = INDEX, order = 0),
            @QuerySqlField.Group(name = COOKIE_INDEX, order = 0)})
    private long parentId;
    @QuerySqlField(orderedGroups = @QuerySqlField.Group(name = INDEX, order = 1))
    private String sortKey;
    @QuerySqlField(orderedGroups = @QuerySqlField.Group(name = COOKIE_INDEX, order = 1))
    private long cookie;
    private long childId;
    private byte type;

    public DentryRow(long parentId, String sortKey, long cookie, long childId, byte type) {
        this.parentId = parentId;
        this.sortKey = sortKey;
        this.cookie = cookie;
        this.childId = childId;
        this.type = type;
    }

    public long cookie() {
        return cookie;
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
