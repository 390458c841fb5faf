package io.strata.meta.ignite;

import org.apache.ignite.cache.query.annotations.QuerySqlField;

/**
 * A multipart upload in progress. Indexed by (bucket, sortable key, initiated) for ListMultipartUploads order;
 * the rest of the upload is an encoded payload.
 */
public final class UploadRow {
    public static final String INDEX = "UPLOAD_ORDER";

    @QuerySqlField(orderedGroups = @QuerySqlField.Group(name = INDEX, order = 0))
    private String bucket;
    @QuerySqlField(orderedGroups = @QuerySqlField.Group(name = INDEX, order = 1))
    private String sortKey;
    @QuerySqlField(orderedGroups = @QuerySqlField.Group(name = INDEX, order = 2))
    private long initiated;
    private byte[] payload;

    public UploadRow(String bucket, String sortKey, long initiated, byte[] payload) {
        this.bucket = bucket;
        this.sortKey = sortKey;
        this.initiated = initiated;
        this.payload = payload;
    }

    public String bucket() {
        return bucket;
    }

    public String sortKey() {
        return sortKey;
    }

    public long initiated() {
        return initiated;
    }

    public byte[] payload() {
        return payload;
    }
}
