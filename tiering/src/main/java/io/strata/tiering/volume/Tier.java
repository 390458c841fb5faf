package io.strata.tiering.volume;

/** Classes of storage a volume belongs to, fastest first. */
public enum Tier {
    NVME, NAS, CLOUD
}
