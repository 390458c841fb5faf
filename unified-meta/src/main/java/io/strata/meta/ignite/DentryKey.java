package io.strata.meta.ignite;

import java.util.Objects;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** Key of a directory entry. Entries of one directory share a partition, so a listing reads one partition. */
public final class DentryKey {
    @AffinityKeyMapped
    private long parentId;
    private String name;

    public DentryKey(long parentId, String name) {
        this.parentId = parentId;
        this.name = name;
    }

    public long parentId() {
        return parentId;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DentryKey k && k.parentId == parentId && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parentId, name);
    }
}
