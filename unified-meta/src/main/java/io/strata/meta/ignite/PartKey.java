package io.strata.meta.ignite;

import java.util.Objects;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** Key of one uploaded part; parts of an upload share a partition. */
public final class PartKey {
    @AffinityKeyMapped
    private String uploadId;
    private int partNumber;

    public PartKey(String uploadId, int partNumber) {
        this.uploadId = uploadId;
        this.partNumber = partNumber;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartKey k && k.partNumber == partNumber && k.uploadId.equals(uploadId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uploadId, partNumber);
    }
}
