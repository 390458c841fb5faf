package io.strata.meta.ignite;

import org.apache.ignite.cache.query.annotations.QuerySqlField;

/** One uploaded part, indexed by (uploadId, partNumber) so ListParts pages in part order. */
public final class PartRow {
    public static final String INDEX = "PART_ORDER";

    @QuerySqlField(orderedGroups = @QuerySqlField.Group(name = INDEX, order = 0))
    private String uploadId;
    @QuerySqlField(orderedGroups = @QuerySqlField.Group(name = INDEX, order = 1))
    private int partNumber;
    private byte[] payload;

    public PartRow(String uploadId, int partNumber, byte[] payload) {
        this.uploadId = uploadId;
        this.partNumber = partNumber;
        this.payload = payload;
    }

    public int partNumber() {
        return partNumber;
    }

    public byte[] payload() {
        return payload;
    }
}
