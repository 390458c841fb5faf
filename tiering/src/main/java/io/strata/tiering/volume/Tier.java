package io.strata.tiering.volume;

/** Classes of storage a volume belongs to, fastest first. METADATA holds small objects inline in the namespace. */
public enum Tier {
    NVME, NAS, CLOUD, METADATA;

    /** Whether bytes on this tier are where a rule asking for {@code wanted} puts them: inline bytes count as nvme. */
    public boolean satisfies(Tier wanted) {
        return this == wanted || (this == METADATA && wanted == NVME);
    }
}
