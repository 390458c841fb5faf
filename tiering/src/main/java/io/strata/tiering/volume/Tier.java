package io.strata.tiering.volume;

/** Classes of storage a volume belongs to, fastest first. METADATA holds small objects inline in the namespace. */
public enum Tier {
    NVME, NAS, CLOUD, METADATA
}
